package dev.customs.rest.testing;

import dev.customs.rest.Roles;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call what, as a service's test resource {@code access-matrix.csv} states it (one line per operation:
 * {@code GET /api/zones/{code}/totals,analyst area-admin(zones)}), held against the service's own OpenAPI
 * document: an operation without a line fails, so a new endpoint cannot escape. A role written with a claim in
 * brackets is allowed only within that claim: {@code area-admin(zones)} for the area in the path's {@code code},
 * {@code declarant(uscc)} for the test kits' enterprise ({@link TestTokens#DECLARANT_USCC}).
 *
 * <p>Every operation is called with no token, expired, foreign-signed, wrong-audience and wrong-issuer tokens
 * (401 problem+json with a Bearer challenge), a token without a platform role and every role not allowed (403
 * problem+json), every allowed role with a token out of its scope (403 problem+json) and in its scope (2xx).
 */
public final class AccessMatrix {

    /** One line: an operation, the roles allowed, and for each the claim that scopes it (or null). */
    public record Rule(String operation, Map<String, String> roles) {
    }

    /**
     * What a request needs to succeed: path values, query, body. Called once for every request, so that a
     * request that changes something (a cancellation, say) can be given fresh data each time.
     */
    @FunctionalInterface
    public interface Fixture extends BiFunction<String, RequestSpecification, RequestSpecification> {
    }

    private static final List<String> ROLES = List.of(Roles.DECLARANT, Roles.ANALYST, Roles.AREA_ADMIN, Roles.OPERATOR);
    private static final Pattern LINE = Pattern.compile("([A-Z]+ \\S+),(.+)");
    private static final Pattern ROLE = Pattern.compile("([a-z-]+)(?:\\((uscc|zones)\\))?");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String OTHER_ENTERPRISE = "91110000MA00000000";
    private static final String OTHER_AREA = "0000";

    private final Map<String, Rule> rules;

    private AccessMatrix(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** The service's {@code access-matrix.csv} from the test classpath. */
    public static AccessMatrix load() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream("access-matrix.csv")) {
            if (in == null) {
                throw new IllegalStateException("access-matrix.csv is missing from the test resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(line.strip());
                if (!m.matches()) {
                    throw new IllegalArgumentException("access-matrix.csv: cannot read '" + line + "'");
                }
                Map<String, String> roles = new LinkedHashMap<>();
                for (String role : m.group(2).strip().split(" +")) {
                    Matcher r = ROLE.matcher(role);
                    if (!r.matches() || !ROLES.contains(r.group(1))) {
                        throw new IllegalArgumentException("access-matrix.csv: unknown role '" + role + "' in '" + line + "'");
                    }
                    roles.put(r.group(1), r.group(2));
                }
                rules.put(m.group(1), new Rule(m.group(1), roles));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AccessMatrix(rules);
    }

    /** A token that may call the operation on the example (or fixture) values: its first allowed role, in scope. */
    public String tokenFor(String operation, Map<String, String> pathValues) {
        Rule rule = rules.get(operation);
        if (rule == null) {
            throw new IllegalArgumentException("access-matrix.csv has no line for " + operation);
        }
        Map.Entry<String, String> first = rule.roles().entrySet().iterator().next();
        return token(first.getKey(), first.getValue(), pathValues, true);
    }

    /** The whole matrix against the running service; {@code fixture} makes the allowed calls succeed. */
    public void assertEnforced(Fixture fixture) {
        OpenApiDocument document = OpenApiDocument.parse(RestAssured.given().auth().none().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        List<OpenApiDocument.Operation> operations = new ArrayList<>();
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            operations.addAll(document.operations(method));
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(operations.stream().map(OpenApiDocument.Operation::name).toList())
                .as("operations in access-matrix.csv and in the OpenAPI document")
                .containsExactlyInAnyOrderElementsOf(rules.keySet());
        for (OpenApiDocument.Operation operation : operations) {
            Rule rule = rules.get(operation.name());
            if (rule == null) {
                continue;
            }
            Map<String, String> examples = new LinkedHashMap<>();
            Map<String, String> required = new LinkedHashMap<>();
            for (OpenApiDocument.Parameter p : operation.parameters()) {
                if (p.in().equals("path")) {
                    examples.put(p.name(), p.example());
                } else if (p.in().equals("query") && p.required()) {
                    required.put(p.name(), p.example());
                }
            }
            Caller call = (who, token, expected) -> expect(softly, operation, examples, required, fixture, who, token, expected);
            refusedTokens().forEach((who, token) -> call.expect(who, token, 401));
            call.expect("a token without a platform role", TestTokens.token().roles("offline_access").sign(), 403);
            for (String role : ROLES) {
                if (!rule.roles().containsKey(role)) {
                    call.expect(role, token(role, null, examples, true), 403);
                    continue;
                }
                String claim = rule.roles().get(role);
                if (claim != null) {
                    call.expect(role + " outside its " + claim, token(role, claim, examples, false), 403);
                }
                call.expect(role, token(role, claim, examples, true), 200);
            }
        }
        softly.assertAll();
    }

    private static Map<String, String> refusedTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("an expired token", TestTokens.token().roles(ROLES.toArray(String[]::new))
                .expiresIn(Duration.ofMinutes(-5)).sign());
        tokens.put("a token signed by another key", TestTokens.token().roles(ROLES.toArray(String[]::new))
                .foreignSigned().sign());
        tokens.put("a token for another audience", TestTokens.token().roles(ROLES.toArray(String[]::new))
                .audience("account").sign());
        tokens.put("a token from another issuer", TestTokens.token().roles(ROLES.toArray(String[]::new))
                .issuer("https://elsewhere.test/realms/customs").sign());
        tokens.put("a malformed token", "not.a.jwt");
        return tokens;
    }

    private static String token(String role, String claim, Map<String, String> pathValues, boolean inScope) {
        if (!inScope && Roles.DECLARANT.equals(role)) {
            return TestTokens.declarantFor(OTHER_ENTERPRISE);
        }
        boolean ownArea = inScope && "zones".equals(claim) && pathValues.containsKey("code");
        return TestTokens.of(role, ownArea ? pathValues.get("code") : OTHER_AREA);
    }

    /** 401 and 403 exactly, as problem+json; 200 stands for any 2xx. */
    private interface Caller {
        void expect(String who, String token, int expected);
    }

    private static void expect(SoftAssertions softly, OpenApiDocument.Operation operation, Map<String, String> examples,
                               Map<String, String> query, Fixture fixture, String who, String token, int expected) {
        RequestSpecification request = RestAssured.given().pathParams(examples).queryParams(query);
        request = token == null ? request.auth().none() : request.auth().oauth2(token);
        request = fixture.apply(operation.name(), request);
        Response response = request.request(operation.method(), operation.path());
        int status = response.statusCode();
        String what = operation.name() + " with " + who;
        if (expected == 200) {
            softly.assertThat(status).as(what + ": " + response.asString()).isBetween(200, 299);
            return;
        }
        softly.assertThat(status).as(what + ": " + response.asString()).isEqualTo(expected);
        if (status != expected) {
            return;
        }
        softly.assertThat(response.contentType()).as(what + " content type").startsWith(PROBLEM_JSON);
        softly.assertThat(response.jsonPath().getInt("status")).as(what + " problem status").isEqualTo(expected);
        if (expected == 401) {
            softly.assertThat(response.header("WWW-Authenticate")).as(what + " challenge").startsWith("Bearer");
        }
    }
}
