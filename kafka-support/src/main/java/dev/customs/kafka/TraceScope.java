package dev.customs.kafka;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import org.jboss.logging.MDC;

/**
 * Makes a span current on this thread and puts its ids in the logging MDC under the keys Quarkus uses on
 * request threads ({@code traceId}, {@code spanId}, {@code sampled}), so that what a plain thread (the outbox
 * relay, a consumer's worker) logs about a declaration carries that declaration's trace id. Closing restores
 * what was current and in the MDC before.
 */
public final class TraceScope implements AutoCloseable {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";
    static final String SAMPLED = "sampled";

    private final Scope scope;
    private final Object traceId;
    private final Object spanId;
    private final Object sampled;

    private TraceScope(Scope scope, Object traceId, Object spanId, Object sampled) {
        this.scope = scope;
        this.traceId = traceId;
        this.spanId = spanId;
        this.sampled = sampled;
    }

    public static TraceScope enter(Span span) {
        TraceScope previous = new TraceScope(span.makeCurrent(), MDC.get(TRACE_ID), MDC.get(SPAN_ID), MDC.get(SAMPLED));
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
            MDC.put(SAMPLED, Boolean.toString(context.isSampled()));
        } else {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
            MDC.remove(SAMPLED);
        }
        return previous;
    }

    @Override
    public void close() {
        scope.close();
        restore(TRACE_ID, traceId);
        restore(SPAN_ID, spanId);
        restore(SAMPLED, sampled);
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
