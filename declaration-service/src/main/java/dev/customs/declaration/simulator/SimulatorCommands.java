package dev.customs.declaration.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Request bodies of the simulator endpoints. A missing seed means a random one, reported in the status. */
public final class SimulatorCommands {

    public static final int MAX_RATE_PER_SECOND = 20_000;
    public static final int MAX_DECLARATIONS_PER_DAY = 200_000;

    private SimulatorCommands() {
    }

    public record StartCommand(
            @NotNull @Min(1) @Max(MAX_RATE_PER_SECOND) Integer ratePerSecond,
            Long seed) {
    }

    public record BackfillCommand(
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @NotNull @Min(1) @Max(MAX_DECLARATIONS_PER_DAY) Integer declarationsPerDay,
            Long seed) {
    }
}
