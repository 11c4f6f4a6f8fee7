package dev.customs.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A collector of the test's own: accepts OTLP/HTTP protobuf exports at {@code /v1/traces} on a free loopback port
 * and keeps every span it receives, with the {@code service.name} of the resource that sent it.
 */
final class OtlpReceiver implements AutoCloseable {

    /** A received span; ids in lower-case hex, the parent's empty for a root; attribute values as text. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                        Span.SpanKind kind, Map<String, String> attributes, List<String> linkedSpanIds) {

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", this::receive);
        server.setExecutor(executor);
        server.start();
    }

    static OtlpReceiver start() throws IOException {
        return new OtlpReceiver();
    }

    /** What a service's {@code quarkus.otel.exporter.otlp.endpoint} is set to (the exporter adds /v1/traces). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** Exports that could not be read; a test checks it stays empty. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                    String service = serviceName(resourceSpans.getResource());
                    for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                        for (Span span : scopeSpans.getSpansList()) {
                            spans.add(received(service, span));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + e);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static ReceivedSpan received(String service, Span span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue kv : span.getAttributesList()) {
            attributes.put(kv.getKey(), text(kv.getValue()));
        }
        List<String> links = span.getLinksList().stream().map(link -> HEX.formatHex(link.getSpanId().toByteArray())).toList();
        return new ReceivedSpan(service, HEX.formatHex(span.getTraceId().toByteArray()),
                HEX.formatHex(span.getSpanId().toByteArray()), HEX.formatHex(span.getParentSpanId().toByteArray()),
                span.getName(), span.getKind(), attributes, links);
    }

    private static String serviceName(Resource resource) {
        return resource.getAttributesList().stream().filter(kv -> kv.getKey().equals("service.name"))
                .map(kv -> text(kv.getValue())).findFirst().orElse(null);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
