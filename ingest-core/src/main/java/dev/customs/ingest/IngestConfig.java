package dev.customs.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Where records that are not valid events go, with the reason in a header. */
    String deadLetterTopic();

    /** How long to wait for the broker to acknowledge dead letters before the batch is retried. */
    @WithDefault("30s")
    Duration deadLetterAckTimeout();

    /** First pause after a failed batch (database or broker down); doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    @WithDefault("10s")
    Duration retryMaxBackoff();
}
