package dev.customs.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the local realm's demo users (password equal to the user name), from the password grant
 * of the public client {@value #CLIENT_ID}. Each is kept until shortly before it expires, so callers that
 * run for longer than a token lives (the progress loop, long platform tests, the benchmark) ask for one
 * before every request and always send a valid one.
 */
public final class Tokens {

    public static final String CLIENT_ID = "customs-cli";
    public static final String DECLARANT = "declarant";
    public static final String ANALYST = "analyst";
    public static final String AREA_ADMIN = "admin-8013";
    public static final String OPERATOR = "operator";

    /**
     * A token is renewed once less than this is left of its life, so that a request sent with it (or a
     * benchmark phase run with it) still finds it valid.
     */
    public static final Duration MIN_VALIDITY = Duration.ofMinutes(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private record Token(String value, long renewAtNanos) {
    }

    private final URI tokenEndpoint;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    /** @param issuer the realm's URL, {@code http://host:port/realms/customs} */
    public Tokens(String issuer) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
    }

    /** A valid access token of a demo user. */
    public String token(String user) {
        return cache.compute(user, (name, cached) ->
                cached != null && System.nanoTime() - cached.renewAtNanos() < 0 ? cached : fetch(name)).value();
    }

    /** The Authorization header's value for a demo user. */
    public String bearer(String user) {
        return "Bearer " + token(user);
    }

    /** The token endpoint's answer to a password grant, as it came (a wrong password's 401 too). */
    public HttpResponse<String> passwordGrant(String user, String password) {
        String form = "grant_type=password&client_id=" + CLIENT_ID + "&username=" + encode(user) + "&password=" + encode(password);
        // Generous: hashing a password takes Keycloak seconds on a busy machine, and a request given up on
        // and sent again would overlap the first, which brute-force protection refuses as an attack.
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no token from " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Token fetch(String user) {
        long requested = System.nanoTime();
        HttpResponse<String> response = passwordGrant(user, user);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + " from " + tokenEndpoint + ": "
                    + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            Duration life = Duration.ofSeconds(answer.path("expires_in").asLong());
            return new Token(answer.path("access_token").asText(), requested + life.minus(MIN_VALIDITY).toNanos());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable token answer from " + tokenEndpoint, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
