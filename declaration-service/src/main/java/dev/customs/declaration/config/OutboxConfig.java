package dev.customs.declaration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Events relayed per transaction. */
    @WithDefault("500")
    int batchSize();

    /** Pause when the outbox is empty; bounds the delay a new event waits before relaying. */
    @WithDefault("20ms")
    Duration pollInterval();

    /** How long a batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("30s")
    Duration ackTimeout();

    @WithDefault("200ms")
    Duration retryInitialBackoff();

    @WithDefault("10s")
    Duration retryMaxBackoff();
}
