package dev.customs.ingest;

import io.micrometer.core.instrument.Counter;
import dev.customs.contract.event.DeclarationEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import dev.customs.kafka.TraceScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consumes customs.declarations in batches. A batch is acknowledged (and its offsets later committed)
 * only after its bad records are dead-lettered (or quarantined) and its valid events applied; while the
 * database is away the batch is retried with backoff instead of being dropped, so nothing is lost. No
 * record can stop the consumer: a record that cannot be read is dead-lettered (RecordTriage), an event the
 * database refuses is split out of its batch and dead-lettered (applyIsolating), and a dead-letter topic
 * that cannot be written is replaced by the quarantine table.
 *
 * <p>Each batch is traced (see {@link BatchSpans}): a root span for the batch, and a span per record that carries
 * a trace context, continuing that trace; what is logged about one record or declaration is logged within its
 * span, so the line carries its trace id.
 */
@ApplicationScoped
public class DeclarationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(DeclarationEventsConsumer.class);

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    private final RecordTriage triage;
    private final DeadLetterPublisher deadLetters;
    private final DeclarationEventApplier applier;
    private final IngestConfig config;
    private final Counter consumed;
    private final Counter applied;
    private final Counter skipped;
    private final Map<DeadLetterKind, Counter> deadLettered = new EnumMap<>(DeadLetterKind.class);
    private final DistributionSummary batchSize;
    private final IngestMetrics metrics;
    private final Counter quarantinedRecords;
    private final QuarantineDrain quarantineDrain;
    private final Tracer tracer;
    private final String group;
    // Only the consumer's one worker thread (batches are handled one at a time) reads and writes these.
    private boolean deadLetterDown;
    private long deadLetterDownSince;

    public DeclarationEventsConsumer(RecordTriage triage, DeadLetterPublisher deadLetters,
                                     DeclarationEventApplier applier, QuarantineDrain quarantineDrain,
                                     IngestConfig config, MeterRegistry registry, Tracer tracer,
                                     @ConfigProperty(name = "mp.messaging.incoming.declarations.group.id") String group) {
        this.quarantineDrain = quarantineDrain;
        this.tracer = tracer;
        this.group = group;
        this.triage = triage;
        this.deadLetters = deadLetters;
        this.applier = applier;
        this.config = config;
        this.consumed = Counter.builder("customs_ingest_records_consumed")
                .description("Records polled from customs.declarations and handled (applied, skipped or dead-lettered)")
                .register(registry);
        this.applied = Counter.builder("customs_ingest_events_applied")
                .description("Events newer than the revision applied before, applied to the totals").register(registry);
        this.skipped = Counter.builder("customs_ingest_events_skipped")
                .description("Duplicate or stale revisions that changed nothing").register(registry);
        for (DeadLetterKind kind : DeadLetterKind.values()) {
            deadLettered.put(kind, Counter.builder("customs_ingest_dead_letters")
                    .description("Records sent to this consumer's dead-letter topic (or, while it cannot take them, "
                            + "to table quarantined_records), by reason")
                    .tag("reason", kind.label()).register(registry));
        }
        this.batchSize = DistributionSummary.builder("customs_ingest_batch_size").baseUnit("records")
                .description("Records per polled batch").register(registry);
        this.metrics = new IngestMetrics(registry, Clock.systemUTC());
        this.quarantinedRecords = Counter.builder("customs_ingest_quarantined_records")
                .description("Bad records written to table quarantined_records because the dead-letter topic "
                        + "could not take them").register(registry);
    }

    @Incoming("declarations")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        BatchSpans spans = BatchSpans.start(tracer, records, group);
        Throwable failure = null;
        try (TraceScope scope = spans.enterBatch()) {
            handle(records, spans);
        } catch (InterruptedException | RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            spans.end(failure);
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records, BatchSpans spans) throws InterruptedException {
        RecordTriage.Sorted sorted = triage.sort(records, spans::enter);
        // Bad records go to the dead-letter topic first; if it cannot take them they are quarantined in the
        // transaction that applies the valid events, which is then the one place the batch is committed.
        List<DeadLetter> quarantine = sorted.deadLetters().isEmpty() ? List.of() : deadLetterOrQuarantine(sorted.deadLetters());
        List<DeadLetter> rejected = new ArrayList<>();
        DeclarationEventApplier.Outcome outcome = applyIsolating(sorted.events(), quarantine, sorted, rejected, spans);
        int quarantined = quarantine.size();
        if (!rejected.isEmpty()) {
            // Found only by applying, after the batch's own dead letters: parked the same way, on their own.
            List<DeadLetter> more = deadLetterOrQuarantine(rejected);
            if (!more.isEmpty()) {
                applyIsolating(List.of(), more, sorted, new ArrayList<>(), spans);
                quarantined += more.size();
            }
        }
        traced(sorted, outcome, rejected, spans);
        consumed.increment(records.count());
        batchSize.record(records.count());
        applied.increment(outcome.applied());
        skipped.increment(outcome.skipped());
        sorted.deadLetters().forEach(letter -> deadLettered.get(letter.kind()).increment());
        rejected.forEach(letter -> deadLettered.get(letter.kind()).increment());
        if (quarantined > 0) {
            quarantinedRecords.increment(quarantined);
            quarantineDrain.refreshSize();
        }
        try {
            metrics.recordApplied(outcome);
        } catch (RuntimeException e) {
            // The batch is committed; a meter must never fail it (and with it the channel).
            LOG.warnf(e, "Could not record the metrics of an applied batch");
        }
    }

    /** What became of each record, on its span, and at DEBUG in a line within it. */
    private static void traced(RecordTriage.Sorted sorted, DeclarationEventApplier.Outcome outcome,
                               List<DeadLetter> rejected, BatchSpans spans) {
        Set<DeclarationEvent> applied = Collections.newSetFromMap(new IdentityHashMap<>());
        applied.addAll(outcome.appliedEvents());
        Set<ConsumerRecord<?, ?>> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        for (List<DeadLetter> letters : List.of(sorted.deadLetters(), rejected)) {
            for (DeadLetter letter : letters) {
                refused.add(letter.source());
                spans.deadLettered(letter);
                if (LOG.isDebugEnabled()) {
                    try (TraceScope scope = spans.enter(letter.source())) {
                        LOG.debugf("Record %s-%d@%d dead-lettered as %s", letter.source().topic(),
                                letter.source().partition(), letter.source().offset(), letter.kind().label());
                    }
                }
            }
        }
        for (DeclarationEvent event : sorted.events()) {
            ConsumerRecord<String, byte[]> source = sorted.sources().get(event);
            if (refused.contains(source)) {
                continue;
            }
            boolean isApplied = applied.contains(event);
            spans.event(source, event, isApplied);
            if (LOG.isDebugEnabled()) {
                try (TraceScope scope = spans.enter(source)) {
                    LOG.debugf("Declaration %s revision %d %s", event.declarationId(), event.revision(),
                            isApplied ? "applied" : "skipped (a duplicate or a stale revision)");
                }
            }
        }
        spans.counts(outcome.applied(), outcome.skipped(), sorted.deadLetters().size() + rejected.size());
    }

    /**
     * Publishes dead letters, waiting at most the ack timeout; returns those to quarantine instead: all of
     * them when the topic failed (an unknown part may have been written: a dead letter may then exist twice,
     * never not at all), none when it took them. After a failure the topic is left alone for a while, so
     * that every batch does not wait for it again.
     */
    private List<DeadLetter> deadLetterOrQuarantine(List<DeadLetter> letters) throws InterruptedException {
        if (deadLetterDown && System.nanoTime() - deadLetterDownSince < config.deadLetterRetryAfter().toNanos()) {
            return letters;
        }
        try {
            deadLetters.publish(letters);
            if (deadLetterDown) {
                LOG.infof("Dead-letter topic %s writable again", config.deadLetterTopic());
                deadLetterDown = false;
            }
            return List.of();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (!deadLetterDown) {
                LOG.errorf(e, "Dead-letter topic %s cannot take dead letters; quarantining them in table "
                        + "quarantined_records until it can", config.deadLetterTopic());
            }
            deadLetterDown = true;
            deadLetterDownSince = System.nanoTime();
            return letters;
        }
    }

    /**
     * Applies the events (and quarantines the letters) in one transaction, retrying outages until they end.
     * On a data error (see {@link ApplyFailure}) the batch is split in halves, each applied in a transaction
     * of its own, down to the one event that fails, which goes to {@code rejected} with the database's message;
     * every other event is applied. The ledger makes re-applying a committed half harmless, should a later
     * half be redelivered after a crash.
     */
    private DeclarationEventApplier.Outcome applyIsolating(List<DeclarationEvent> events, List<DeadLetter> quarantine,
                                                           RecordTriage.Sorted sorted, List<DeadLetter> rejected,
                                                           BatchSpans spans)
            throws InterruptedException {
        if (events.isEmpty() && quarantine.isEmpty()) {
            return new DeclarationEventApplier.Outcome(0, 0);
        }
        try {
            return untilDone(events.size() + " events and " + quarantine.size() + " quarantined records",
                    () -> applier.apply(events, quarantine));
        } catch (Isolate failure) {
            if (events.size() == 1 && quarantine.isEmpty()) {
                DeclarationEvent event = events.get(0);
                try (TraceScope scope = spans.enter(sorted.sources().get(event))) {
                    LOG.warnf(failure.getCause(), "Event %s (declaration %s, revision %s) cannot be applied; dead-lettered as %s",
                            event.eventId(), event.declarationId(), event.revision(), failure.kind.label());
                }
                rejected.add(new DeadLetter(sorted.sources().get(event), failure.kind,
                        ApplyFailure.message(failure.getCause())));
                return new DeclarationEventApplier.Outcome(0, 0);
            }
            if (events.isEmpty() && quarantine.size() == 1) {
                // Cannot happen with bounded, NUL-free rows; if it does, the coordinates are in the log.
                DeadLetter letter = quarantine.get(0);
                try (TraceScope scope = spans.enter(letter.source())) {
                    LOG.errorf(failure.getCause(), "Cannot quarantine record %s-%d@%d (%s: %s); it is only in this log",
                            letter.source().topic(), letter.source().partition(), letter.source().offset(),
                            letter.kind().label(), BoundedRecord.boundedReason(letter.reason(), config.reasonMaxBytes()));
                }
                return new DeclarationEventApplier.Outcome(0, 0);
            }
            if (events.isEmpty() || events.size() == 1) {
                // The quarantine rows apart from the event, then halved like events.
                int mid = quarantine.size() / 2;
                DeclarationEventApplier.Outcome outcome = applyIsolating(events, List.of(), sorted, rejected, spans);
                applyIsolating(List.of(), quarantine.subList(0, mid), sorted, rejected, spans);
                applyIsolating(List.of(), quarantine.subList(mid, quarantine.size()), sorted, rejected, spans);
                return outcome;
            }
            int mid = events.size() / 2;
            DeclarationEventApplier.Outcome first = applyIsolating(events.subList(0, mid), quarantine, sorted, rejected, spans);
            DeclarationEventApplier.Outcome second = applyIsolating(events.subList(mid, events.size()), List.of(), sorted,
                    rejected, spans);
            return first.plus(second);
        }
    }

    /** A failure that retrying cannot end: the batch is split to find the event behind it. */
    private static final class Isolate extends Exception {
        final DeadLetterKind kind;

        Isolate(DeadLetterKind kind, Throwable cause) {
            super(cause);
            this.kind = kind;
        }
    }

    /**
     * Retries a step that fails for outside reasons (database or broker down) until it succeeds; a data
     * error is thrown as {@link Isolate} at once (see {@link ApplyFailure}).
     */
    private <T> T untilDone(String what, Step<T> step) throws InterruptedException, Isolate {
        Duration backoff = config.retryInitialBackoff();
        boolean failedBefore = false;
        while (true) {
            try {
                T result = step.run();
                if (failedBefore) {
                    LOG.infof("Recovered: applying %s succeeded", what);
                }
                return result;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | StackOverflowError e) {
                ApplyFailure failure = ApplyFailure.of(e);
                if (failure == ApplyFailure.DATA) {
                    throw new Isolate(DeadLetterKind.DATABASE_REJECTED, e);
                }
                if (failure == ApplyFailure.INTERNAL) {
                    throw new Isolate(DeadLetterKind.INTERNAL_ERROR, e);
                }
                if (!failedBefore) {
                    LOG.warnf(e, "Failed applying %s; retrying with backoff until it succeeds", what);
                    failedBefore = true;
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(config.retryMaxBackoff()) > 0
                        ? config.retryMaxBackoff() : backoff.multipliedBy(2);
            }
        }
    }
}
