package dev.customs.ingest.testing;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.testing.ExpectedTotals;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.ingest.DeadLetterPublisher;
import dev.customs.ingest.testing.HostileRecords.Case;
import dev.customs.rest.testing.ExactNumbers;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.amended;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static dev.customs.ingest.testing.HostileRecords.APPLIED;
import static dev.customs.ingest.testing.HostileRecords.Expectation.contractDecides;
import static dev.customs.ingest.testing.HostileRecords.Expectation.deadLetter;
import static dev.customs.ingest.testing.HostileRecords.RULE_KINDS;
import static dev.customs.ingest.testing.HostileRecords.concat;
import static dev.customs.ingest.testing.HostileRecords.declaration;
import static dev.customs.ingest.testing.HostileRecords.json;
import static dev.customs.ingest.testing.HostileRecords.utf8;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whatever a record on customs.declarations holds, the consumer applies it or dead-letters it and goes on:
 * the real broker and database, each hostile record followed by a valid event that must count to the cent.
 * Each consumer runs it as a {@code @QuarkusTest} of its own, saying where its dead letters go and how its
 * totals answer for the valid events (all on one day in area 8013).
 */
@ExtendWith(ExactNumbers.class)
public abstract class HostileRecordsSuite {

    /** The valid events that follow the hostile ones, all on this day in area 8013. */
    private static final LocalDate GOOD_DAY = LocalDate.of(2016, 5, 10);
    /** Hostile events the contract may still accept land here, apart from the valid ones' totals. */
    private static final LocalDate OTHER_DAY = LocalDate.of(2016, 8, 8);
    private static final int HUGE_KEY_CHARS = 500_000;

    @Inject
    protected AgroalDataSource dataSource;

    @Test
    void everyRecordIsAppliedOrDeadLetteredAndValidOnesCountToTheCent() throws Exception {
        List<Case> cases = hostileCases();
        List<DeclarationState> good = new ArrayList<>();
        List<String> goodIds = new ArrayList<>();
        Map<String, Case> byCoordinates = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = HostileRecords.producer(kafkaClient(RawPublisher.PRODUCER))) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                RecordMetadata sent = HostileRecords.send(producer, c.key(), c.value());
                byCoordinates.put(sent.partition() + "@" + sent.offset(), c);
                String id = declarationId("8013", 2016, IMPORT, 500 + i);
                DeclarationState state = state(GOOD_DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000",
                        (i + 1) + ".01", i + ".99");
                DeclarationEvent event = declared(id, state);
                HostileRecords.send(producer, utf8(id), EventCodec.toBytes(event));
                good.add(state);
                goodIds.add(id);
            }
        }

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(appliedOf(goodIds)).isEqualTo(goodIds.size()));
        long expectedLetters = cases.stream().filter(c -> !HostileRecords.allowed(c).contains(APPLIED)).count();
        Map<Case, ConsumerRecord<String, byte[]>> letters = new HashMap<>();
        try (RawPublisher kafka = new RawPublisher(this::kafkaClient)) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                letters.clear();
                for (ConsumerRecord<String, byte[]> letter : kafka.readAll(deadLetterTopic(), (int) expectedLetters, Duration.ofSeconds(5))) {
                    Case c = byCoordinates.get(RawPublisher.header(letter, DeadLetterPublisher.SOURCE_PARTITION) + "@"
                            + RawPublisher.header(letter, DeadLetterPublisher.SOURCE_OFFSET));
                    if (c != null && RawPublisher.header(letter, DeadLetterPublisher.SOURCE_TOPIC).equals(DeclarationEvent.TOPIC)) {
                        assertThat(letters.put(c, letter)).as("one dead letter for " + c.name()).isNull();
                    }
                }
                assertThat(letters).hasSize((int) expectedLetters);
            });
        }

        for (Case c : cases) {
            Set<String> allowed = HostileRecords.allowed(c);
            ConsumerRecord<String, byte[]> letter = letters.get(c);
            if (allowed.contains(APPLIED)) {
                assertThat(letter).as(c.name() + " is accepted by this branch's contract and applied").isNull();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(appliedOf(List.of(new String(c.key(), StandardCharsets.UTF_8)))).as(c.name()).isEqualTo(1));
                continue;
            }
            assertThat(letter).as(c.name()).isNotNull();
            assertThat(RawPublisher.header(letter, DeadLetterPublisher.KIND)).as(c.name()).isIn(allowed);
            String reason = RawPublisher.header(letter, DeadLetterPublisher.REASON);
            assertThat(reason).as(c.name()).isNotBlank();
            assertThat(reason.getBytes(StandardCharsets.UTF_8).length).as(c.name() + " reason bytes").isLessThanOrEqualTo(4096);
            int size = (c.key() == null ? 0 : c.key().length) + (c.value() == null ? 0 : c.value().length);
            if (size > 900 * 1024) {
                assertThat(RawPublisher.header(letter, DeadLetterPublisher.TRUNCATED)).isEqualTo("true");
                assertThat(RawPublisher.header(letter, DeadLetterPublisher.VALUE_SIZE)).isEqualTo(Integer.toString(c.value().length));
                assertThat(RawPublisher.header(letter, DeadLetterPublisher.VALUE_SHA256))
                        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.value())));
                assertThat(letter.value().length).isLessThan(c.value().length);
            } else {
                assertThat(letter.value()).as(c.name() + " echoed unchanged").isEqualTo(c.value());
                assertThat(RawPublisher.header(letter, DeadLetterPublisher.TRUNCATED)).isNull();
            }
        }
        assertThat(byName(cases, "key of 500,000 characters").map(letters::get).orElseThrow().key()).hasSize(HUGE_KEY_CHARS);

        ExpectedTotals expected = ExpectedTotals.ofDeclarations(good);
        expected.assertRow(totalsOn(GOOD_DAY), "declarations", "the valid events' totals on " + GOOD_DAY);

        given().get("/q/health/live").then().statusCode(200);
    }

    /** This consumer's dead-letter topic. */
    protected abstract String deadLetterTopic();

    /** Client settings (bootstrap servers and credentials) of a Kafka user of the test broker. */
    protected abstract Map<String, Object> kafkaClient(String user);

    /** The service's totals answer for one day that holds area 8013's trade (its own or the national one). */
    protected abstract Map<String, Object> totalsOn(LocalDate day);

    private static java.util.Optional<Case> byName(List<Case> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private long appliedOf(List<String> ids) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM applied_declarations WHERE declaration_id = ANY (CAST(? AS bpchar[])) AND revision >= 1")) {
            st.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static byte[] replaced(DeclarationEvent event, String from, String to) {
        String text = new String(EventCodec.toBytes(event), StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return utf8(text.replace(from, to));
    }

    /** Hostile records; the events among them are in area 2369 on OTHER_DAY, so none touches GOOD_DAY's totals. */
    private static List<Case> hostileCases() {
        List<Case> cases = new ArrayList<>();
        int[] serial = {900};
        java.util.function.Supplier<DeclarationEvent> valid = () -> {
            String id = declarationId("2369", 2016, IMPORT, serial[0]++);
            return declared(id, state(OTHER_DAY, IMPORT, "2369", FIRST_LINE, "5034", "JP", "8517620000", "10.00", "1.40"));
        };
        DeclarationEvent e;

        e = valid.get();
        cases.add(new Case("tombstone (null value)", utf8(e.declarationId()), null, deadLetter("invalid_json")));
        e = valid.get();
        cases.add(new Case("empty value", utf8(e.declarationId()), new byte[0], deadLetter("invalid_json")));
        e = valid.get();
        cases.add(new Case("JSON null", utf8(e.declarationId()), utf8("null"), deadLetter("invalid_json")));
        e = valid.get();
        cases.add(new Case("JSON array", utf8(e.declarationId()), utf8("[]"), deadLetter("invalid_json", "unreadable")));
        e = valid.get();
        cases.add(new Case("JSON number", utf8(e.declarationId()), utf8("42"), deadLetter("invalid_json", "unreadable")));
        e = valid.get();
        byte[] event = EventCodec.toBytes(e);
        String text = new String(event, StandardCharsets.UTF_8);
        int cut = text.indexOf("\"currency\":\"") + "\"currency\":\"".length();
        cases.add(new Case("invalid UTF-8 in a string", utf8(e.declarationId()),
                concat(utf8(text.substring(0, cut)), new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, utf8(text.substring(cut))),
                deadLetter("invalid_json", "unreadable", "unknown_code", "rule_violation")));
        e = valid.get();
        cases.add(new Case("trailing garbage", utf8(e.declarationId()), concat(EventCodec.toBytes(e), utf8(" }garbage{")),
                contractDecides(APPLIED, "invalid_json")));
        e = valid.get();
        cases.add(new Case("duplicate keys", utf8(e.declarationId()),
                utf8(new String(EventCodec.toBytes(e), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"revision\":1,")),
                contractDecides(APPLIED, "invalid_json")));
        e = valid.get();
        cases.add(new Case("100,000-deep nesting", utf8(e.declarationId()),
                utf8(new String(EventCodec.toBytes(e), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"deep\":" + HostileRecords.deepArray(100_000) + ",")),
                contractDecides(APPLIED, "invalid_json", "unreadable")));
        e = valid.get();
        cases.add(new Case("1 MiB-long string", utf8(e.declarationId()),
                json(e, n -> declaration(n).put("declarantCode", "X".repeat(1_000_000))),
                deadLetter(RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        cases.add(new Case("total 1e999999999", utf8(e.declarationId()),
                replaced(e, "\"totalValueCny\":10.00", "\"totalValueCny\":1e999999999"),
                deadLetter(RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        cases.add(new Case("total 1e-2147483647", utf8(e.declarationId()),
                replaced(e, "\"totalValueCny\":10.00", "\"totalValueCny\":1e-2147483647"),
                deadLetter(RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        cases.add(new Case("declarationDate 0000-01-01", utf8(e.declarationId()),
                json(e, n -> declaration(n).put("declarationDate", "0000-01-01")),
                contractDecides("database_rejected", RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        cases.add(new Case("declarationDate 1700-01-01", utf8(e.declarationId()),
                json(e, n -> declaration(n).put("declarationDate", "1700-01-01")),
                contractDecides(APPLIED, RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        cases.add(new Case("occurredAt 1700-01-01T00:00:00Z", utf8(e.declarationId()),
                json(e, n -> n.put("occurredAt", "1700-01-01T00:00:00Z")),
                contractDecides(APPLIED, RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        DeclarationEvent amendment = amended(e.declarationId(), 2, e.declaration());
        cases.add(new Case("revision \"2\" (a string)", utf8(e.declarationId()),
                json(amendment, n -> n.put("revision", "2")),
                contractDecides(APPLIED, RULE_KINDS.toArray(String[]::new))));
        e = valid.get();
        cases.add(new Case("null key", null, EventCodec.toBytes(e), deadLetter("key_mismatch")));
        e = valid.get();
        cases.add(new Case("key not the declarationId", utf8("801320160000000001"), EventCodec.toBytes(e), deadLetter("key_mismatch")));
        e = valid.get();
        cases.add(new Case("key of 500,000 characters", utf8("7".repeat(HUGE_KEY_CHARS)), EventCodec.toBytes(e), deadLetter("key_mismatch")));
        e = valid.get();
        cases.add(new Case("key in invalid UTF-8", new byte[]{(byte) 0xFF, (byte) 0xFE, 0}, EventCodec.toBytes(e), deadLetter("key_mismatch")));
        return cases;
    }
}
