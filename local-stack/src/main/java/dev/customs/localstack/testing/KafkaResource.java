package dev.customs.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The real broker for a Quarkus test; stays up for the whole test JVM. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across application restarts; stopped by the JVM shutdown hook.
    }
}
