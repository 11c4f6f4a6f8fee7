package dev.customs.declaration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Events relayed per transaction, at most. */
    @WithDefault("500")
    int batchSize();

    /**
     * Largest event a declaration may make. Below Kafka's default producer {@code max.request.size} and topic
     * {@code max.message.bytes} (1 MiB each), with room for the key and the record's framing: a declaration
     * whose event would be larger is refused at filing, since no broker would take it.
     */
    @WithDefault("1000000")
    int maxRecordBytes();

    /**
     * Payload bytes relayed per transaction, at most (a single larger row still goes alone): keeps the relay's
     * memory and each batch's acknowledgement wait bounded whatever the rows weigh.
     */
    @WithDefault("1000000")
    long maxBatchBytes();

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
