package dev.customs.rest.testing;

import dev.customs.rest.Roles;
import io.restassured.RestAssured;
import io.restassured.authentication.AuthenticationScheme;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every request of the annotated test class sends a signed token of this role (a declarant of
 * {@link TestTokens#DECLARANT_USCC}, an area administrator of {@link #zones()}), unless a request sets its own
 * with {@code auth().oauth2(...)} or {@code auth().none()}. Tests of what a role may do name the role here; the
 * access matrix tests every other combination.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ActAs.Extension.class)
public @interface ActAs {

    String value();

    /** The areas an {@link Roles#AREA_ADMIN} administers. */
    String[] zones() default {};

    class Extension implements BeforeAllCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ActAs.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            ActAs actAs = context.getRequiredTestClass().getAnnotation(ActAs.class);
            context.getStore(NAMESPACE).put(ActAs.class, RestAssured.authentication);
            RestAssured.authentication = RestAssured.oauth2(TestTokens.of(actAs.value(), actAs.zones()));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            RestAssured.authentication = context.getStore(NAMESPACE).get(ActAs.class, AuthenticationScheme.class);
        }
    }
}
