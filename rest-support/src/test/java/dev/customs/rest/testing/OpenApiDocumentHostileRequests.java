package dev.customs.rest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hostile values for every parameter of every GET operation in a service's OpenAPI document, sent to the
 * running service (RestAssured's base URI and port, as {@code @QuarkusTest} sets them) one at a time over one
 * kept-alive connection: hundreds of requests in seconds. Generated from the
 * document, so a new endpoint or parameter is covered without anyone remembering to.
 *
 * <p>Every other parameter keeps its example (required ones) or is left out. What each answer must be:
 * <ul>
 *   <li>a hostile query value: 400, {@code application/problem+json}, its {@code errors} naming the parameter;</li>
 *   <li>a hostile path value: the same (any 404 for {@code ..}, which the server resolves to another
 *       path before routing); a well-formed one no one has (the example's digits all zeros): 404
 *       problem+json;</li>
 *   <li>never a 5xx; and the examples alone: neither a 5xx nor a 400, so the examples are valid.</li>
 * </ul>
 *
 * <p>Which values are hostile follows the parameter's documented schema: {@code format: date}, an
 * {@code integer} (with its {@code minimum}/{@code maximum} if documented), an {@code enum}, a
 * {@code pattern}. A string parameter with none of these is free text and only gets the values no
 * parameter may take; {@link #freeText} lists them so a test can pin which ones are.
 */
public final class OpenApiDocumentHostileRequests {

    /** One request and what was wrong with its answer, or null when it was right. */
    public record Outcome(String request, int status, String failure) {
    }

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String TEN_KB = "x".repeat(10 * 1024);

    /** Already percent-encoded: what no query value may be. */
    private static final List<String> ANY_QUERY = List.of("%00", "a%00b", "%0A", enc(TEN_KB), "%FF", "%E2%82",
            "%zz", "%");
    private static final List<String> DATES = List.of("0001-01-01", "9999-12-31", "-999999999-01-01",
            "%2B1000000-01-01", "+1000000-01-01", "1899-12-31", "3000-01-01", "2025-02-30", "2025-1-1", "2025-13-01",
            "20250101", "abc", "1e3", enc("２０２５-01-01"));
    private static final List<String> INTEGERS = List.of("-1", "2147483648", "-2147483649", "99999999999999999999",
            "abc", "1e3", "1.5", "0x10", enc("１"));
    private static final List<String> CHOICES = List.of("week", "heading", "foo", "abc", enc("€"));
    /** A blank value means absent, as an empty form field does; a code with a space around it does not. */
    private static final List<String> CODES = List.of("abc", enc("€"), enc("８０１３"), "12", "%208013", "8013%20",
            "-1", "1e3");
    private static final List<String> MONTHS = List.of("2025-13", "2025-3", "0001-01", "9999-12", "%2B1000000-01",
            "2025-03-01");
    private static final Pattern YEAR_MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /** Already percent-encoded path segments that no path parameter may be. */
    private static final List<String> ANY_PATH = List.of("%00", "a%00b", enc(TEN_KB), enc("€"), "abc", "%20", "%FF",
            "%zz", "%");
    /**
     * Not percent-encoding at all: the server refuses the request line before any resource sees it, with a 400
     * of its own, which is as far as a parameter check can reach.
     */
    private static final Set<String> MALFORMED = Set.of("%zz", "%");
    /**
     * Dot segments, which the server removes before routing (RFC 3986), so the request reaches another path
     * or none: a 404 of any kind is fine for them. (A single "." is not sent: {@code /api/zones/.} is
     * {@code /api/zones}, rightly answered.)
     */
    private static final Set<String> DOTS = Set.of("..", "%2E%2E");

    private OpenApiDocumentHostileRequests() {
    }

    /** String parameters without a date format, pattern or enumeration: "GET /api/zones query province". */
    /**
     * The whole check for the service under test: its OpenAPI document lists at least {@code operations}, exactly
     * {@code freeText} take free text (a new parameter must be a date, a number, a choice or a code in the
     * document, or be named here on purpose), and every hostile value of every GET parameter is answered below
     * 500, each 400 as problem+json naming the parameter.
     */
    public static void assertEveryGetRefusesHostileValues(String service, List<String> operations, List<String> freeText) {
        OpenApiDocument document = OpenApiDocument.parse(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        org.assertj.core.api.Assertions.assertThat(document.operations("GET")).extracting(OpenApiDocument.Operation::name)
                .containsAll(operations);
        org.assertj.core.api.SoftAssertions softly = new org.assertj.core.api.SoftAssertions();
        softly.assertThat(freeText(document)).containsExactlyInAnyOrderElementsOf(freeText);
        List<Outcome> outcomes = run(document);
        System.out.println(service + ": " + summary(outcomes));
        softly.assertThat(outcomes).hasSizeGreaterThan(100);
        softly.assertThat(outcomes).extracting(Outcome::status).allMatch(status -> status < 500);
        softly.assertThat(outcomes.stream().filter(o -> o.failure() != null).map(OpenApiDocumentHostileRequests::describe))
                .isEmpty();
        softly.assertAll();
    }

    public static List<String> freeText(OpenApiDocument document) {
        List<String> free = new ArrayList<>();
        for (OpenApiDocument.Operation operation : document.operations("GET")) {
            for (OpenApiDocument.Parameter p : operation.parameters()) {
                if (kind(p) == Kind.TEXT) {
                    free.add(operation.name() + " " + p.in() + " " + p.name());
                }
            }
        }
        return free;
    }

    /** Sends every case; the outcomes of all, failures with a non-null {@link Outcome#failure}. */
    public static List<Outcome> run(OpenApiDocument document) {
        List<Outcome> outcomes = new ArrayList<>();
        AccessMatrix access = AccessMatrix.load();
        for (OpenApiDocument.Operation operation : document.operations("GET")) {
            Map<String, String> path = new LinkedHashMap<>();
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (OpenApiDocument.Parameter p : operation.parameters()) {
                if (p.in().equals("path")) {
                    path.put(p.name(), enc(p.example()));
                } else if (p.in().equals("query") && p.required()) {
                    query.put(p.name(), List.of(enc(p.example())));
                }
            }
            Map<String, String> examples = new LinkedHashMap<>();
            operation.parameters().stream().filter(p -> p.in().equals("path")).forEach(p -> examples.put(p.name(), p.example()));
            // Sent by a caller the operation allows, so that what is tested is the parameter check, not access.
            String token = access.tokenFor(operation.name(), examples);
            outcomes.add(baseline(operation, token, path, query));
            for (OpenApiDocument.Parameter p : operation.parameters()) {
                if (p.in().equals("path")) {
                    for (String value : pathValues(p)) {
                        Map<String, String> hostile = new LinkedHashMap<>(path);
                        hostile.put(p.name(), value);
                        outcomes.add(expect(operation, token, hostile, query, p.name(), true));
                    }
                    String absent = wellFormedAbsent(p);
                    if (absent != null) {
                        Map<String, String> hostile = new LinkedHashMap<>(path);
                        hostile.put(p.name(), absent);
                        outcomes.add(expectNotFound(operation, token, hostile, query));
                    }
                } else if (p.in().equals("query")) {
                    for (String value : queryValues(p)) {
                        Map<String, List<String>> hostile = new LinkedHashMap<>(query);
                        hostile.put(p.name(), List.of(value));
                        outcomes.add(expect(operation, token, path, hostile, p.name(), false));
                    }
                    String example = p.example() == null ? "1" : enc(p.example());
                    Map<String, List<String>> twice = new LinkedHashMap<>(query);
                    twice.put(p.name(), List.of(example, example));
                    outcomes.add(expect(operation, token, path, twice, p.name(), false));
                    if (p.required()) {
                        Map<String, List<String>> without = new LinkedHashMap<>(query);
                        without.remove(p.name());
                        outcomes.add(expect(operation, token, path, without, p.name(), false));
                    }
                }
            }
            if (has(operation, "from") && has(operation, "to")) {
                Map<String, List<String>> backwards = new LinkedHashMap<>(query);
                backwards.put("from", List.of("2025-02-01"));
                backwards.put("to", List.of("2025-01-31"));
                outcomes.add(expect(operation, token, path, backwards, "from", false));
            }
        }
        return outcomes;
    }

    private enum Kind { DATE, INTEGER, CHOICE, MONTH, CODE, TEXT }

    private static Kind kind(OpenApiDocument.Parameter p) {
        if (p.type().equals("integer")) {
            return Kind.INTEGER;
        }
        if (p.format().equals("date")) {
            return Kind.DATE;
        }
        if (!p.enumeration().isEmpty()) {
            return Kind.CHOICE;
        }
        if (!p.pattern().isEmpty()) {
            return p.example() != null && YEAR_MONTH.matcher(p.example()).matches() ? Kind.MONTH : Kind.CODE;
        }
        return Kind.TEXT;
    }

    private static List<String> queryValues(OpenApiDocument.Parameter p) {
        List<String> values = new ArrayList<>(ANY_QUERY);
        switch (kind(p)) {
            case DATE -> values.addAll(DATES);
            case INTEGER -> {
                values.addAll(INTEGERS);
                if (p.minimum() != null) {
                    values.add(String.valueOf(p.minimum() - 1));
                }
                if (p.maximum() != null) {
                    values.add(String.valueOf(p.maximum() + 1));
                }
            }
            case CHOICE -> {
                values.addAll(CHOICES);
                String first = p.enumeration().get(0);
                values.add(enc(first.toUpperCase().equals(first) ? first.toLowerCase() : first.toUpperCase()));
                values.add(enc(first + " "));
            }
            case MONTH -> values.addAll(MONTHS);
            case CODE -> values.addAll(CODES);
            case TEXT -> { }
        }
        return values;
    }

    private static List<String> pathValues(OpenApiDocument.Parameter p) {
        List<String> values = new ArrayList<>(ANY_PATH);
        values.addAll(DOTS);
        if (kind(p) == Kind.CODE && p.example() != null) {
            values.add(p.example() + "0");
            values.add(p.example().substring(1));
        }
        return values;
    }

    /** The example with every digit a zero, when it is all digits: a code no one has. */
    private static String wellFormedAbsent(OpenApiDocument.Parameter p) {
        return p.example() != null && p.example().matches("[0-9]+") ? "0".repeat(p.example().length()) : null;
    }

    private static boolean has(OpenApiDocument.Operation operation, String query) {
        return operation.parameters().stream().anyMatch(p -> p.in().equals("query") && p.name().equals(query));
    }

    /** What came back: status, content type, body. */
    private record Answer(int status, String type, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                return MAPPER.missingNode();
            }
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Outcome baseline(OpenApiDocument.Operation operation, String token, Map<String, String> path,
                                    Map<String, List<String>> query) {
        String uri = uri(operation, path, query);
        Answer response = send(uri, token);
        int status = response.status();
        return new Outcome(uri, status, status >= 500 || status == 400
                ? "the examples alone answer " + status + ": " + abbreviate(response.body()) : null);
    }

    private static Outcome expectNotFound(OpenApiDocument.Operation operation, String token, Map<String, String> path,
                                          Map<String, List<String>> query) {
        String uri = uri(operation, path, query);
        Answer response = send(uri, token);
        int status = response.status();
        boolean ok = status == 404 && response.type().startsWith(PROBLEM_JSON);
        return new Outcome(uri, status, ok ? null : "expected 404 problem+json for a well-formed absent id, got "
                + status + " " + response.type() + ": " + abbreviate(response.body()));
    }

    private static Outcome expect(OpenApiDocument.Operation operation, String token, Map<String, String> path,
                                  Map<String, List<String>> query, String parameter, boolean inPath) {
        String uri = uri(operation, path, query);
        Answer response = send(uri, token);
        int status = response.status();
        String type = response.type();
        String failure = null;
        if (status == 400 && (path.values().stream().anyMatch(MALFORMED::contains)
                || query.values().stream().flatMap(List::stream).anyMatch(MALFORMED::contains))) {
            return new Outcome(uri, status, null);
        }
        if (status == 400 && type.startsWith(PROBLEM_JSON)) {
            JsonNode problem = response.json();
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            if (!fields.contains(parameter) || problem.path("status").asInt() != 400
                    || problem.path("title").asText("").isBlank() || problem.path("detail").asText("").isBlank()) {
                failure = "expected a problem naming '" + parameter + "', got " + abbreviate(response.body());
            }
        } else if (!(inPath && status == 404 && isDots(path))) {
            failure = "expected 400 problem+json naming '" + parameter + "', got " + status + " " + type + ": "
                    + abbreviate(response.body());
        }
        return new Outcome(uri, status, failure);
    }

    private static boolean isDots(Map<String, String> path) {
        return path.values().stream().anyMatch(DOTS::contains);
    }

    private static Answer send(String uri, String token) {
        String base = RestAssured.baseURI + ":" + RestAssured.port + RestAssured.basePath.replaceAll("/$", "");
        URI target;
        try {
            target = URI.create(base + uri);
        } catch (IllegalArgumentException notAUri) {
            return sendRaw(uri, token);
        }
        HttpRequest request = HttpRequest.newBuilder(target).header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For a request line java.net.URI refuses to build: written to a socket as it is. */
    private static Answer sendRaw(String uri, String token) {
        String host = URI.create(RestAssured.baseURI).getHost();
        try (Socket socket = new Socket(host, RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + RestAssured.basePath.replaceAll("/$", "") + uri + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int headersEnd = response.indexOf("\r\n\r\n");
            String type = "";
            for (String header : response.substring(0, Math.max(headersEnd, 0)).split("\r\n")) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = header.substring(header.indexOf(':') + 1).trim();
                }
            }
            return new Answer(status, type, headersEnd < 0 ? "" : response.substring(headersEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        }
    }

    private static String uri(OpenApiDocument.Operation operation, Map<String, String> path,
                              Map<String, List<String>> query) {
        String uri = operation.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            uri = uri.replace("{" + p.getKey() + "}", p.getValue());
        }
        List<String> pairs = new ArrayList<>();
        query.forEach((name, values) -> values.forEach(v -> pairs.add(name + "=" + v)));
        return pairs.isEmpty() ? uri : uri + "?" + String.join("&", pairs);
    }

    /** Percent-encoded for a query value or a path segment (a space as %20, which both take). */
    private static String enc(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** "412 requests: 380 x 400, 30 x 200, 2 x 404", for the test's log. */
    public static String summary(List<Outcome> outcomes) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        outcomes.forEach(o -> byStatus.merge(o.status(), 1L, Long::sum));
        StringBuilder line = new StringBuilder(outcomes.size() + " requests:");
        byStatus.forEach((status, count) -> line.append(' ').append(count).append(" x ").append(status));
        return line.toString();
    }

    /** Short enough to read in a failed assertion: the URI cut to 120 characters. */
    public static String describe(Outcome outcome) {
        String uri = outcome.request().length() > 120 ? outcome.request().substring(0, 120) + "..." : outcome.request();
        return uri + " -> " + outcome.status() + ": " + outcome.failure();
    }
}
