package dev.customs.zone;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings every consumer shares live once, in ingest-core's META-INF/microprofile-config.properties;
 * this service's application.properties holds only what sets it apart, and wins where both set a key.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class SharedConsumerConfigTest {

    private static final String SHARED = "ingest-core";
    private static final String SHARED_FILE = "META-INF/microprofile-config.properties";
    private static final String OWN = "zone-service";
    private static final String OWN_FILE = "/application.properties";

    private static SmallRyeConfig config() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
    }

    /** The file the value in effect comes from, as a path that names the module. */
    private static String origin(String name) {
        ConfigValue value = config().getConfigValue(name);
        assertThat(value.getValue()).as(name).isNotNull();
        return value.getSourceName().replace('\\', '/');
    }

    private static boolean isShared(ConfigSource source) {
        String name = source.getName().replace('\\', '/');
        return name.contains(SHARED) && name.contains(SHARED_FILE);
    }

    private static boolean isOwn(ConfigSource source) {
        String name = source.getName().replace('\\', '/');
        return name.contains(OWN) && name.contains(OWN_FILE);
    }

    @Test
    void sharedSettingsComeFromIngestCore() {
        assertThat(config().getValue("kafka.default.api.timeout.ms", String.class)).isEqualTo("5000");
        assertThat(origin("kafka.default.api.timeout.ms")).contains(SHARED).contains(SHARED_FILE);
        assertThat(config().getValue("mp.messaging.incoming.declarations.commit-strategy", String.class))
                .isEqualTo("latest");
        assertThat(origin("mp.messaging.incoming.declarations.commit-strategy")).contains(SHARED).contains(SHARED_FILE);
        assertThat(config().getValue("quarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts",
                String.class)).isEqualTo("true");
    }

    @Test
    void ownSettingsComeFromThisService() {
        assertThat(config().getValue("mp.messaging.incoming.declarations.group.id", String.class))
                .isEqualTo("zone-service");
        assertThat(origin("mp.messaging.incoming.declarations.group.id")).contains(OWN).contains(OWN_FILE);
        assertThat(config().getValue("ingest.dead-letter-topic", String.class))
                .isEqualTo("customs.declarations.dead-letter.zone-service");
    }

    @Test
    void thisServiceOverridesTheSharedFile() {
        List<ConfigSource> shared = sources().filter(SharedConsumerConfigTest::isShared).toList();
        List<ConfigSource> own = sources().filter(SharedConsumerConfigTest::isOwn).toList();
        assertThat(shared).hasSize(1);
        assertThat(own).hasSize(1);
        assertThat(shared.get(0).getOrdinal()).isLessThan(own.get(0).getOrdinal());
    }

    /** The running application is the test profile; the same two files read as prod, where the service runs. */
    @Test
    void profileKeysOfBothFilesApply() {
        List<ConfigSource> files = sources().filter(source -> isShared(source) || isOwn(source)).toList();
        assertThat(files).hasSize(2);
        SmallRyeConfig prod = new SmallRyeConfigBuilder().withProfile("prod").addDefaultInterceptors()
                .withSources(files).build();
        assertThat(prod.getValue("kafka.bootstrap.servers", String.class)).isEqualTo("localhost:9092");
        assertThat(prod.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://localhost:5432/zones");
        assertThat(prod.getConfigValue("kafka.bootstrap.servers").getSourceName()).contains(SHARED);
    }

    private static Stream<ConfigSource> sources() {
        return StreamSupport.stream(config().getConfigSources().spliterator(), false);
    }
}
