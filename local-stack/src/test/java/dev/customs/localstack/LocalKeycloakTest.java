package dev.customs.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm file imported into a real Keycloak: what each demo user's access token says. */
class LocalKeycloakTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path logs;
    private static LocalKeycloak keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = LocalKeycloak.start(Path.of("..").toAbsolutePath().normalize(), 0, null, logs);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void declarantMayDeclareForItsTwoEnterprises() throws IOException {
        JsonNode claims = claimsOf(Tokens.DECLARANT);
        assertCommonClaims(claims, "declarant");
        assertThat(claims.get("uscc").isArray()).isTrue();
        assertThat(texts(claims.get("uscc"))).containsExactly("91500000MA5U12346T", "91310000MA1FL0AB34");
        assertThat(claims.has("zones")).isFalse();
    }

    @Test
    void analystHasNoScopeClaims() throws IOException {
        JsonNode claims = claimsOf(Tokens.ANALYST);
        assertCommonClaims(claims, "analyst");
        assertThat(claims.has("zones")).isFalse();
        assertThat(claims.has("uscc")).isFalse();
    }

    @Test
    void areaAdministratorAdministersOneAreaAsAList() throws IOException {
        JsonNode claims = claimsOf(Tokens.AREA_ADMIN);
        assertCommonClaims(claims, "area-admin");
        assertThat(claims.get("zones").isArray()).isTrue();
        assertThat(texts(claims.get("zones"))).containsExactly("8013");
        assertThat(claims.has("uscc")).isFalse();
    }

    @Test
    void operatorHasOnlyItsRole() throws IOException {
        JsonNode claims = claimsOf(Tokens.OPERATOR);
        assertCommonClaims(claims, "operator");
        assertThat(claims.has("zones")).isFalse();
        assertThat(claims.has("uscc")).isFalse();
    }

    @Test
    void wrongPasswordIsRefused() throws IOException {
        HttpResponse<String> response = keycloak.tokens().passwordGrant(Tokens.ANALYST, "not-the-password");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void tokenIsKeptWhileValid() {
        assertThat(keycloak.tokens().token(Tokens.ANALYST)).isEqualTo(keycloak.tokens().token(Tokens.ANALYST));
    }

    private static void assertCommonClaims(JsonNode claims, String role) {
        assertThat(claims.path("iss").asText()).isEqualTo("http://localhost:" + keycloak.port() + "/realms/customs");
        JsonNode audience = claims.get("aud");
        assertThat(audience.isArray() ? texts(audience) : List.of(audience.asText())).contains("customs-api");
        assertThat(claims.path("azp").asText()).isEqualTo("customs-cli");
        assertThat(texts(claims.path("realm_access").path("roles"))).containsExactly(role);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
    }

    private static JsonNode claimsOf(String user) throws IOException {
        String payload = keycloak.tokens().token(user).split("\\.")[1];
        return JSON.readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
