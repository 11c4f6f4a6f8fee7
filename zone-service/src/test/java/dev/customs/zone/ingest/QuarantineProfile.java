package dev.customs.zone.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A dead-letter topic the broker refuses (the name is not a valid topic name): dead letters cannot be written. */
public class QuarantineProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ingest.dead-letter-topic", "customs.declarations.dead letters!",
                "ingest.dead-letter-ack-timeout", "3s");
    }
}
