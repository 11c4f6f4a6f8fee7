package dev.customs.console;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** What the console serves itself: the bundled page, its settings and the names, under a strict CSP. */
@QuarkusTest
class ConsoleResourcesTest {

    @Test
    void thePageLoadsItsBundledScriptAndStyleAndNothingElse() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:8081 http://localhost:8082 "
                        + "http://localhost:8083 http://localhost:8180/realms/customs/;"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(matchesPattern("(?s).*<script type=\"module\" src=\"/static/bundle/app-[A-Z0-9]+\\.js\"></script>.*"))
                .body(matchesPattern("(?s).*<link rel=\"stylesheet\" href=\"/static/bundle/app-[A-Z0-9]+\\.css\" />.*"));
    }

    @Test
    void theSettingsNameTheRealmTheConsoleClientAndTheServices() {
        given().get("/settings.json").then().statusCode(200)
                .body("issuer", equalTo("http://localhost:8180/realms/customs"))
                .body("clientId", equalTo("customs-console"))
                .body("services.declarations", equalTo("http://localhost:8081"))
                .body("services.zones", equalTo("http://localhost:8082"))
                .body("services.statistics", equalTo("http://localhost:8083"));
    }

    @Test
    void theNamesCarryEnglishFromTheReferenceListsAndChineseWhereKnown() {
        given().get("/names.json").then().statusCode(200)
                .body("country.US.en", equalTo("United States"))
                .body("country.US.zh", equalTo("美国"))
                .body("zone.'0130'.en", equalTo("Beijing Tianzhu Comprehensive Bonded Zone"))
                .body("zone.'0130'.zh", equalTo("北京天竺综合保税区"))
                .body("zone.'2937'.zh", nullValue())
                .body("zonetype.COMPREHENSIVE_BONDED_ZONE.en", equalTo("Comprehensive bonded zone"))
                .body("mode.'0110'.zh", equalTo("一般贸易"))
                .body("section.XVI.en", equalTo("Machinery and mechanical appliances; electrical equipment; sound and television recorders and reproducers, and parts"))
                .body("section.XVI.zh", equalTo("机器、机械器具、电气设备及其零件；录音机及放声机、电视图像、声音的录制和重放设备及其零件、附件"))
                .body("section.size()", equalTo(21))
                .body("zone.size()", equalTo(174));
    }
}
