package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.InvalidEventException;
import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import dev.customs.kafka.TraceScope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Splits polled records into valid events and dead letters; the consumers trust the JSON, not the sender.
 *
 * <p>Whatever a record holds, sorting it ends in exactly one of the two lists: every exception thrown while
 * one record is parsed or checked (by the codec, the rules or this class) makes that record a dead letter,
 * so no record can fail the batch, stop the channel and with it every later record.
 */
@ApplicationScoped
public class RecordTriage {

    private static final Logger LOG = Logger.getLogger(RecordTriage.class);

    /** Past this, a key is only quoted by its start in a reason. */
    private static final int QUOTED_KEY_CHARS = 64;
    /**
     * The ingest core's own bound on an amount, whatever the rules accept: far above any valid declaration
     * (the rules cap one at 10^15), far below what would make exact sums or their text form expensive.
     */
    private static final BigDecimal AMOUNT_BOUND = new BigDecimal("1e18");
    private static final int AMOUNT_MAX_SCALE = 2;

    /** The valid events, and the record each came from (by identity) for a dead letter the database may yet cause. */
    public record Sorted(List<DeclarationEvent> events, List<DeadLetter> deadLetters,
                         Map<DeclarationEvent, ConsumerRecord<String, byte[]>> sources) {
    }

    private final DeclarationRules rules = new DeclarationRules(ReferenceData.standard());

    public Sorted sort(Iterable<ConsumerRecord<String, byte[]>> records) {
        return sort(records, record -> null);
    }

    /** @param within what a log line about a record is written within (its trace), or null for nothing */
    public Sorted sort(Iterable<ConsumerRecord<String, byte[]>> records,
                       Function<ConsumerRecord<String, byte[]>, TraceScope> within) {
        List<DeclarationEvent> events = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Map<DeclarationEvent, ConsumerRecord<String, byte[]>> sources = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DeadLetter rejected;
            DeclarationEvent event = null;
            try {
                event = EventCodec.parse(record.value());
                rejected = check(record, event);
            } catch (InvalidEventException e) {
                rejected = new DeadLetter(record, DeadLetterKind.INVALID_JSON, e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                // Not a verdict on the record but a failure to reach one (say a codec that overflows the stack
                // on deep nesting): logged, since it may also be a bug in the codec or the rules.
                try (TraceScope scope = within.apply(record)) {
                    LOG.warnf(e, "Could not read record %s-%d@%d; dead-lettered as unreadable",
                            record.topic(), record.partition(), record.offset());
                }
                rejected = new DeadLetter(record, DeadLetterKind.UNREADABLE, "unreadable record: " + e);
            }
            if (rejected != null) {
                deadLetters.add(rejected);
            } else {
                events.add(event);
                sources.put(event, record);
            }
        }
        return new Sorted(events, deadLetters, sources);
    }

    /** Null if the event is valid, else why not. */
    private DeadLetter check(ConsumerRecord<String, byte[]> record, DeclarationEvent event) {
        if (event == null) {
            // The JSON literal null reads as no event at all.
            return new DeadLetter(record, DeadLetterKind.INVALID_JSON, "not an event: the JSON value null");
        }
        List<Violation> violations = rules.check(event);
        if (!violations.isEmpty()) {
            return new DeadLetter(record, kindOf(violations), DeclarationRules.describe(violations));
        }
        String unusable = unusable(event);
        if (unusable != null) {
            return new DeadLetter(record, DeadLetterKind.RULE_VIOLATION, unusable);
        }
        if (!Objects.equals(record.key(), event.declarationId())) {
            // Another key could put revisions of one declaration on different partitions, out of order.
            return new DeadLetter(record, DeadLetterKind.KEY_MISMATCH,
                    "record key " + quoted(record.key()) + " is not the declarationId " + event.declarationId());
        }
        return null;
    }

    /**
     * What the applier and the projections rely on, checked here whatever the contract's rules accept today:
     * the fields they read are present, a revision is at least 1 (the ledger's placeholder is 0) and every
     * amount is a bounded number of cents. Null when usable.
     */
    private static String unusable(DeclarationEvent event) {
        if (event.eventId() == null || event.eventType() == null || event.revision() == null
                || event.declarationId() == null || event.declaration() == null) {
            return "eventId, eventType, revision, declarationId and declaration are required";
        }
        if (event.revision() < 1) {
            return "revision must be at least 1";
        }
        if (event.eventType() == EventType.CANCELLED) {
            return null; // a cancellation's state is not applied, only the ledger's earlier one withdrawn
        }
        DeclarationState state = event.declaration();
        if (state.declarationDate() == null || state.direction() == null) {
            return "declaration.declarationDate and declaration.direction are required";
        }
        if (!boundedCents(state.totalValueCny()) || !boundedCents(state.totalValueUsd())) {
            return "declaration totals must be amounts below 10^18 with at most 2 fractional digits";
        }
        if (state.items() != null) {
            for (DeclarationItem item : state.items()) {
                if (item == null || !boundedCents(item.valueCny()) || !boundedCents(item.valueUsd())) {
                    return "item values must be amounts below 10^18 with at most 2 fractional digits";
                }
            }
        }
        return null;
    }

    private static boolean boundedCents(BigDecimal amount) {
        // Scale first: comparing 1e-2147483647 or 1e999999999 is cheap, their plain text is not.
        return amount != null && amount.scale() <= AMOUNT_MAX_SCALE && amount.abs().compareTo(AMOUNT_BOUND) < 0;
    }

    private static String quoted(String key) {
        if (key == null) {
            return "null";
        }
        return key.length() <= QUOTED_KEY_CHARS ? "'" + key + "'"
                : "'" + key.substring(0, QUOTED_KEY_CHARS) + "...' (" + key.length() + " characters)";
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
