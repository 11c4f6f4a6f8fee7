package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.kafka.KafkaTracing;
import dev.customs.kafka.TraceScope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The spans of one consumed batch. The batch itself is a root span ({@code process customs.declarations}, kind
 * CONSUMER): the records of a batch come from many traces, or from none. Every record whose headers carry a
 * valid trace context gets a span of its own, a child of that context, so that one trace runs from the REST
 * request through the outbox relay's send into each consumer; it is linked to its batch's span, starts when the
 * batch does and ends when the batch's transaction has committed (the records of a batch are applied together,
 * so they share that time), and says what became of the record: applied, skipped (a duplicate or stale
 * revision) or dead-lettered, with the declaration, revision and event. A record without a context (an outside
 * producer's, the simulator's) or with a malformed one is traced only as part of its batch, the new root: a span
 * per untraced record would cost more than it tells at thousands of records per second.
 */
final class BatchSpans {

    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("customs.outcome");
    static final AttributeKey<String> DEAD_LETTER_REASON = AttributeKey.stringKey("customs.dead_letter_reason");
    static final AttributeKey<Long> APPLIED = AttributeKey.longKey("customs.events_applied");
    static final AttributeKey<Long> SKIPPED = AttributeKey.longKey("customs.events_skipped");
    static final AttributeKey<Long> DEAD_LETTERED = AttributeKey.longKey("customs.records_dead_lettered");

    private final Span batch;
    private final Map<ConsumerRecord<?, ?>, Span> records = new IdentityHashMap<>();

    private BatchSpans(Span batch) {
        this.batch = batch;
    }

    static BatchSpans start(Tracer tracer, ConsumerRecords<String, byte[]> polled, String group) {
        Instant start = Instant.now();
        Span batch = tracer.spanBuilder("process " + DeclarationEvent.TOPIC).setNoParent().setSpanKind(SpanKind.CONSUMER)
                .setStartTimestamp(start)
                .setAttribute(KafkaTracing.MESSAGING_SYSTEM, "kafka")
                .setAttribute(KafkaTracing.DESTINATION, DeclarationEvent.TOPIC)
                .setAttribute(KafkaTracing.OPERATION, "process")
                .setAttribute(KafkaTracing.CONSUMER_GROUP, group)
                .setAttribute(KafkaTracing.BATCH_SIZE, (long) polled.count())
                .startSpan();
        BatchSpans spans = new BatchSpans(batch);
        for (ConsumerRecord<String, byte[]> record : polled) {
            Context parent = KafkaTracing.parentOf(record.headers());
            if (!KafkaTracing.hasSpan(parent)) {
                continue;
            }
            Span span = tracer.spanBuilder("process " + DeclarationEvent.TOPIC).setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER).setStartTimestamp(start)
                    .addLink(batch.getSpanContext())
                    .setAttribute(KafkaTracing.MESSAGING_SYSTEM, "kafka")
                    .setAttribute(KafkaTracing.DESTINATION, DeclarationEvent.TOPIC)
                    .setAttribute(KafkaTracing.OPERATION, "process")
                    .setAttribute(KafkaTracing.CONSUMER_GROUP, group)
                    .setAttribute(KafkaTracing.PARTITION, Integer.toString(record.partition()))
                    .setAttribute(KafkaTracing.OFFSET, record.offset())
                    .startSpan();
            spans.records.put(record, span);
        }
        return spans;
    }

    /** The record's own span, or the batch's when it carried no trace context. */
    Span of(ConsumerRecord<?, ?> record) {
        Span span = record == null ? null : records.get(record);
        return span == null ? batch : span;
    }

    /** Makes the record's span current, and its trace id the one its log lines carry. */
    TraceScope enter(ConsumerRecord<?, ?> record) {
        return TraceScope.enter(of(record));
    }

    TraceScope enterBatch() {
        return TraceScope.enter(batch);
    }

    /** A valid event, applied ({@code applied}) or skipped as a duplicate or stale revision. */
    void event(ConsumerRecord<?, ?> record, DeclarationEvent event, boolean applied) {
        Span span = records.get(record);
        if (span == null || !span.isRecording()) {
            return;
        }
        span.setAttribute(KafkaTracing.DECLARATION_ID, event.declarationId());
        span.setAttribute(KafkaTracing.REVISION, event.revision());
        span.setAttribute(KafkaTracing.EVENT_ID, event.eventId().toString());
        span.setAttribute(OUTCOME, applied ? "applied" : "skipped");
    }

    void deadLettered(DeadLetter letter) {
        Span span = records.get(letter.source());
        if (span == null || !span.isRecording()) {
            return;
        }
        span.setAttribute(OUTCOME, "dead_lettered");
        span.setAttribute(DEAD_LETTER_REASON, letter.kind().label());
        span.setStatus(StatusCode.ERROR, letter.kind().label());
    }

    void counts(long applied, long skipped, long deadLettered) {
        batch.setAttribute(APPLIED, applied);
        batch.setAttribute(SKIPPED, skipped);
        batch.setAttribute(DEAD_LETTERED, deadLettered);
    }

    /** Ends every span; a batch that failed (to be redelivered) ends in error. */
    void end(Throwable failure) {
        Instant end = Instant.now();
        for (Span span : records.values()) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, "batch failed: " + failure.getClass().getSimpleName());
            }
            span.end(end);
        }
        if (failure != null) {
            batch.recordException(failure);
            batch.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        batch.end(end);
    }
}
