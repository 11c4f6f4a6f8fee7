package dev.customs.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.kafka.ReliableProducer;
import dev.customs.localstack.Platform;
import dev.customs.localstack.Tokens;
import dev.customs.platform.OtlpReceiver.ReceivedSpan;
import dev.customs.rest.testing.ExactNumbers;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static dev.customs.platform.TestPlatforms.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * One trace from a POST to both consumers: the packaged services export their spans over OTLP/HTTP to a receiver
 * the test hosts, log JSON (their production format) and log each declaration's steps at DEBUG. A declaration
 * filed over REST gives one trace holding declaration-service's server span of the POST, the outbox relay's
 * Kafka send (its child, though sent later from the outbox) and a span in each consumer applying it (children
 * of the send), and every log line about it carries that trace's id. Records with a malformed, absent or
 * oversized trace context are applied all the same, traced in their batch's root span.
 */
@ExtendWith(ExactNumbers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final List<String> CONSUMERS = List.of(Platform.ZONE_SERVICE, Platform.STATISTICS_SERVICE);
    /** Nothing outside the header it came in may show this: no log line, no span. */
    private static final String HOSTILE_MARK = "hostile-traceparent-7f3a";

    private static OtlpReceiver otlp;
    private static Platform platform;

    @RegisterExtension
    static final ServiceLogsOnFailure SERVICE_LOGS = new ServiceLogsOnFailure(() -> platform);

    @BeforeAll
    static void startPlatform() throws IOException {
        otlp = OtlpReceiver.start();
        platform = TestPlatforms.startWithEnvironment("tracing", Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms",
                // The production format, which the local stack otherwise turns off for people reading the files.
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                "QUARKUS_LOG_CATEGORY__DEV_CUSTOMS__LEVEL", "DEBUG"));
    }

    @AfterAll
    static void stopPlatform() {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            if (otlp != null) {
                otlp.close();
            }
        }
    }

    @Test
    @Order(1)
    void oneTraceRunsFromThePostThroughTheOutboxAndKafkaIntoBothConsumers() throws IOException {
        String id = as(Tokens.DECLARANT).contentType(ContentType.JSON)
                .body(PipelineIT.restDeclaration(LocalDate.of(2025, 7, 14), Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE,
                        new BigDecimal("2500.00")))
                .post(url(Platform.DECLARATION_SERVICE) + "/api/declarations")
                .then().statusCode(201).extract().path("declarationId");

        ReceivedSpan send = await().atMost(PATIENCE).until(() -> find(s -> s.kind() == SpanKind.SPAN_KIND_PRODUCER
                && id.equals(s.attribute("customs.declaration_id"))), Optional::isPresent).orElseThrow();
        String traceId = send.traceId();
        for (String consumer : CONSUMERS) {
            await().atMost(PATIENCE).until(() -> consumerSpan(consumer, id).isPresent());
        }

        List<ReceivedSpan> trace = otlp.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
        ReceivedSpan post = trace.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER).findFirst().orElseThrow();
        assertThat(post.service()).isEqualTo(Platform.DECLARATION_SERVICE);
        assertThat(post.name()).isEqualTo("POST /api/declarations");
        assertThat(post.attribute("http.response.status_code")).isEqualTo("201");
        assertThat(post.parentSpanId()).as("the POST starts the trace").isEmpty();

        assertThat(send.service()).isEqualTo(Platform.DECLARATION_SERVICE);
        assertThat(send.name()).isEqualTo("send customs.declarations");
        assertThat(send.parentSpanId()).as("the send continues the request stored with the outbox row")
                .isEqualTo(post.spanId());
        assertThat(send.attribute("messaging.system")).isEqualTo("kafka");
        assertThat(send.attribute("messaging.destination.name")).isEqualTo(DeclarationEvent.TOPIC);
        assertThat(send.attribute("messaging.kafka.offset")).isNotNull();

        for (String consumer : CONSUMERS) {
            ReceivedSpan applied = consumerSpan(consumer, id).orElseThrow();
            assertThat(applied.traceId()).as(consumer + " continues the trace of the POST").isEqualTo(traceId);
            assertThat(applied.parentSpanId()).as(consumer + "'s span is a child of the send").isEqualTo(send.spanId());
            assertThat(applied.name()).isEqualTo("process customs.declarations");
            assertThat(applied.attribute("customs.outcome")).isEqualTo("applied");
            assertThat(applied.attribute("customs.revision")).isEqualTo("1");
            assertThat(applied.attribute("messaging.consumer.group.name")).isEqualTo(consumer);
            assertThat(applied.attribute("messaging.destination.partition.id")).isEqualTo(send.attribute("messaging.destination.partition.id"));
            assertThat(applied.attribute("messaging.kafka.offset")).isEqualTo(send.attribute("messaging.kafka.offset"));
            // Linked to its batch, a root span of the consumer's own.
            assertThat(applied.linkedSpanIds()).hasSize(1);
            ReceivedSpan batch = otlp.spans().stream().filter(s -> s.spanId().equals(applied.linkedSpanIds().get(0)))
                    .findFirst().orElseThrow();
            assertThat(batch.service()).isEqualTo(consumer);
            assertThat(batch.parentSpanId()).isEmpty();
            assertThat(batch.traceId()).isNotEqualTo(traceId);
            assertThat(Long.parseLong(batch.attribute("messaging.batch.message_count"))).isPositive();
        }
        assertThat(trace).extracting(ReceivedSpan::service).containsOnly(Platform.DECLARATION_SERVICE,
                Platform.ZONE_SERVICE, Platform.STATISTICS_SERVICE);

        // Every log line about the declaration is JSON and carries the trace id: the request's, the relay's and each
        // consumer's worker thread alike.
        List<JsonNode> requestAndRelay = logLinesAbout(Platform.DECLARATION_SERVICE, id);
        assertThat(requestAndRelay).extracting(line -> line.path("loggerName").asText())
                .contains("dev.customs.declaration.api.DeclarationResource", "dev.customs.declaration.outbox.OutboxRelay");
        for (String service : List.of(Platform.DECLARATION_SERVICE, Platform.ZONE_SERVICE, Platform.STATISTICS_SERVICE)) {
            List<JsonNode> lines = logLinesAbout(service, id);
            assertThat(lines).as(service + " logs about " + id).isNotEmpty();
            assertThat(lines).as(service + " log lines carry the trace id")
                    .allSatisfy(line -> assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId));
        }
        assertThat(otlp.failures()).isEmpty();
    }

    @Test
    @Order(2)
    void recordsWithAMalformedAbsentOrOversizedTraceContextAreAppliedAllTheSame() throws Exception {
        LocalDate day = LocalDate.of(2024, 3, 5);
        List<String> headerValues = new ArrayList<>(List.of(
                "00-" + HOSTILE_MARK + "\n\u001b[31mERROR forged log line",
                "00-00000000000000000000000000000000-0000000000000000-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                HOSTILE_MARK.repeat(20_000)));
        headerValues.add(null);
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = ReliableProducer.create(
                platform.kafka().clientProperties(RawPublisher.PRODUCER), "tracing-it")) {
            for (int i = 0; i < headerValues.size(); i++) {
                DeclarationEvent event = declared(declarationId("5300", 2024, Direction.EXPORT, 910_000 + i),
                        state(day, Direction.EXPORT, null, null, "0110", "SG", "8542310000", "1000.00", "140.00"));
                RecordHeaders headers = new RecordHeaders();
                if (headerValues.get(i) != null) {
                    headers.add("traceparent", headerValues.get(i).getBytes(StandardCharsets.UTF_8));
                    headers.add("tracestate", (HOSTILE_MARK + "=\u0000").getBytes(StandardCharsets.UTF_8));
                }
                producer.send(new ProducerRecord<>(DeclarationEvent.TOPIC, null, event.declarationId(),
                        EventCodec.toBytes(event), headers)).get();
                ids.add(event.declarationId());
            }
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            as(Tokens.ANALYST).queryParam("from", day.toString()).queryParam("to", day.toString())
                    .get(url(Platform.STATISTICS_SERVICE) + "/api/statistics/totals")
                    .then().statusCode(200).body("declarations", equalTo(headerValues.size()))
                    .body("exportCny", equalTo(new BigDecimal("1000.00").multiply(BigDecimal.valueOf(headerValues.size()))));
            as(Tokens.OPERATOR).get(url(Platform.ZONE_SERVICE) + "/api/ingest/status").then().statusCode(200)
                    .body("declarations", equalTo(headerValues.size() + 1));
            for (String consumer : CONSUMERS) {
                assertThat(otlp.spans()).as(consumer + " traced the batches of these records")
                        .anyMatch(s -> s.service().equals(consumer) && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                                && s.parentSpanId().isEmpty() && s.attribute("customs.events_applied") != null);
            }
        });
        for (String consumer : CONSUMERS) {
            for (String id : ids) {
                assertThat(consumerSpan(consumer, id)).as("no record span without a valid parent").isEmpty();
            }
            assertThat(Files.readString(log(consumer))).as(consumer + " never logs header text").doesNotContain(HOSTILE_MARK);
        }
        assertThat(otlp.spans()).noneMatch(s -> s.attributes().values().stream().anyMatch(v -> v.contains(HOSTILE_MARK)));
    }

    private static Optional<ReceivedSpan> find(Predicate<ReceivedSpan> which) {
        return otlp.spans().stream().filter(which).findFirst();
    }

    private static Optional<ReceivedSpan> consumerSpan(String consumer, String declarationId) {
        return find(s -> s.service().equals(consumer) && s.kind() == SpanKind.SPAN_KIND_CONSUMER
                && declarationId.equals(s.attribute("customs.declaration_id")));
    }

    /** The service's JSON log lines whose message names the declaration (every line must be JSON). */
    private static List<JsonNode> logLinesAbout(String service, String declarationId) throws IOException {
        List<JsonNode> about = new ArrayList<>();
        for (String line : Files.readAllLines(log(service), StandardCharsets.UTF_8)) {
            if (line.isBlank() || !line.startsWith("{")) {
                continue; // the JVM's own output before logging starts
            }
            JsonNode json = JSON.readTree(line);
            if (json.path("message").asText().contains(declarationId)) {
                about.add(json);
            }
        }
        return about;
    }

    private static Path log(String service) {
        return platform.service(service).log();
    }

    private static String url(String service) {
        return platform.url(service);
    }
}
