package dev.customs.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs src/test/node/validate-manifests.mjs: each resource against its API's schema as the npm packages in
 * package.json ship it (kubernetes-models for Kubernetes itself, @kubernetes-models/* for Strimzi, CloudNativePG and
 * KEDA), by their compiled validators and, strictly (unknown fields), by the TypeScript compiler.
 */
final class SchemaValidator {

    /** One YAML document's verdict. */
    record Result(String file, int index, String apiVersion, String kind, String name, String schema, List<String> errors) {
    }

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaValidator() {
    }

    static List<Result> validate(List<Path> files) {
        installPackages();
        List<String> command = new ArrayList<>(List.of("node", "src/test/node/validate-manifests.mjs"));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        String out = run(command, 10);
        List<Result> results = new ArrayList<>();
        try {
            for (JsonNode r : JSON.readTree(out)) {
                List<String> errors = new ArrayList<>();
                r.path("errors").forEach(e -> errors.add(e.asText()));
                results.add(new Result(r.path("file").asText(), r.path("index").asInt(), r.path("apiVersion").asText(null),
                        r.path("kind").asText(null), r.path("name").asText(null), r.path("schema").asText(null), errors));
            }
        } catch (IOException e) {
            throw new AssertionError("validate-manifests.mjs printed no JSON: " + out, e);
        }
        return results;
    }

    /** npm ci, once per change of package-lock.json: the exact packages it names, from the npm registry. */
    private static synchronized void installPackages() {
        Path marker = MODULE.resolve("node_modules/.package-lock.json");
        try {
            if (Files.exists(marker)
                    && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(MODULE.resolve("package-lock.json"))) >= 0) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 10);
    }

    private static String run(List<String> command, int minutes) {
        try {
            Path err = Files.createTempFile("kubernetes-check", ".err");
            Process p = new ProcessBuilder(command).directory(MODULE.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + minutes + " minutes");
            }
            String stderr = Files.readString(err);
            Files.delete(err);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " exited " + p.exitValue() + ": " + stderr);
            }
            return new String(out, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
