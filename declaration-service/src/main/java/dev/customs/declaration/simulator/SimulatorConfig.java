package dev.customs.declaration.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import java.time.Duration;
import java.time.ZoneId;

@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** How often live mode files a batch; each tick carries the rate's share, remainders carried over. */
    @WithDefault("100ms")
    Duration tickInterval();

    /** Most declarations per submitAll call (the batch endpoint's limit is 1,000). */
    @WithDefault("500")
    @Min(1)
    @Max(1000)
    int batchSize();

    /** Of filed declarations, the fraction that one of the simulator's recent declarations is amended for. */
    @WithDefault("0.02")
    @DecimalMin("0")
    @DecimalMax("1")
    double amendRatio();

    @WithDefault("0.005")
    @DecimalMin("0")
    @DecimalMax("1")
    double cancelRatio();

    /** How many of its recent declarations the simulator remembers to amend or cancel. */
    @WithDefault("10000")
    @Positive
    int ringBufferSize();

    /** Amendments and cancellations pick among this many of the newest remembered declarations. */
    @WithDefault("10000")
    @Positive
    int recentIdWindow();

    /** National trade comes out at this multiple of the 2024 level, whatever the rate. */
    @WithDefault("1.0")
    @Positive
    double valueScale();

    /** Customs' calendar: what "today" is in live mode. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** How long stop waits for the batch in flight before interrupting it. */
    @WithDefault("30s")
    Duration stopTimeout();
}
