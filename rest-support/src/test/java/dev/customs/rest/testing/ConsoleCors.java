package dev.customs.rest.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The browser console's origin (rest-support's {@code customs.console.origin}, by default
 * {@value #CONSOLE_ORIGIN}) may call a service's /api from the browser; no other origin may.
 */
public final class ConsoleCors {

    public static final String CONSOLE_ORIGIN = "http://localhost:8084";

    private ConsoleCors() {
    }

    /** A preflight for {@code path} from the console is allowed with a bearer token; one from elsewhere is not. */
    public static void assertOnlyTheConsoleMayCall(String path) {
        given().auth().none()
                .header("Origin", CONSOLE_ORIGIN)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,accept")
                .options(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE_ORIGIN))
                .header("Access-Control-Allow-Methods", equalTo("GET,POST,PUT,DELETE"))
                .header("Access-Control-Allow-Headers", equalTo("Authorization,Content-Type,Accept,Idempotency-Key"))
                .header("Access-Control-Allow-Credentials", equalTo("false"));

        given().auth().none()
                .header("Origin", "http://localhost:8085")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options(path)
                .then().header("Access-Control-Allow-Origin", nullValue());

        given().auth().none()
                .header("Origin", "https://evil.example")
                .get(path)
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    /** An actual call from the console sees the CSV file name and the paging headers. */
    public static void assertTheConsoleSeesTheHeaders(String path, String token) {
        given().auth().oauth2(token).header("Origin", CONSOLE_ORIGIN).get(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE_ORIGIN))
                .header("Access-Control-Expose-Headers", equalTo("Content-Disposition,X-Total-Count,Link,Location"));
    }
}
