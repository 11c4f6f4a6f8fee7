package dev.customs.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Walks a service's OpenAPI document (JSON) for what a reader of Swagger UI needs: every operation with a
 * summary, every parameter with a description and an example. A test asserting {@link #gaps} is empty
 * fails for any future endpoint that leaves one out.
 */
public final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
    }

    /** "GET /api/zones" for every operation in the document. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        forEachOperation((name, operation, pathParameters) -> operations.add(name));
        return operations;
    }

    /** Every missing summary, parameter description and parameter example, one line each; empty when none. */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        forEachOperation((name, operation, pathParameters) -> {
            if (operation.path("summary").asText("").isBlank()) {
                gaps.add(name + ": no summary");
            }
            List<JsonNode> parameters = new ArrayList<>();
            pathParameters.forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(parameter);
                String which = name + " " + resolved.path("in").asText("?") + " parameter '"
                        + resolved.path("name").asText("?") + "'";
                if (resolved.path("description").asText("").isBlank()) {
                    gaps.add(which + ": no description");
                }
                if (!hasExample(resolved)) {
                    gaps.add(which + ": no example");
                }
            }
        });
        return gaps;
    }

    /**
     * One parameter as the document describes it: its schema resolved ({@code $ref}s followed), so a test
     * can tell a date from a number, a choice from free text.
     */
    public record Parameter(String name, String in, boolean required, String example, JsonNode schema) {

        public String type() {
            return schema.path("type").isArray() ? schema.path("type").path(0).asText("") : schema.path("type").asText("");
        }

        public String format() {
            return schema.path("format").asText("");
        }

        public String pattern() {
            return schema.path("pattern").asText("");
        }

        public List<String> enumeration() {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asText()));
            return values;
        }

        /** The bound if documented, else null. */
        public Long minimum() {
            return schema.has("minimum") ? schema.path("minimum").asLong() : null;
        }

        public Long maximum() {
            return schema.has("maximum") ? schema.path("maximum").asLong() : null;
        }
    }

    /** One operation with its path's and its own parameters. */
    public record Operation(String method, String path, List<Parameter> parameters) {

        public String name() {
            return method + " " + path;
        }
    }

    /** Every operation of one HTTP method ({@code "GET"}), with its parameters resolved. */
    public List<Operation> operations(String method) {
        List<Operation> operations = new ArrayList<>();
        forEachOperation((name, operation, pathParameters) -> {
            if (!name.startsWith(method.toUpperCase(Locale.ROOT) + " ")) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            List<JsonNode> all = new ArrayList<>();
            pathParameters.forEach(all::add);
            operation.path("parameters").forEach(all::add);
            for (JsonNode parameter : all) {
                JsonNode p = resolve(parameter);
                JsonNode schema = resolve(p.path("schema"));
                String example = p.has("example") ? p.path("example").asText()
                        : schema.has("example") ? schema.path("example").asText() : null;
                parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                        p.path("required").asBoolean(false), example, schema));
            }
            operations.add(new Operation(method.toUpperCase(Locale.ROOT), name.substring(name.indexOf(' ') + 1),
                    List.copyOf(parameters)));
        });
        return operations;
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation, JsonNode pathParameters);
    }

    private void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    visitor.visit(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), item.getValue(),
                            path.getValue().path("parameters"));
                }
            }
        }
    }

    private static boolean hasExample(JsonNode parameter) {
        return parameter.has("example") || parameter.path("examples").size() > 0
                || parameter.path("schema").has("example") || parameter.path("schema").path("examples").size() > 0;
    }

    /** A parameter given as {@code {"$ref": "#/components/parameters/x"}}, looked up. */
    private JsonNode resolve(JsonNode parameter) {
        String ref = parameter.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : parameter;
    }
}
