package dev.customs.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRecordTest {

    private static final int MAX = 900 * 1024;

    @Test
    void aRecordThatFitsIsKeptWhole() {
        byte[] value = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        BoundedRecord bounded = BoundedRecord.of(new ConsumerRecord<>("t", 0, 5, "k", value), MAX, 4096);
        assertThat(bounded.truncated()).isFalse();
        assertThat(bounded.value()).isEqualTo(value);
        assertThat(bounded.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordTooLargeForTheBrokerBecomesAPrefixWithSizeAndDigest() {
        byte[] value = new byte[1_000_000];
        BoundedRecord bounded = BoundedRecord.of(new ConsumerRecord<>("t", 0, 5, "7".repeat(300_000), value), MAX, 4096);
        assertThat(bounded.truncated()).isTrue();
        assertThat(bounded.value()).hasSize(BoundedRecord.VALUE_PREFIX_BYTES);
        assertThat(bounded.key()).hasSize(BoundedRecord.KEY_PREFIX_BYTES);
        assertThat(bounded.valueSize()).isEqualTo(1_000_000);
        assertThat(bounded.keySize()).isEqualTo(300_000);
        assertThat(bounded.valueSha256()).hasSize(64);
    }

    @Test
    void reasonsAreBoundedAtACharacterBoundaryWithoutNul() {
        String reason = "\u0000" + "界".repeat(10_000);
        String bounded = BoundedRecord.boundedReason(reason, 4096);
        assertThat(bounded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(bounded).doesNotContain("\u0000").startsWith(" 界").endsWith("(30001 bytes)");
        assertThat(BoundedRecord.boundedReason(null, 4096)).isEqualTo("null");
    }
}
