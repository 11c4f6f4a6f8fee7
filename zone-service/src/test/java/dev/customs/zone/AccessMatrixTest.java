package dev.customs.zone;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.testing.AccessMatrix;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every operation in the OpenAPI document answers only the roles access-matrix.csv allows (see AccessMatrix). */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class AccessMatrixTest {

    @Test
    void everyOperationAnswersOnlyTheRolesTheMatrixAllows() {
        AccessMatrix.load().assertEnforced((operation, request) -> request);
    }
}
