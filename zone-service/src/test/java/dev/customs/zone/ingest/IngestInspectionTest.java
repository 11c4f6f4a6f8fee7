package dev.customs.zone.ingest;

import dev.customs.ingest.testing.IngestInspectionSuite;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

import java.util.Map;

/** Lag and dead letters of zone-service, as its operator sees them and as the broker tells its admin. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.OPERATOR)
class IngestInspectionTest extends IngestInspectionSuite {

    @Override
    protected String deadLetterTopic() {
        return "customs.declarations.dead-letter.zone-service";
    }

    @Override
    protected String consumerGroup() {
        return "zone-service";
    }

    @Override
    protected Map<String, Object> kafkaClient(String user) {
        return KafkaResource.clientProperties(user);
    }
}
