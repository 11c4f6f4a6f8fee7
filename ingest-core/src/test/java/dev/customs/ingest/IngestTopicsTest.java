package dev.customs.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IngestTopicsTest {

    private static final IngestConfig CONFIG = new IngestConfig() {
        public String deadLetterTopic() {
            return "customs.declarations.dead-letter.test";
        }

        public Duration deadLetterAckTimeout() {
            return Duration.ofSeconds(30);
        }

        public Duration deadLetterRetryAfter() {
            return Duration.ofSeconds(60);
        }

        public int deadLetterMaxBytes() {
            return 921600;
        }

        public int reasonMaxBytes() {
            return 4096;
        }

        public Duration quarantineRetryInterval() {
            return Duration.ofSeconds(60);
        }

        public Duration retryInitialBackoff() {
            return Duration.ofMillis(200);
        }

        public Duration retryMaxBackoff() {
            return Duration.ofSeconds(10);
        }
    };

    @Test
    void aBrokerThatDoesNotAnswerGivesNoLagNoCountAndNoList() throws Exception {
        int port;
        // A port nothing listens on once the socket is closed.
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        IngestTopics topics = new IngestTopics(Map.of("bootstrap.servers", "localhost:" + port), CONFIG,
                "customs.declarations", "test-group");
        try {
            // Each ask gives up after its timeout (seconds) instead of waiting on the client's own (a minute).
            assertThat(topics.lag()).isEmpty();
            assertThat(topics.deadLetters()).isEmpty();
            assertThat(topics.newestDeadLetters(20)).isEqualTo(Optional.empty());
            assertThat(topics.deadLetterTopic()).isEqualTo("customs.declarations.dead-letter.test");
        } finally {
            topics.close();
        }
    }

    @Test
    void aDeadLetterIsShownWithItsHeadersAndItsValueCutTo4096Characters() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterPublisher.REASON, "not valid JSON: 保税区".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterPublisher.KIND, "invalid_json".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterPublisher.SOURCE_TOPIC, "customs.declarations".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterPublisher.SOURCE_PARTITION, "7".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterPublisher.SOURCE_OFFSET, "10234".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterPublisher.TRUNCATED, "true".getBytes(StandardCharsets.UTF_8));
        // 4095 ASCII characters, then a character outside the BMP: the cut must not split its surrogate pair.
        String value = "x".repeat(4095) + "\uD83D\uDE00" + "tail";
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("customs.declarations.dead-letter.test", 0, 41,
                1_756_195_923_120L, TimestampType.CREATE_TIME, 18, value.length(),
                "801320250100000042".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                headers, Optional.empty());

        IngestTopics.DeadLetterRecord letter = IngestTopics.view(record);

        assertThat(letter).isEqualTo(new IngestTopics.DeadLetterRecord(0, 41, java.time.Instant.parse("2025-08-26T08:12:03.120Z"),
                "not valid JSON: 保税区", "invalid_json", "customs.declarations", 7, 10234L, true,
                "801320250100000042", "x".repeat(4095), true));
    }
}
