package dev.customs.rest.testing;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static io.restassured.config.JsonConfig.jsonConfig;

/**
 * Makes REST Assured read JSON numbers as BigDecimal for one test class, so money compares to the cent
 * (as doubles, CNY 43,850,000,000,000.01 is not exact).
 */
public class ExactNumbers implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExactNumbers.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(RestAssuredConfig.class, RestAssured.config);
        RestAssured.config = RestAssured.config()
                .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.config = context.getStore(NAMESPACE).get(RestAssuredConfig.class, RestAssuredConfig.class);
    }
}
