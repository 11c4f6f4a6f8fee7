package dev.customs.zone.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A dead-letter topic that does not exist yet (the broker creates no topic on its own), offered again every
 * second. No service's user may write a topic of that name, so the service runs as the broker's admin.
 */
public class QuarantineDrainProfile implements QuarkusTestProfile {

    static final String LATE_TOPIC = "customs.declarations.dead-letter.created-late";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.dead-letter-topic", LATE_TOPIC,
                "ingest.dead-letter-ack-timeout", "2s",
                "ingest.dead-letter-retry-after", "1s",
                "ingest.quarantine-retry-interval", "1s",
                "customs.kafka.username", "admin");
    }
}
