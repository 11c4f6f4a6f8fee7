package dev.customs.localstack.testing;

import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The real broker for a Quarkus test; stays up for the whole test JVM. The service under test connects as
 * its own Kafka user: {@code customs.kafka.username} (the service's name unless a test profile says
 * otherwise) picks that user's password from the ones given here.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORDS = "customs.test.kafka.passwords.";

    @Override
    public Map<String, String> start() {
        LocalKafka kafka = SharedInfrastructure.kafka();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        kafka.passwords().forEach((user, password) -> config.put(PASSWORDS + user, password));
        config.put("customs.kafka.password", "${" + PASSWORDS + "${customs.kafka.username}}");
        return config;
    }

    /** Client settings for a test's own Kafka client, as {@code user} (see {@link Infrastructure#KAFKA_USERS}). */
    public static Map<String, Object> clientProperties(String user) {
        return SharedInfrastructure.kafka().clientProperties(user);
    }

    @Override
    public void stop() {
        // Shared across application restarts; stopped by the JVM shutdown hook.
    }
}
