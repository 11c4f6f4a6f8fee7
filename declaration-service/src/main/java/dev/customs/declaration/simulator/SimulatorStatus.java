package dev.customs.declaration.simulator;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the simulator is doing, or last did. {@code sent} counts declarations the service accepted,
 * {@code rejected} every filing, amendment or cancellation it refused, {@code errors} calls that failed
 * outright (their declarations count in neither). Backfill fields are null in live mode and vice versa.
 */
public record SimulatorStatus(
        Mode mode,
        boolean running,
        Integer ratePerSecond,
        Integer declarationsPerDay,
        Long seed,
        LocalDate from,
        LocalDate to,
        Long daysDone,
        Long totalDays,
        long sent,
        long amended,
        long cancelled,
        long rejected,
        long errors,
        Instant startedAt) {

    public enum Mode { LIVE, BACKFILL }

    static SimulatorStatus idle() {
        return new SimulatorStatus(null, false, null, null, null, null, null, null, null, 0, 0, 0, 0, 0, null);
    }
}
