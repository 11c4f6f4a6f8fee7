package dev.customs.zone.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A dead-letter topic that does not exist yet (the broker creates no topic on its own), offered again every second. */
public class QuarantineDrainProfile implements QuarkusTestProfile {

    static final String LATE_TOPIC = "customs.declarations.dead-letter.created-late";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.dead-letter-topic", LATE_TOPIC,
                "ingest.dead-letter-ack-timeout", "2s",
                "ingest.dead-letter-retry-after", "1s",
                "ingest.quarantine-retry-interval", "1s");
    }
}
