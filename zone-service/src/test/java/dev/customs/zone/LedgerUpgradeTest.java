package dev.customs.zone;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.ingest.TotalsDelta;
import dev.customs.ingest.TotalsProjection;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.amended;
import static dev.customs.contract.testing.TestDeclarations.cancelled;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A database from before the ledger kept states in state_bytes: its rows hold the applied state as JSONB
 * only. An amendment or a cancellation of such a declaration must withdraw exactly that state, and the
 * row is rewritten in the new form.
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class LedgerUpgradeTest {

    /** This class's data lives in 2019 so other tests sharing the database cannot touch its sums. */
    private static final LocalDate DAY = LocalDate.of(2019, 5, 20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TotalsProjection projection;

    @Test
    void withdrawsStatesThatOlderVersionsStoredAsJson() throws SQLException {
        String amendedId = declarationId("8013", 2019, IMPORT, 1);
        String cancelledId = declarationId("8013", 2019, EXPORT, 2);
        DeclarationState amendedV1 = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1000.10", "140.01");
        DeclarationState amendedV2 = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1200.20", "168.02");
        DeclarationState cancelledV1 = state(DAY, EXPORT, "8013", FIRST_LINE, "5034", "US", "8542310000", "333.33", "46.39");
        // What the previous version left behind: JSONB ledger rows and the totals they vouch for.
        try (Connection connection = dataSource.getConnection()) {
            insertLegacyRow(connection, amendedId, amendedV1);
            insertLegacyRow(connection, cancelledId, cancelledV1);
            TotalsDelta delta = projection.newDelta();
            delta.add(amendedV1, 1);
            delta.add(cancelledV1, 1);
            delta.writeTo(connection);
        }
        assertZoneTotals(2, "1000.10", "333.33");

        try (RawPublisher kafka = new RawPublisher(bootstrapServers)) {
            kafka.publish(amended(amendedId, 2, amendedV2));
            kafka.publish(cancelled(cancelledId, 2, cancelledV1));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(revision(amendedId)).isEqualTo(2);
            assertThat(revision(cancelledId)).isEqualTo(2);
        });

        assertZoneTotals(1, "1200.20", "0.00");
        // Rewritten in the new form: the JSON cleared, the amended state in state_bytes, the cancelled one empty.
        assertThat(storedForms(amendedId)).isEqualTo("state_bytes");
        assertThat(storedForms(cancelledId)).isEqualTo("none");
    }

    /** Which columns of a ledger row hold a state: "json", "state_bytes", both or "none". */
    private String storedForms(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT concat_ws(' and ', CASE WHEN state IS NOT NULL THEN 'json' END,
                                               CASE WHEN state_bytes IS NOT NULL THEN 'state_bytes' END)
                     FROM applied_declarations WHERE declaration_id = ?""")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                String forms = rows.getString(1);
                return forms.isEmpty() ? "none" : forms;
            }
        }
    }

    private static void insertLegacyRow(Connection connection, String id, DeclarationState state) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO applied_declarations (declaration_id, revision, event_id, cancelled, state)
                VALUES (?, 1, ?, false, ?::jsonb)""")) {
            statement.setString(1, id);
            statement.setObject(2, UUID.randomUUID());
            statement.setString(3, EventCodec.toJson(state));
            statement.executeUpdate();
        }
    }

    private long revision(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT revision FROM applied_declarations WHERE declaration_id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static void assertZoneTotals(int declarations, String importCny, String exportCny) {
        given().queryParam("from", "2019-01-01").queryParam("to", "2019-12-31")
                .get("/api/zones/8013/totals")
                .then().statusCode(200)
                .body("declarations", equalTo(declarations))
                .body("importCny", equalTo(new BigDecimal(importCny)))
                .body("exportCny", equalTo(new BigDecimal(exportCny)));
    }
}
