package dev.customs.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What quarkus-kubernetes generated for each service (and deploy/kubernetes applies) matches the service's own
 * configuration: port, health endpoints, image, and an environment in which every variable sets a property the
 * service reads, every property without a value is set, and every credential comes from the Secret that holds it.
 */
class GeneratedManifestsTest {

    static final List<String> SERVICES = Repo.SERVICES;

    /** quarkus-kubernetes (dekorate) adds it to every Deployment by itself; the services do not read it. */
    private static final String ADDED_BY_THE_GENERATOR = "KUBERNETES_NAMESPACE";
    /**
     * quarkus-opentelemetry has the generator add these, and reads them itself as the spans' resource attributes
     * (k8s.pod.name, ...): they set no property of the services' own configuration.
     */
    private static final Set<String> ADDED_FOR_TRACING = Set.of("QUARKUS_OTEL_K8S_RESOURCE_CONTAINER_NAME",
            "QUARKUS_OTEL_K8S_RESOURCE_DEPLOYMENT_NAME", "QUARKUS_OTEL_K8S_RESOURCE_NAMESPACE",
            "QUARKUS_OTEL_K8S_RESOURCE_NODE_NAME", "QUARKUS_OTEL_K8S_RESOURCE_POD_NAME", "QUARKUS_OTEL_K8S_RESOURCE_POD_UID");
    /** What every service must be given, as compose gives it (docker-compose.yml). */
    private static final List<String> REQUIRED = List.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "CUSTOMS_KAFKA_USERNAME", "CUSTOMS_KAFKA_PASSWORD",
            "CUSTOMS_OIDC_ISSUER");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theCommittedCopyIsWhatTheBuildGenerated(String service) {
        Path built = Repo.ROOT.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        Path copy = Repo.KUBERNETES.resolve("generated").resolve(service + ".yml");
        assertThat(built).as("the build of %s writes %s", service, built).exists();
        // The same resources, field for field; the generator writes the keys of some maps (labels) in no fixed order.
        assertThat(Repo.read(copy)).as("%s differs from %s: run deploy/kubernetes/copy-generated.sh", copy, built)
                .isEqualTo(Repo.read(built));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void portAndProbesAreTheServicesOwn(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        int port = Integer.parseInt(config.value("quarkus.http.port"));
        JsonNode container = Repo.container(service);
        assertThat(container.path("ports")).hasSize(1);
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
        JsonNode servicePorts = Repo.resource("Service", service).path("spec").path("ports");
        assertThat(servicePorts).hasSize(1);
        assertThat(servicePorts.get(0).path("targetPort").asInt()).isEqualTo(port);
        assertThat(Repo.resource("Service", service).path("spec").path("selector"))
                .isEqualTo(Repo.resource("Deployment", service).path("spec").path("selector").path("matchLabels"));

        // smallrye-health's endpoints under the non-application root, as the service configures them (or their defaults).
        String health = "/" + config.values().getOrDefault("quarkus.http.non-application-root-path", "q") + "/"
                + config.values().getOrDefault("quarkus.smallrye-health.root-path", "health") + "/";
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("livenessProbe", health + config.values().getOrDefault("quarkus.smallrye-health.liveness-path", "live"));
        probes.put("readinessProbe", health + config.values().getOrDefault("quarkus.smallrye-health.readiness-path", "ready"));
        probes.put("startupProbe", health + config.values().getOrDefault("quarkus.smallrye-health.startup-path", "started"));
        probes.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(get.path("port").asInt()).as(probe).isEqualTo(port);
        });
        assertThat(health).isEqualTo("/q/health/");
        // Room for Flyway and the broker at start-up before liveness counts.
        JsonNode startup = container.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt()).isGreaterThanOrEqualTo(120);
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotBlank();
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotBlank();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageIsTheOneComposeBuilds(String service) {
        JsonNode compose = Repo.read(Repo.ROOT.resolve("docker-compose.yml")).get(0);
        String image = compose.path("services").path(service).path("image").asText();
        assertThat(image).isNotBlank();
        assertThat(Repo.container(service).path("image").asText()).isEqualTo("docker.io/" + image);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyVariableSetsAPropertyTheServiceReadsAndNothingRequiredIsMissing(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, JsonNode> env = environment(service);
        Set<String> unread = new TreeSet<>();
        assertThat(env.keySet()).containsAll(ADDED_FOR_TRACING);
        for (String name : env.keySet()) {
            if (ADDED_FOR_TRACING.contains(name)) {
                continue;
            }
            if (name.equals(ADDED_BY_THE_GENERATOR)) {
                assertThat(env.get(name).path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("metadata.namespace");
            } else if (!config.readFromEnvironment().contains(name)) {
                unread.add(name);
            }
        }
        assertThat(unread).as("variables of %s's Deployment that set no property it reads", service).isEmpty();
        assertThat(env).containsKeys(REQUIRED.toArray(String[]::new));
        assertThat(config.required()).as("properties %s reads without a value", service)
                .containsExactlyInAnyOrder("customs.kafka.password", "quarkus.datasource.password");
        config.required().forEach(p -> assertThat(env).containsKey(ServiceConfig.envName(p)));
        // No secret in a plain value or the ConfigMap.
        assertThat(env.get("CUSTOMS_KAFKA_PASSWORD").has("valueFrom")).isTrue();
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").has("valueFrom")).isTrue();
        assertThat(Repo.resource("ConfigMap", "customs-platform").path("data").fieldNames())
                .toIterable().noneMatch(k -> k.contains("PASSWORD"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void itsKafkaUserIsItsOwnWithTheOperatorsPassword(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, JsonNode> env = environment(service);
        assertThat(env.get("CUSTOMS_KAFKA_USERNAME").path("value").asText()).isEqualTo(service);
        // The default it would take without the variable is the same user.
        assertThat(config.value("customs.kafka.username").replace("${quarkus.application.name}",
                config.value("quarkus.application.name"))).isEqualTo(service);
        JsonNode ref = env.get("CUSTOMS_KAFKA_PASSWORD").path("valueFrom").path("secretKeyRef");
        assertThat(ref.path("name").asText()).isEqualTo(service);
        assertThat(ref.path("key").asText()).isEqualTo("password");
        JsonNode user = Repo.resource("KafkaUser", service);
        assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(config.value("kafka.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(config.value("kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void itsDatabaseAndRoleAreItsOwnWithThePasswordTheRoleHas(String service) {
        ServiceConfig config = ServiceConfig.of(service);
        Map<String, JsonNode> env = environment(service);
        String role = config.value("quarkus.datasource.username");
        String ownDatabase = config.value("quarkus.datasource.jdbc.url").replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText();
        JsonNode cluster = Repo.resources("Cluster").get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        assertThat(url).isEqualTo("jdbc:postgresql://" + clusterName + "-rw:5432/" + ownDatabase);

        JsonNode userRef = env.get("QUARKUS_DATASOURCE_USERNAME").path("valueFrom").path("secretKeyRef");
        JsonNode passwordRef = env.get("QUARKUS_DATASOURCE_PASSWORD").path("valueFrom").path("secretKeyRef");
        String secret = userRef.path("name").asText();
        assertThat(userRef.path("key").asText()).isEqualTo("username");
        assertThat(passwordRef.path("name").asText()).isEqualTo(secret);
        assertThat(passwordRef.path("key").asText()).isEqualTo("password");
        // The Secret kustomize generates: the role's name, and a password from a file outside the repository.
        JsonNode generator = null;
        for (JsonNode g : Repo.kustomization().path("secretGenerator")) {
            if (g.path("name").asText().equals(secret)) {
                generator = g;
            }
        }
        assertThat(generator).as("a secretGenerator %s", secret).isNotNull();
        assertThat(generator.path("type").asText()).isEqualTo("kubernetes.io/basic-auth");
        assertThat(generator.path("literals").toString()).isEqualTo("[\"username=" + role + "\"]");
        assertThat(generator.path("envs")).hasSize(1);
        // CloudNativePG gives the role that password.
        JsonNode managed = null;
        for (JsonNode r : cluster.path("spec").path("managed").path("roles")) {
            if (r.path("name").asText().equals(role)) {
                managed = r;
            }
        }
        assertThat(managed).as("a managed role %s", role).isNotNull();
        assertThat(managed.path("passwordSecret").path("name").asText()).isEqualTo(secret);
        // Its database, owned by its role: the one the cluster starts with, or a Database resource.
        JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
        boolean bootstrapped = initdb.path("database").asText().equals(ownDatabase) && initdb.path("owner").asText().equals(role)
                && initdb.path("secret").path("name").asText().equals(secret);
        boolean declared = Repo.resources("Database").stream().map(d -> d.path("spec")).anyMatch(d ->
                d.path("name").asText().equals(ownDatabase) && d.path("owner").asText().equals(role)
                        && d.path("cluster").path("name").asText().equals(clusterName));
        assertThat(bootstrapped || declared).as("database %s owned by %s on %s", ownDatabase, role, clusterName).isTrue();
    }

    /** The container's environment, the ConfigMaps it takes whole included (by name; the value node as written). */
    static Map<String, JsonNode> environment(String service) {
        JsonNode container = Repo.container(service);
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String map = from.path("configMapRef").path("name").asText();
            assertThat(map).as("envFrom of %s takes only ConfigMaps", service).isNotBlank();
            Repo.resource("ConfigMap", map).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), Repo.YAML.createObjectNode().set("value", e.getValue())));
        }
        for (JsonNode e : container.path("env")) {
            assertThat(env.put(e.path("name").asText(), e)).as("%s set twice", e.path("name").asText()).isNull();
        }
        return env;
    }
}
