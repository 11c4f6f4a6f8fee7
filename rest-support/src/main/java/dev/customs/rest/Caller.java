package dev.customs.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, read from the verified bearer token: the subject, the client it used, its roles, and the
 * scopes the platform's claims give it ({@code uscc}: the enterprises it may declare for; {@code zones}: the
 * areas it administers). Resources ask it; the domain receives plain values.
 */
@RequestScoped
public class Caller {

    public static final String USCC_CLAIM = "uscc";
    public static final String ZONES_CLAIM = "zones";
    /** The client the token was issued to (OpenID Connect's authorized party). */
    public static final String CLIENT_CLAIM = "azp";

    private final JsonWebToken token;

    @Inject
    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The token's subject; its principal name (upn or preferred_username) should a provider leave sub out. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public String client() {
        Object client = token.getClaim(CLIENT_CLAIM);
        return client == null ? null : text(client);
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The unified social credit codes of the enterprises this caller may declare for; empty when none. */
    public Set<String> enterprises() {
        return listClaim(USCC_CLAIM);
    }

    /** The area codes this caller administers; empty when none. */
    public Set<String> zones() {
        return listClaim(ZONES_CLAIM);
    }

    /**
     * A list claim as strings: MicroProfile JWT hands a JSON array claim over as a JsonArray; a single-valued
     * attribute may come as a plain string.
     */
    private Set<String> listClaim(String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonArray array) {
            return array.stream().map(Caller::text).collect(Collectors.toUnmodifiableSet());
        }
        return value == null ? Set.of() : Set.of(text(value));
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value instanceof JsonValue json ? json.toString() : value.toString();
    }
}
