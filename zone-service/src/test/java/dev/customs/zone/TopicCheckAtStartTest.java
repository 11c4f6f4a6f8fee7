package dev.customs.zone;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it is launched, against the topic the local stack creates (12 partitions, kept forever) but
 * configured for 3 partitions kept 7 days: the start fails with exit status 1 and one ERROR message that names both
 * differences and their fixes, before the consumer reads anything.
 */
@QuarkusMainTest
@TestProfile(TopicCheckAtStartTest.ThreePartitionsSevenDays.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class TopicCheckAtStartTest {

    public static class ThreePartitionsSevenDays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("customs.topic.partitions", "3", "customs.topic.retention-ms", "604800000");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void aTopicConfiguredOtherwiseStopsTheStart(LaunchResult result) {
        String output = result.getOutput() + "\n" + result.getErrorOutput();
        Matcher at = Pattern.compile("Topic customs\\.declarations at (\\S+) is not configured").matcher(output);
        assertThat(at.find()).as(output).isTrue();
        String servers = at.group(1);
        String admin = "--bootstrap-server " + servers + " --command-config <admin client properties>";
        assertThat(output).contains("ERROR [de.cu.ka.TopicCheckAtStart] (main) Topic customs.declarations at " + servers
                + " is not configured as this service expects (checked as Kafka user zone-service); not starting."
                + " 2 differences:"
                + "\n  - partitions: expected 3 (customs.topic.partitions), found 12. Fix: set CUSTOMS_TOPIC_PARTITIONS=12"
                + " if 12 is intended (Kafka cannot take partitions away; otherwise recreate the topic with 3)"
                + "\n  - retention.ms: expected 604800000 (customs.topic.retention-ms), found -1. Fix: kafka-configs.sh "
                + admin + " --alter --entity-type topics --entity-name customs.declarations --add-config"
                + " retention.ms=604800000, or set CUSTOMS_TOPIC_RETENTION_MS=-1 if -1 is intended\n");
        List<String> errors = output.lines().filter(line -> line.contains(" ERROR ")).toList();
        assertThat(errors).hasSize(1);
        assertThat(output).doesNotContain("Failed to start application").doesNotContain("Topic customs.declarations as configured");
    }
}
