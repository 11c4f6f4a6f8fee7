package dev.customs.declaration;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.TestTokens;
import dev.customs.declaration.outbox.OutboxRelay;
import dev.customs.declaration.outbox.RelaySwitch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** GET /api/outbox/status: what waits for Kafka and for how long, and what was relayed; for operators only. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
class OutboxStatusTest {

    @Inject
    OutboxRelay relay;

    @Test
    void aFiledDeclarationIsRelayedAndCounted() {
        long before = status().getLong("relayedSinceStart");
        given().auth().oauth2(TestTokens.declarant()).contentType(ContentType.JSON)
                .body(DeclarationApiTest.declaration(null)).post("/api/declarations").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath status = status();
            assertThat(status.getLong("relayedSinceStart")).isGreaterThan(before);
            assertThat(status.getBoolean("brokerReachable")).isTrue();
            assertThat(Instant.parse(status.getString("lastAcknowledged"))).isBefore(Instant.now().plusSeconds(1));
        });
    }

    /**
     * While the relay is stopped, filed events wait: pending counts them and the oldest one's age grows with the
     * wall clock; once the relay runs again they are relayed, nothing is pending and the age is null.
     */
    @Test
    void whatWaitsForTheRelayAndForHowLong() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> status().getLong("pending") == 0);
        assertThat(status().get("oldestPendingAgeSeconds") == null).isTrue();
        long parked = status().getLong("parked");
        RelaySwitch.pause(relay);
        long relayed;
        try {
            relayed = status().getLong("relayedSinceStart");
            Instant filedAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(TestTokens.declarant()).contentType(ContentType.JSON)
                        .body(DeclarationApiTest.declaration(null)).post("/api/declarations").then().statusCode(201);
            }
            Thread.sleep(2_100);
            JsonPath status = status();
            long upperBound = Duration.between(filedAfter, Instant.now()).toSeconds() + 1;
            assertThat(status.getLong("pending")).isEqualTo(3);
            assertThat(status.getLong("oldestPendingAgeSeconds")).isBetween(2L, upperBound);
            assertThat(status.getLong("parked")).isEqualTo(parked);
            assertThat(status.getLong("relayedSinceStart")).isEqualTo(relayed);
        } finally {
            RelaySwitch.resume(relay);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath status = status();
            assertThat(status.getLong("pending")).isZero();
            assertThat(status.get("oldestPendingAgeSeconds") == null).isTrue();
            assertThat(status.getLong("relayedSinceStart")).isEqualTo(relayed + 3);
        });
    }

    @Test
    void onlyOperatorsSeeIt() {
        for (String token : new String[]{TestTokens.declarant(), TestTokens.analyst(), TestTokens.areaAdminOf("8013")}) {
            given().auth().oauth2(token).get("/api/outbox/status")
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
        given().auth().none().get("/api/outbox/status").then().statusCode(401);
    }

    private static JsonPath status() {
        return given().auth().oauth2(TestTokens.operator()).get("/api/outbox/status")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }
}
