package dev.customs.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Where records that are not valid events go, with the reason in a header. */
    String deadLetterTopic();

    /**
     * How long to wait for the broker to acknowledge dead letters. Past it (or on any producer error) the
     * batch's bad records are quarantined in the database instead, in the transaction that applies the rest.
     */
    @WithDefault("30s")
    Duration deadLetterAckTimeout();

    /**
     * After the dead-letter topic failed, how long batches quarantine their bad records directly instead of
     * waiting for the broker again each time.
     */
    @WithDefault("60s")
    Duration deadLetterRetryAfter();

    /**
     * The largest dead letter written (key, value and headers): below the broker's default max.message.bytes
     * and the producer's max.request.size (both about 1 MiB). A record that would not fit is echoed as a
     * bounded prefix with its original size and SHA-256.
     */
    @WithDefault("921600")
    int deadLetterMaxBytes();

    /** The longest dead-letter or quarantine reason, in UTF-8 bytes. */
    @WithDefault("4096")
    int reasonMaxBytes();

    /** How often quarantined records are offered to the dead-letter topic again (and counted for the gauge). */
    @WithDefault("60s")
    Duration quarantineRetryInterval();

    /** First pause after a failed batch (database or broker down); doubles up to the maximum. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    @WithDefault("10s")
    Duration retryMaxBackoff();
}
