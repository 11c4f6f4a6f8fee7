package dev.customs.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A rejected record's key and value as a dead letter or a quarantine row carries them: unchanged when the
 * whole record (with its headers and ours) fits {@code maxBytes}, otherwise a bounded prefix of each, no
 * original headers, and the original sizes and SHA-256 digests, so a dead letter always fits the broker's
 * limits and still identifies what it replaced (the source topic, partition and offset locate the original).
 */
public record BoundedRecord(byte[] key, byte[] value, boolean truncated, int keySize, int valueSize,
                            String keySha256, String valueSha256) {

    static final int KEY_PREFIX_BYTES = 1024;
    static final int VALUE_PREFIX_BYTES = 64 * 1024;
    /** Room left for our own headers (the bounded reason and a few short ones). */
    private static final int OUR_HEADERS_BYTES = 1024;

    public static BoundedRecord of(ConsumerRecord<String, byte[]> record, int maxBytes, int reasonMaxBytes) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        byte[] value = record.value();
        long size = length(key) + length(value) + headerBytes(record) + reasonMaxBytes + OUR_HEADERS_BYTES;
        if (size <= maxBytes) {
            return new BoundedRecord(key, value, false, length(key), length(value), null, null);
        }
        return new BoundedRecord(prefix(key, KEY_PREFIX_BYTES), prefix(value, VALUE_PREFIX_BYTES), true,
                length(key), length(value), sha256(key), sha256(value));
    }

    /** The key as the producer's String serializer takes it (a cut prefix may end in a replacement character). */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /**
     * A reason that fits a header and a PostgreSQL text column: at most {@code maxBytes} UTF-8 bytes, cut at a
     * character boundary, without NUL characters (which text columns refuse).
     */
    public static String boundedReason(String reason, int maxBytes) {
        String text = String.valueOf(reason).replace('\0', ' ');
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        String suffix = "... (" + bytes.length + " bytes)";
        int budget = Math.max(0, maxBytes - suffix.length());
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + n > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return out.append(suffix).toString();
    }

    private static long headerBytes(ConsumerRecord<?, ?> record) {
        long bytes = 0;
        for (Header header : record.headers()) {
            bytes += header.key().length() * 3L + length(header.value()) + 16;
        }
        return bytes;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static byte[] prefix(byte[] bytes, int max) {
        return bytes == null || bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
    }

    private static String sha256(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
