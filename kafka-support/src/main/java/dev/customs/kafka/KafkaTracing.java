package dev.customs.kafka;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The W3C trace context ({@code traceparent}, and {@code tracestate} when there is one) that records of
 * customs.declarations carry in their Kafka headers, and the OpenTelemetry messaging attributes the
 * platform's Kafka spans share.
 *
 * <p>Headers come from any producer the broker lets write the topic, so they are untrusted: reading them
 * never throws, a malformed or absent context reads as none (the consumer then starts a root of its own),
 * oversized values are not even decoded, and nothing read from a header is logged.
 */
public final class KafkaTracing {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** Far above a valid traceparent (55 characters) or tracestate (at most 512); longer values are ignored. */
    static final int MAX_HEADER_BYTES = 1024;

    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    public static final AttributeKey<String> PARTITION = AttributeKey.stringKey("messaging.destination.partition.id");
    public static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    public static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    public static final AttributeKey<String> DECLARATION_ID = AttributeKey.stringKey("customs.declaration_id");
    public static final AttributeKey<Long> REVISION = AttributeKey.longKey("customs.revision");
    public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("customs.event_id");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            if (header == null || header.value() == null || header.value().length > MAX_HEADER_BYTES) {
                return null;
            }
            return new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private KafkaTracing() {
    }

    /** The W3C traceparent of a span context ({@code 00-<trace id>-<span id>-<flags>}); null when it is not valid. */
    public static String traceparent(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The traceparent of the span current on this thread (a REST request's, say); null outside any span. */
    public static String currentTraceparent() {
        return traceparent(Span.current().getSpanContext());
    }

    /** The remote parent a stored traceparent names; the root context when null or malformed. */
    public static Context parentOf(String traceparent) {
        return extract(traceparent, STORED);
    }

    /** The remote parent a record's headers carry; the root context when absent or malformed. Never throws. */
    public static Context parentOf(Headers headers) {
        return extract(headers, HEADERS);
    }

    private static <C> Context extract(C carrier, TextMapGetter<C> getter) {
        if (carrier == null) {
            return Context.root();
        }
        try {
            return W3C.extract(Context.root(), carrier, getter);
        } catch (RuntimeException e) {
            return Context.root();
        }
    }

    /** Whether a context holds a valid span context to continue. */
    public static boolean hasSpan(Context context) {
        return Span.fromContext(context).getSpanContext().isValid();
    }

    /** Writes the context's span into the headers, replacing any trace context they held. */
    public static void inject(Context context, Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        W3C.inject(context, headers, (carrier, key, value) -> carrier.add(key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
