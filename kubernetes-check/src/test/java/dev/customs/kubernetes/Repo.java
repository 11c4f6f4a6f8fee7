package dev.customs.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The repository's deploy/kubernetes, read as the cluster would get it: the resources its kustomization lists. */
final class Repo {

    /** The module's directory is the working directory of its tests; the repository is its parent. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("declaration-service", "zone-service", "statistics-service");
    static final List<String> CONSUMERS = List.of("zone-service", "statistics-service");
    static final YAMLMapper YAML = new YAMLMapper();

    private Repo() {
    }

    static JsonNode kustomization() {
        return read(KUBERNETES.resolve("kustomization.yaml")).get(0);
    }

    /** Every file the kustomization applies, in its order. */
    static List<Path> resourceFiles() {
        List<Path> files = new ArrayList<>();
        kustomization().path("resources").forEach(r -> files.add(KUBERNETES.resolve(r.asText())));
        return files;
    }

    /** Every resource the kustomization applies (the generated Secrets aside). */
    static List<JsonNode> resources() {
        return resourceFiles().stream().flatMap(f -> read(f).stream()).toList();
    }

    static List<JsonNode> resources(String kind) {
        return resources().stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    static JsonNode resource(String kind, String name) {
        return resources(kind).stream().filter(r -> name.equals(r.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("deploy/kubernetes has no " + kind + " " + name));
    }

    /** The YAML documents of a file, empty ones left out. */
    static List<JsonNode> read(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return StreamSupport.stream(((Iterable<JsonNode>) () -> docs).spliterator(), false)
                    .filter(d -> d != null && !d.isNull() && !d.isMissingNode() && !d.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The one container of a generated Deployment, named after its service. */
    static JsonNode container(String service) {
        JsonNode containers = resource("Deployment", service).path("spec").path("template").path("spec").path("containers");
        for (JsonNode c : containers) {
            if (service.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("Deployment " + service + " has no container " + service);
    }
}
