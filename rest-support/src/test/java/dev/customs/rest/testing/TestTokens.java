package dev.customs.rest.testing;

import dev.customs.rest.Caller;
import dev.customs.rest.Roles;
import io.restassured.RestAssured;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed bearer tokens for the services' tests, shaped like Keycloak's (realm roles in
 * {@code realm_access.roles}, {@code uscc} and {@code zones} as arrays) and signed with the key whose public half
 * the test configuration trusts. Variants that must be refused: expired, signed by another key, for another
 * audience or from another issuer.
 */
public final class TestTokens {

    public static final String ISSUER = "https://identity.test/realms/customs";
    public static final String AUDIENCE = "customs-api";
    public static final String CLIENT = "customs-cli";
    /** The enterprise the contract's demo declarant files for, and the test kits' declarations use. */
    public static final String DECLARANT_USCC = "91500000MA5U12346T";

    private static final PrivateKey SIGNING_KEY = readPrivateKey("token-signing-key.pem");
    private static final PrivateKey FOREIGN_KEY = generatedKey();

    private TestTokens() {
    }

    public static String analyst() {
        return token().roles(Roles.ANALYST).sign();
    }

    public static String operator() {
        return token().roles(Roles.OPERATOR).sign();
    }

    /** A declarant of the test kits' enterprise. */
    public static String declarant() {
        return declarantFor(DECLARANT_USCC);
    }

    public static String declarantFor(String... enterprises) {
        return token().roles(Roles.DECLARANT).claim(Caller.USCC_CLAIM, List.of(enterprises)).sign();
    }

    public static String areaAdminOf(String... zones) {
        return token().roles(Roles.AREA_ADMIN).claim(Caller.ZONES_CLAIM, List.of(zones)).sign();
    }

    /**
     * A token of one platform role: a declarant of {@link #DECLARANT_USCC}, an area administrator of
     * {@code zones}, or the role alone.
     */
    public static String of(String role, String... zones) {
        return switch (role) {
            case Roles.DECLARANT -> declarant();
            case Roles.AREA_ADMIN -> areaAdminOf(zones);
            default -> token().roles(role).sign();
        };
    }

    /** Every following request in this JVM sends this token unless it sets its own ({@code auth().oauth2}/{@code none}). */
    public static void actAs(String token) {
        RestAssured.authentication = RestAssured.oauth2(token);
    }

    public static Builder token() {
        return new Builder();
    }

    public static final class Builder {
        private String subject = UUID.randomUUID().toString();
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Duration expiresIn = Duration.ofMinutes(5);
        private PrivateKey key = SIGNING_KEY;
        private final List<String> roles = new ArrayList<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder roles(String... values) {
            roles.addAll(List.of(values));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder audience(String value) {
            audience = value;
            return this;
        }

        /** Negative for a token that expired that long ago (beyond the verifier's clock skew, a minute). */
        public Builder expiresIn(Duration value) {
            expiresIn = value;
            return this;
        }

        /** Signed by a key the platform does not trust. */
        public Builder foreignSigned() {
            key = FOREIGN_KEY;
            return this;
        }

        public String sign() {
            JwtClaims jwt = new JwtClaims();
            jwt.setIssuer(issuer);
            jwt.setAudience(audience);
            jwt.setSubject(subject);
            jwt.setClaim(Caller.CLIENT_CLAIM, CLIENT);
            jwt.setGeneratedJwtId();
            long now = System.currentTimeMillis() / 1000;
            jwt.setClaim("iat", Math.min(now, now + expiresIn.toSeconds() - 60));
            jwt.setClaim("exp", now + expiresIn.toSeconds());
            jwt.setClaim("realm_access", Map.of("roles", roles));
            claims.forEach(jwt::setClaim);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(jwt.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
        }
    }

    private static PrivateKey readPrivateKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing beside " + TestTokens.class.getName());
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static PrivateKey generatedKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
