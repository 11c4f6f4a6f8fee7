package dev.customs.zone.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.testing.ExpectedTotals;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.ingest.DeadLetterPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event that passes every rule but that the database refuses for a data reason is split out of its batch
 * and dead-lettered as database_rejected; the rest of the batch is applied. The refusal comes from a CHECK
 * this test adds (SQLState 23514), so the test does not depend on which values the contract's rules let by.
 */
@QuarkusTest
@ExtendWith(ExactNumbers.class)
@TestProfile(IngestHardeningProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class DatabaseRejectedTest {

    private static final LocalDate DAY = LocalDate.of(2015, 6, 6);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void refusedEventIsDeadLetteredAndTheRestOfItsBatchApplied() throws Exception {
        execute("""
                ALTER TABLE zone_daily_totals ADD CONSTRAINT test_refuses_777_77
                CHECK (day <> DATE '2015-06-06' OR direction <> 'EXPORT' OR value_cny <> 777.77) NOT VALID""");
        try {
            String refused = declarationId("8013", 2015, EXPORT, 777);
            List<DeclarationEvent> batch = new ArrayList<>();
            List<DeclarationState> applied = new ArrayList<>();
            List<String> appliedIds = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                if (i == 4) {
                    batch.add(declared(refused, state(DAY, EXPORT, "8013", FIRST_LINE, "5034", "US", "8542310000", "777.77", "108.11")));
                }
                String id = declarationId("8013", 2015, IMPORT, 100 + i);
                DeclarationState state = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", (i + 1) + "00.10", i + ".05");
                batch.add(declared(id, state));
                applied.add(state);
                appliedIds.add(id);
            }
            try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
                kafka.publishAll(batch);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    List<ConsumerRecord<String, byte[]>> dead = kafka.readAll("customs.declarations.dead-letter.zone-service", 1, Duration.ofSeconds(3))
                            .stream().filter(r -> refused.equals(r.key())).toList();
                    assertThat(dead).hasSize(1);
                    assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.KIND)).isEqualTo("database_rejected");
                    assertThat(RawPublisher.header(dead.get(0), DeadLetterPublisher.REASON)).contains("23514").contains("test_refuses_777_77");
                });
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(revisions(appliedIds)).isEqualTo(appliedIds.size()));
            assertThat(revisions(List.of(refused))).isZero();
            Map<String, Object> totals = given().queryParam("from", DAY.toString()).queryParam("to", DAY.toString())
                    .get("/api/zones/8013/totals").then().statusCode(200).extract().jsonPath().getMap("$");
            ExpectedTotals.ofDeclarations(applied).assertRow(totals, "declarations", "8013 on " + DAY);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            execute("ALTER TABLE zone_daily_totals DROP CONSTRAINT IF EXISTS test_refuses_777_77");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long revisions(List<String> ids) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM applied_declarations WHERE declaration_id = ANY (CAST(? AS bpchar[])) AND revision >= 1")) {
            st.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
