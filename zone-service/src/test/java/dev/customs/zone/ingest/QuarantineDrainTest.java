package dev.customs.zone.ingest;

import dev.customs.contract.testing.RawPublisher;
import dev.customs.ingest.DeadLetterPublisher;
import dev.customs.localstack.LocalKafka;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.Metrics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Quarantined records move to the dead-letter topic once it exists, and leave the table. */
@QuarkusTest
@TestProfile(QuarantineDrainProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class QuarantineDrainTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void quarantinedRecordsAreDeadLetteredOnceTheTopicTakesThem() throws Exception {
        String bad = declarationId("8013", 2015, IMPORT, 42);
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            kafka.publishRaw(bad, "[1, 2");
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(quarantined()).isEqualTo(1));

            try (Admin admin = Admin.create(KafkaResource.clientProperties(LocalKafka.ADMIN))) {
                admin.createTopics(List.of(new NewTopic(QuarantineDrainProfile.LATE_TOPIC, 1, (short) 1))).all().get();
            }
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(quarantined()).isZero());
            List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(QuarantineDrainProfile.LATE_TOPIC, 1, Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).key()).isEqualTo(bad);
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("[1, 2");
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.KIND)).isEqualTo("invalid_json");
            assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.SOURCE_OFFSET)).matches("\\d+");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Metrics.sum("/q/metrics", "customs_ingest_quarantine_size")).isZero());
        assertThat(Metrics.sum("/q/metrics", "customs_ingest_quarantined_records_total")).isEqualTo(1);
        given().get("/q/health/live").then().statusCode(200);
    }

    private long quarantined() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM quarantined_records")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
