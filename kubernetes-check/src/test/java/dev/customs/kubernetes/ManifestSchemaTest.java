package dev.customs.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource deploy/kubernetes applies validates against the schema of its API, and a broken copy of one does
 * not: an unknown field, a wrong type, a value outside an enum, a missing required field, an unknown kind.
 */
class ManifestSchemaTest {

    /** The kinds the platform needs; each must be there and be checked against a schema. */
    private static final List<String> KINDS = List.of("Namespace", "ConfigMap", "Service", "Deployment",
            "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database", "TriggerAuthentication", "ScaledObject");

    private static List<SchemaValidator.Result> results;

    @BeforeAll
    static void validateAll() {
        results = SchemaValidator.validate(Repo.resourceFiles());
    }

    @Test
    void everyManifestValidatesAgainstItsSchema() {
        assertThat(results).hasSize(Repo.resources().size());
        assertThat(results).allSatisfy(r -> assertThat(r.errors())
                .as("%s %s in %s (%s)", r.kind(), r.name(), Repo.KUBERNETES.relativize(Path.of(r.file())), r.schema())
                .isEmpty());
        assertThat(results.stream().map(SchemaValidator.Result::kind).distinct()).containsAll(KINDS);
        assertThat(results).allSatisfy(r -> assertThat(r.schema()).isNotBlank());
    }

    @Test
    void eachApiIsCheckedAgainstThePackageOfItsOwner() {
        Map<String, String> packages = results.stream().collect(Collectors.toMap(SchemaValidator.Result::kind,
                r -> r.schema().substring(0, r.schema().indexOf('@', 1)), (a, b) -> a));
        assertThat(packages).containsEntry("Deployment", "kubernetes-models")
                .containsEntry("KafkaUser", "@kubernetes-models/strimzi-kafka-operator")
                .containsEntry("Cluster", "@kubernetes-models/cloudnative-pg")
                .containsEntry("ScaledObject", "@kubernetes-models/keda");
        assertThat(results).filteredOn(r -> r.kind().startsWith("Kafka"))
                .allSatisfy(r -> assertThat(r.apiVersion()).isEqualTo("kafka.strimzi.io/v1"));
    }

    @Test
    void brokenCopiesOfTheManifestsAreRejected(@TempDir Path dir) throws IOException {
        Map<String, Broken> cases = new LinkedHashMap<>();
        cases.put("unknown field in a container", new Broken("Deployment", "zone-service", "imagePullPolicyy",
                d -> container(d).put("imagePullPolicyy", "Always")));
        cases.put("replicas as a word", new Broken("Deployment", "declaration-service", "replicas",
                d -> ((ObjectNode) d.path("spec")).put("replicas", "two")));
        cases.put("container port as a string", new Broken("Deployment", "statistics-service", "containerPort",
                d -> ((ObjectNode) container(d).path("ports").get(0)).put("containerPort", "8083")));
        cases.put("probe with an unknown field", new Broken("Deployment", "zone-service", "pathh",
                d -> ((ObjectNode) container(d).path("readinessProbe").path("httpGet")).put("pathh", "/q/health/ready")));
        cases.put("partitions as a string", new Broken("KafkaTopic", "customs.declarations", "partitions",
                d -> ((ObjectNode) d.path("spec")).put("partitions", "12")));
        cases.put("an ACL operation Kafka does not have", new Broken("KafkaUser", "zone-service", "operations",
                d -> ((ArrayNode) d.path("spec").path("authorization").path("acls").get(0).path("operations")).add("Wrte")));
        cases.put("a listener type Strimzi does not have", new Broken("Kafka", "customs-kafka", "type",
                d -> ((ObjectNode) d.path("spec").path("kafka").path("listeners").get(0)).put("type", "internall")));
        cases.put("a node pool without roles", new Broken("KafkaNodePool", "brokers", "roles",
                d -> ((ObjectNode) d.path("spec")).remove("roles")));
        cases.put("unknown field in a ScaledObject", new Broken("ScaledObject", "zone-service", "maxReplicas",
                d -> ((ObjectNode) d.path("spec")).put("maxReplicas", 12)));
        cases.put("a trigger without its type", new Broken("ScaledObject", "statistics-service", "type",
                d -> ((ObjectNode) d.path("spec").path("triggers").get(0)).remove("type")));
        cases.put("a database cluster without instances", new Broken("Cluster", "customs-db", "instances",
                d -> ((ObjectNode) d.path("spec")).remove("instances")));
        cases.put("unknown field in a managed role", new Broken("Cluster", "customs-db", "superUser",
                d -> ((ObjectNode) d.path("spec").path("managed").path("roles").get(0)).put("superUser", false)));
        cases.put("a Database owner as a list", new Broken("Database", "customs-db-zones", "owner",
                d -> ((ObjectNode) d.path("spec")).putArray("owner").add("zone_service")));
        cases.put("a kind KEDA does not have", new Broken("ScaledObject", "zone-service", "no schema",
                d -> ((ObjectNode) d).put("kind", "ScaledThing")));

        Map<Path, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, Broken> c : cases.entrySet()) {
            JsonNode copy = Repo.resource(c.getValue().kind(), c.getValue().name()).deepCopy();
            c.getValue().breakIt().accept(copy);
            Path file = dir.resolve(files.size() + ".yaml");
            Repo.YAML.writeValue(file.toFile(), copy);
            files.put(file, c.getKey());
        }
        Map<String, SchemaValidator.Result> verdicts = SchemaValidator.validate(List.copyOf(files.keySet())).stream()
                .collect(Collectors.toMap(r -> files.get(Path.of(r.file())), r -> r));
        assertThat(verdicts).containsOnlyKeys(cases.keySet());
        cases.forEach((what, broken) -> assertThat(verdicts.get(what).errors()).as(what)
                .anySatisfy(e -> assertThat(e).contains(broken.mentions())));
    }

    private static ObjectNode container(JsonNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** A resource of deploy/kubernetes, broken in one place, and what the validator's complaint must mention. */
    private record Broken(String kind, String name, String mentions, Consumer<JsonNode> breakIt) {
    }
}
