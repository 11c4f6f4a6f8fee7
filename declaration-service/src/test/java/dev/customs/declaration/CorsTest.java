package dev.customs.declaration;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.ConsoleCors;
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The browser console (http://localhost:8084) may call this service from the browser; other origins may not. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
class CorsTest {

    @Test
    void onlyTheConsolesOriginPassesThePreflight() {
        ConsoleCors.assertOnlyTheConsoleMayCall("/api/declarations/summary");
    }

    @Test
    void theConsoleSeesTheExposedHeaders() {
        ConsoleCors.assertTheConsoleSeesTheHeaders("/api/declarations/summary", TestTokens.analyst());
    }
}
