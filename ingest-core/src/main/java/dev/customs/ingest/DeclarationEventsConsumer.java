package dev.customs.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Consumes customs.declarations in batches. A batch is acknowledged (and its offsets later committed)
 * only after its bad records are dead-lettered and its valid events applied; while the database or the
 * broker is away the batch is retried with backoff instead of being dropped, so nothing is lost.
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

    public DeclarationEventsConsumer(RecordTriage triage, DeadLetterPublisher deadLetters,
                                     DeclarationEventApplier applier, IngestConfig config, MeterRegistry registry) {
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
                    .description("Records sent to this consumer's dead-letter topic, by reason")
                    .tag("reason", kind.label()).register(registry));
        }
        this.batchSize = DistributionSummary.builder("customs_ingest_batch_size").baseUnit("records")
                .description("Records per polled batch").register(registry);
        this.metrics = new IngestMetrics(registry, Clock.systemUTC());
    }

    @Incoming("declarations")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        RecordTriage.Sorted sorted = triage.sort(records);
        if (!sorted.deadLetters().isEmpty()) {
            untilDone("dead-lettering " + sorted.deadLetters().size() + " records", () -> {
                deadLetters.publish(sorted.deadLetters());
                return null;
            });
        }
        DeclarationEventApplier.Outcome outcome = untilDone("applying " + sorted.events().size() + " events",
                () -> applier.apply(sorted.events()));
        consumed.increment(records.count());
        batchSize.record(records.count());
        applied.increment(outcome.applied());
        skipped.increment(outcome.skipped());
        metrics.recordApplied(outcome);
        sorted.deadLetters().forEach(letter -> deadLettered.get(letter.kind()).increment());
    }

    /** Retries a step that fails for outside reasons (database or broker down) until it succeeds. */
    private <T> T untilDone(String what, Step<T> step) throws InterruptedException {
        Duration backoff = config.retryInitialBackoff();
        boolean failedBefore = false;
        while (true) {
            try {
                T result = step.run();
                if (failedBefore) {
                    LOG.infof("Recovered: %s succeeded", what);
                }
                return result;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!failedBefore) {
                    LOG.warnf(e, "Failed %s; retrying with backoff until it succeeds", what);
                    failedBefore = true;
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(config.retryMaxBackoff()) > 0
                        ? config.retryMaxBackoff() : backoff.multipliedBy(2);
            }
        }
    }
}
