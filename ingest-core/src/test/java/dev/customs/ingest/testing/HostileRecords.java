package dev.customs.ingest.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.reference.ReferenceData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Records an outside producer may write, built from a valid event, and what the contract's codec and rules
 * (whatever they check on this branch) make of them: the hostile-input tests assert dead-letter KINDS, the
 * ingest core's own decision, not the rules' wording, and stay right while the rules are being tightened.
 */
public final class HostileRecords {

    /** What a record must come to: dead-lettered with one of {@code kinds}, or, if the contract accepts it, {@code ifAccepted}. */
    public record Expectation(Set<String> kinds, String ifAccepted) {
        /** The ingest core decides regardless of the rules. */
        public static Expectation deadLetter(String... kinds) {
            return new Expectation(Set.of(kinds), null);
        }

        /** Rejected by the contract's codec or rules (any of {@code kinds}); if they accept it, {@code ifAccepted} (a kind, or "applied"). */
        public static Expectation contractDecides(String ifAccepted, String... kinds) {
            return new Expectation(Set.of(kinds), ifAccepted);
        }
    }

    public record Case(String name, byte[] key, byte[] value, Expectation expectation) {
    }

    public static final String APPLIED = "applied";
    public static final Set<String> RULE_KINDS = Set.of("invalid_json", "missing_field", "unknown_code", "rule_violation",
            "unsupported_schema_version", "unreadable");

    private static final DeclarationRules RULES = new DeclarationRules(ReferenceData.standard());

    private HostileRecords() {
    }

    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] json(DeclarationEvent event, Consumer<ObjectNode> change) {
        ObjectNode node = EventCodec.mapper().valueToTree(event);
        change.accept(node);
        return utf8(node.toString());
    }

    public static ObjectNode declaration(ObjectNode event) {
        return (ObjectNode) event.get("declaration");
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Whether this branch's contract codec and rules accept the value as an event (the key aside). */
    public static boolean contractAccepts(byte[] value) {
        try {
            DeclarationEvent event = EventCodec.parse(value);
            return event != null && RULES.check(event).isEmpty();
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    /** The outcomes a case may have on this branch: kinds of dead letter, or "applied". */
    public static Set<String> allowed(Case c) {
        Expectation e = c.expectation();
        if (e.ifAccepted() == null || !contractAccepts(c.value())) {
            return e.kinds();
        }
        return Set.of(e.ifAccepted());
    }

    /**
     * A producer that sends keys and values as raw bytes, nulls and invalid UTF-8 included.
     * @param client bootstrap servers and credentials of a user who may write customs.declarations
     */
    public static KafkaProducer<byte[], byte[]> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    public static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(DeclarationEvent.TOPIC, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publish failed", e.getCause());
        }
    }
}
