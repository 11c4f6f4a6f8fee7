package dev.customs.zone.ingest;

import dev.customs.ingest.testing.TotalsOverflowSuite;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Totals past 10^18 in zone-service's area answers, exact. */
@QuarkusTest
@TestProfile(IngestHardeningProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class TotalsOverflowTest extends TotalsOverflowSuite {

    @Override
    protected Map<String, Object> totals(LocalDate from, LocalDate to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/zones/8013/totals").then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
