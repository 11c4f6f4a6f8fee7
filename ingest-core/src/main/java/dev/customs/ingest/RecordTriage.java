package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.InvalidEventException;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Splits polled records into valid events and dead letters; the consumers trust the JSON, not the sender. */
@ApplicationScoped
public class RecordTriage {

    public record Sorted(List<DeclarationEvent> events, List<DeadLetter> deadLetters) {
    }

    private final DeclarationRules rules = new DeclarationRules(ReferenceData.standard());

    public Sorted sort(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<DeclarationEvent> events = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DeclarationEvent event;
            try {
                event = EventCodec.parse(record.value());
            } catch (InvalidEventException e) {
                deadLetters.add(new DeadLetter(record, DeadLetterKind.INVALID_JSON, e.getMessage()));
                continue;
            }
            List<Violation> violations = rules.check(event);
            if (!violations.isEmpty()) {
                deadLetters.add(new DeadLetter(record, kindOf(violations), DeclarationRules.describe(violations)));
            } else if (!Objects.equals(record.key(), event.declarationId())) {
                // Another key could put revisions of one declaration on different partitions, out of order.
                deadLetters.add(new DeadLetter(record, DeadLetterKind.KEY_MISMATCH,
                        "record key '" + record.key() + "' is not the declarationId " + event.declarationId()));
            } else {
                events.add(event);
            }
        }
        return new Sorted(events, deadLetters);
    }

    private static DeadLetterKind kindOf(List<Violation> violations) {
        if (violations.stream().anyMatch(v -> v.field().equals("schemaVersion") && v.message().startsWith("unsupported"))) {
            return DeadLetterKind.UNSUPPORTED_SCHEMA_VERSION;
        }
        if (violations.stream().anyMatch(v -> v.message().equals("is required"))) {
            return DeadLetterKind.MISSING_FIELD;
        }
        if (violations.stream().anyMatch(v -> v.message().startsWith("unknown"))) {
            return DeadLetterKind.UNKNOWN_CODE;
        }
        return DeadLetterKind.RULE_VIOLATION;
    }
}
