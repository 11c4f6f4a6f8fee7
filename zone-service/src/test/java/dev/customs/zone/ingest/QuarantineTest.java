package dev.customs.zone.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.Metrics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;

import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The dead-letter topic cannot be written: valid events are still applied and bad records quarantined in the database. */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(dev.customs.rest.testing.ExactNumbers.class)
@TestProfile(QuarantineProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class QuarantineTest {

    private static final LocalDate DAY = LocalDate.of(2015, 2, 2);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badRecordsAreQuarantinedAndValidOnesApplied() throws Exception {
        String bad = declarationId("8013", 2015, IMPORT, 1);
        String good = declarationId("8013", 2015, IMPORT, 2);
        DeclarationState state = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "4321.09", "600.10");
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            kafka.publishRaw(bad, "{not json");
            DeclarationEvent event = declared(good, state);
            kafka.publish(event);
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                    SELECT source_topic, kind, reason, record_key, record_value, truncated FROM quarantined_records
                    WHERE convert_from(record_key, 'UTF8') = ?""")) {
                st.setString(1, bad);
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(DeclarationEvent.TOPIC);
                    assertThat(rs.getString(2)).isEqualTo("invalid_json");
                    assertThat(rs.getString(3)).isNotBlank();
                    assertThat(new String(rs.getBytes(5), StandardCharsets.UTF_8)).isEqualTo("{not json");
                    assertThat(rs.getBoolean(6)).isFalse();
                    assertThat(rs.next()).isFalse();
                }
            }
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("from", DAY.toString()).queryParam("to", DAY.toString()).get("/api/zones/8013/totals")
                        .then().statusCode(200).body("declarations", equalTo(1)).body("importCny", equalTo(new BigDecimal("4321.09"))));
        assertThat(Metrics.sum("/q/metrics", "customs_ingest_quarantined_records_total")).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.sum("/q/metrics", "customs_ingest_quarantine_size")).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.sum("/q/metrics", "customs_ingest_dead_letters_total")).isGreaterThanOrEqualTo(1);
        given().get("/q/health/live").then().statusCode(200);
    }
}
