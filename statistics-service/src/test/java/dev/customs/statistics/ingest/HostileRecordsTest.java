package dev.customs.statistics.ingest;

import dev.customs.ingest.testing.HostileRecordsSuite;
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

/** The hostile-input suite against statistics-service, its broker and its database; its national totals must count the valid events. */
@QuarkusTest
@TestProfile(IngestHardeningProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class HostileRecordsTest extends HostileRecordsSuite {

    @Override
    protected String deadLetterTopic() {
        return "customs.declarations.dead-letter.statistics-service";
    }

    @Override
    protected Map<String, Object> kafkaClient(String user) {
        return KafkaResource.clientProperties(user);
    }

    @Override
    protected Map<String, Object> totalsOn(LocalDate day) {
        return given().queryParam("from", day.toString()).queryParam("to", day.toString())
                .get("/api/statistics/totals").then().statusCode(200).extract().jsonPath().getMap("$");
    }
}
