package dev.customs.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.customs.localstack.Infrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written resources of deploy/kubernetes against what the platform is elsewhere: the local stack's topics,
 * databases and Kafka grants (Infrastructure), the consumers' groups and topic, and one another (the bootstrap
 * address, the Secrets KEDA reads, the kustomization's list of files).
 */
class PlatformResourcesTest {

    static final List<String> CONSUMERS = Repo.CONSUMERS;
    /** Added for the services' start-up topic check, which reads the topic's configuration (issue 18). */
    private static final String DESCRIBE_CONFIGS = "DESCRIBE_CONFIGS";

    @Test
    void kafkaUsersHaveExactlyTheGrantsOfTheLocalStack() {
        Set<String> expected = new TreeSet<>();
        Infrastructure.ACCESS.forEach(g -> g.operations().forEach(op ->
                expected.add(grant(g.user(), g.type().name(), g.name(), op.name()))));
        for (String service : Repo.SERVICES) {
            expected.add(grant(service, "TOPIC", Infrastructure.DECLARATIONS_TOPIC, DESCRIBE_CONFIGS));
        }
        Set<String> actual = new TreeSet<>();
        String cluster = Repo.resources("Kafka").get(0).path("metadata").path("name").asText();
        for (JsonNode user : Repo.resources("KafkaUser")) {
            String name = user.path("metadata").path("name").asText();
            assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                assertThat(acl.path("host").asText("*")).isEqualTo("*");
                assertThat(acl.path("resource").path("patternType").asText("literal")).isEqualTo("literal");
                for (JsonNode op : acl.path("operations")) {
                    actual.add(grant(name, acl.path("resource").path("type").asText().toUpperCase(),
                            acl.path("resource").path("name").asText(),
                            op.asText().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()));
                }
            }
        }
        assertThat(actual).isEqualTo(expected);
        // Every user of the local stack but its own tooling's super user, which Strimzi's operators replace.
        Set<String> users = new TreeSet<>(Infrastructure.KAFKA_USERS);
        users.remove(dev.customs.localstack.LocalKafka.ADMIN);
        assertThat(Repo.resources("KafkaUser").stream().map(u -> u.path("metadata").path("name").asText()))
                .containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void topicsAreTheLocalStacksWithThreeReplicasKeptForever() {
        Map<String, Integer> topics = new TreeMap<>();
        String cluster = Repo.resources("Kafka").get(0).path("metadata").path("name").asText();
        for (JsonNode t : Repo.resources("KafkaTopic")) {
            String name = t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText());
            topics.put(name, t.path("spec").path("partitions").asInt());
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            assertThat(t.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            assertThat(t.path("spec").path("config").path("retention.ms").asLong()).as(name).isEqualTo(-1);
        }
        assertThat(topics).isEqualTo(new TreeMap<>(Infrastructure.topics()));
        assertThat(topics.get(Infrastructure.DECLARATIONS_TOPIC)).isEqualTo(Infrastructure.DECLARATIONS_PARTITIONS).isGreaterThanOrEqualTo(12);

        // What the services are told to expect of the topic is what it is, and the brokers can hold it.
        JsonNode declarations = Repo.resource("KafkaTopic", Infrastructure.DECLARATIONS_TOPIC).path("spec");
        JsonNode shared = Repo.resource("ConfigMap", "customs-platform").path("data");
        assertThat(shared.path("CUSTOMS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(declarations.path("replicas").asInt());
        assertThat(shared.path("CUSTOMS_TOPIC_MIN_INSYNC_REPLICAS").asInt())
                .isEqualTo(declarations.path("config").path("min.insync.replicas").asInt());
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : Repo.resources("KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            List<String> roles = new ArrayList<>();
            pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            brokers += roles.contains("broker") ? pool.path("spec").path("replicas").asInt() : 0;
            controllers += roles.contains("controller") ? pool.path("spec").path("replicas").asInt() : 0;
        }
        assertThat(brokers).isGreaterThanOrEqualTo(declarations.path("replicas").asInt());
        assertThat(controllers).isEqualTo(3);
        JsonNode config = Repo.resource("Kafka", cluster).path("spec").path("kafka").path("config");
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
    }

    @Test
    void theServicesBootstrapIsTheClustersScramListener() {
        JsonNode kafka = Repo.resources("Kafka").get(0);
        List<String> scram = new ArrayList<>();
        for (JsonNode l : kafka.path("spec").path("kafka").path("listeners")) {
            if (l.path("authentication").path("type").asText().equals("scram-sha-512") && !l.path("tls").asBoolean()
                    && l.path("type").asText().equals("internal")) {
                scram.add(kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + l.path("port").asInt());
            }
        }
        // Every listener authenticates: none is anonymous.
        kafka.path("spec").path("kafka").path("listeners").forEach(l -> assertThat(l.path("authentication").isObject()).isTrue());
        assertThat(kafka.path("spec").path("kafka").path("authorization").path("type").asText()).isEqualTo("simple");
        String bootstrap = Repo.resource("ConfigMap", "customs-platform").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText();
        assertThat(scram).containsExactly(bootstrap);
    }

    @ParameterizedTest
    @FieldSource("CONSUMERS")
    void consumersScaleOnTheirOwnGroupsLagUpToThePartitions(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        JsonNode scaled = Repo.resource("ScaledObject", service).path("spec");
        assertThat(scaled.path("scaleTargetRef").path("name").asText()).isEqualTo(service);
        assertThat(scaled.path("scaleTargetRef").path("kind").asText("Deployment")).isEqualTo("Deployment");
        Repo.resource("Deployment", service);
        int partitions = Repo.resource("KafkaTopic", Infrastructure.DECLARATIONS_TOPIC).path("spec").path("partitions").asInt();
        assertThat(scaled.path("maxReplicaCount").asInt()).isEqualTo(partitions).isEqualTo(Infrastructure.DECLARATIONS_PARTITIONS);
        // Its REST API serves all the time: never scaled to zero.
        assertThat(scaled.path("minReplicaCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(scaled.path("triggers")).hasSize(1);
        JsonNode trigger = scaled.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        JsonNode meta = trigger.path("metadata");
        assertThat(meta.path("consumerGroup").asText()).isEqualTo(config.value("mp.messaging.incoming.declarations.group.id"))
                .isEqualTo(service);
        assertThat(meta.path("topic").asText()).isEqualTo(config.value("mp.messaging.incoming.declarations.topic"))
                .isEqualTo(Infrastructure.DECLARATIONS_TOPIC);
        assertThat(meta.path("bootstrapServers").asText())
                .isEqualTo(Repo.resource("ConfigMap", "customs-platform").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertThat(meta.path("sasl").asText()).isEqualTo("scram_sha512");
        assertThat(meta.path("tls").asText()).isEqualTo("disable");
        assertThat(meta.path("offsetResetPolicy").asText()).isEqualTo(config.value("mp.messaging.incoming.declarations.auto.offset.reset"));
        assertThat(meta.path("allowIdleConsumers").asText()).isEqualTo("false");

        // KEDA signs in as the service's own Kafka user: the password from the User Operator's Secret, the name from
        // the Deployment's own variable.
        String auth = trigger.path("authenticationRef").path("name").asText();
        JsonNode authSpec = Repo.resource("TriggerAuthentication", auth).path("spec");
        assertThat(authSpec.path("secretTargetRef")).hasSize(1);
        JsonNode password = authSpec.path("secretTargetRef").get(0);
        assertThat(password.path("parameter").asText()).isEqualTo("password");
        assertThat(password.path("name").asText()).isEqualTo(service);
        assertThat(password.path("key").asText()).isEqualTo("password");
        Repo.resource("KafkaUser", service);
        assertThat(authSpec.path("env")).hasSize(1);
        JsonNode username = authSpec.path("env").get(0);
        assertThat(username.path("parameter").asText()).isEqualTo("username");
        assertThat(username.path("containerName").asText()).isEqualTo(service);
        assertThat(GeneratedManifestsTest.environment(service).get(username.path("name").asText()).path("value").asText())
                .isEqualTo(service);

        // The kustomization leaves the number of instances to KEDA.
        assertThat(Repo.kustomization().path("patches").toString())
                .contains("\"name\":\"" + service + "\"").contains("/spec/replicas");
    }

    @Test
    void declarationServiceRunsSeveralRelaysThatShareTheOutbox() {
        assertThat(Repo.resource("Deployment", "declaration-service").path("spec").path("replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(Repo.text(Repo.ROOT.resolve(
                "declaration-service/src/main/java/dev/customs/declaration/outbox/OutboxRelay.java"))).contains("FOR UPDATE SKIP LOCKED");
        assertThat(Repo.resources("ScaledObject").stream().map(s -> s.path("metadata").path("name").asText()))
                .doesNotContain("declaration-service");
    }

    @Test
    void eachDatabaseIsOwnedByItsServicesRoleWhichReachesNoOther() {
        JsonNode cluster = Repo.resources("Cluster").get(0).path("spec");
        Map<String, String> owners = new TreeMap<>();
        owners.put(cluster.path("bootstrap").path("initdb").path("database").asText(),
                cluster.path("bootstrap").path("initdb").path("owner").asText());
        Repo.resources("Database").forEach(d -> owners.put(d.path("spec").path("name").asText(), d.path("spec").path("owner").asText()));
        assertThat(owners).isEqualTo(new TreeMap<>(Infrastructure.DATABASE_OWNERS));
        assertThat(cluster.path("enableSuperuserAccess").asBoolean(true)).isFalse();
        Set<String> roles = new TreeSet<>();
        for (JsonNode role : cluster.path("managed").path("roles")) {
            roles.add(role.path("name").asText());
            assertThat(role.path("login").asBoolean()).isTrue();
            for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertThat(role.path(power).asBoolean(false)).as("%s %s", role.path("name").asText(), power).isFalse();
            }
        }
        assertThat(roles).isEqualTo(new TreeSet<>(owners.values()));
        List<String> hba = new ArrayList<>();
        cluster.path("postgresql").path("pg_hba").forEach(l -> hba.add(l.asText().trim().replaceAll("\\s+", " ")));
        List<String> expected = new ArrayList<>();
        owners.forEach((db, role) -> expected.add("host " + db + " " + role + " all scram-sha-256"));
        expected.add("host all " + String.join(",", List.of("declaration_service", "zone_service", "statistics_service")) + " all reject");
        assertThat(hba).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(hba.get(hba.size() - 1)).endsWith("reject");
    }

    @Test
    void theKustomizationAppliesEveryManifestAndKeepsPasswordsOut() throws IOException {
        Set<Path> listed = new TreeSet<>(Repo.resourceFiles());
        Set<Path> present = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.KUBERNETES)) {
            files.filter(f -> f.toString().matches(".*\\.ya?ml$"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !f.startsWith(Repo.KUBERNETES.resolve("secrets")))
                    .forEach(present::add);
        }
        assertThat(listed).isEqualTo(present);
        JsonNode k = Repo.kustomization();
        String namespace = k.path("namespace").asText();
        assertThat(Repo.resources("Namespace").stream().map(n -> n.path("metadata").path("name").asText())).containsExactly(namespace);
        // Each password file is git-ignored, and none is committed.
        assertThat(Repo.text(Repo.KUBERNETES.resolve("secrets/.gitignore"))).contains("*.env");
        for (JsonNode g : k.path("secretGenerator")) {
            for (JsonNode env : g.path("envs")) {
                assertThat(env.asText()).startsWith("secrets/").endsWith(".env");
            }
            assertThat(g.path("literals").toString()).doesNotContainIgnoringCase("password");
        }
        assertThat(k.path("generatorOptions").path("disableNameSuffixHash").asBoolean()).isTrue();
        // No Secret is written in the manifests themselves.
        assertThat(Repo.resources("Secret")).isEmpty();
    }

    private static String grant(String user, String type, String name, String operation) {
        return user + " " + type + " " + name + " " + operation;
    }
}
