package dev.customs.statistics.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.testing.ExactNumbers;
import dev.customs.contract.testing.ExpectedTotals;
import dev.customs.ingest.DeclarationEventApplier;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Valid declarations, each at the largest valid amount, on one totals key until it passes 10^18: read back exactly. */
@QuarkusTest
@ExtendWith(ExactNumbers.class)
@TestProfile(IngestHardeningProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
class TotalsOverflowTest {

    private static final LocalDate DAY = LocalDate.of(2014, 3, 3);

    @Inject
    DeclarationEventApplier applier;

    @Test
    void totalsPastTenToTheEighteenReadBackExactly() throws Exception {
        String largest = DeclarationRules.MONEY_LIMIT.subtract(new BigDecimal("0.01")).toPlainString();
        List<DeclarationState> sent = new ArrayList<>();
        List<DeclarationEvent> batch = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            DeclarationState state = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", largest, largest);
            batch.add(declared(declarationId("8013", 2014, IMPORT, 10_000 + i), state));
            sent.add(state);
            if (batch.size() == 250 || i == 1000) {
                applier.apply(batch);
                batch = new ArrayList<>();
            }
        }
        ExpectedTotals expected = ExpectedTotals.ofDeclarations(sent);
        assertThat(expected.importCny()).isGreaterThan(new BigDecimal("1e18"));

        Map<String, Object> totals = given().queryParam("from", DAY.toString()).queryParam("to", DAY.toString())
                .get("/api/statistics/totals").then().statusCode(200).extract().jsonPath().getMap("$");
        expected.assertRow(totals, "declarations", "national on " + DAY);
        // The monthly rows answer a whole month.
        Map<String, Object> month = given().queryParam("from", "2014-03-01").queryParam("to", "2014-03-31")
                .get("/api/statistics/totals").then().statusCode(200).extract().jsonPath().getMap("$");
        expected.assertRow(month, "declarations", "national in March 2014");
    }
}
