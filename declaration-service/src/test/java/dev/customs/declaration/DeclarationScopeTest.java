package dev.customs.declaration;

import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A declarant acts only for the enterprises in its token's uscc claim: it files, amends, cancels, reads and
 * lists theirs and no one else's, and every revision records who filed it.
 */
@QuarkusTest
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "declarations"))
class DeclarationScopeTest {

    private static final String OTHER_ENTERPRISE = "91110000MA00000001";
    /** A declarant of the test kits' enterprise. */
    private static final String OWNER = TestTokens.token().roles(Roles.DECLARANT).subject("owner-1")
            .claim("uscc", List.of(TestTokens.DECLARANT_USCC)).sign();
    /** A customs broker declaring for both enterprises. */
    private static final String AGENT = TestTokens.token().roles(Roles.DECLARANT).subject("agent-2")
            .claim("uscc", List.of(OTHER_ENTERPRISE, TestTokens.DECLARANT_USCC)).sign();
    /** A declarant of another enterprise only. */
    private static final String STRANGER = TestTokens.token().roles(Roles.DECLARANT).subject("stranger-3")
            .claim("uscc", List.of(OTHER_ENTERPRISE)).sign();

    @Test
    void aDeclarantFilesForItsEnterpriseAndTheFilingRecordsWho() {
        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations")
                .then().statusCode(201)
                .body("declarantCode", equalTo(TestTokens.DECLARANT_USCC))
                .body("filedBy.subject", equalTo("owner-1"))
                .body("filedBy.client", equalTo(TestTokens.CLIENT))
                .body("synthetic", equalTo(false));
    }

    @Test
    void noOneFilesForAnEnterpriseOutsideTheirClaim() {
        String id = "801320251000000901";
        given().auth().oauth2(STRANGER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(id))
                .post("/api/declarations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("errors.field", contains("declarantCode"));
        given().auth().oauth2(OWNER).get("/api/declarations/" + id).then().statusCode(404);
    }

    @Test
    void anotherEnterprisesDeclarationCannotBeReadAmendedOrCancelled() {
        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> amended = DeclarationApiTest.declaration(id);
        amended.put("declarantCode", OTHER_ENTERPRISE);

        given().auth().oauth2(STRANGER).get("/api/declarations/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", contains("id"));
        given().auth().oauth2(STRANGER).contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", contains("id"));
        given().auth().oauth2(STRANGER).delete("/api/declarations/" + id)
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", contains("id"));

        given().auth().oauth2(OWNER).get("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(1)).body("status", equalTo("DECLARED"));
    }

    @Test
    void anOwnerCannotHandTheDeclarationToAnEnterpriseItDoesNotActFor() {
        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> amended = DeclarationApiTest.declaration(id);
        amended.put("declarantCode", OTHER_ENTERPRISE);

        given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(403).body("errors.field", contains("declarantCode"));
        given().auth().oauth2(OWNER).get("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(1)).body("declarantCode", equalTo(TestTokens.DECLARANT_USCC));
    }

    @Test
    void everyRevisionRecordsWhoFiledIt() {
        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> amended = DeclarationApiTest.declaration(id);
        amended.put("partnerCountry", "FR");

        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(2)).body("filedBy.subject", equalTo("agent-2"));
        given().auth().oauth2(OWNER).delete("/api/declarations/" + id)
                .then().statusCode(200).body("revision", equalTo(3)).body("status", equalTo("CANCELLED"))
                .body("filedBy.subject", equalTo("owner-1"));
    }

    @Test
    void theRevisionsListEveryFilingOldestFirstWithTheCurrentBody() {
        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> amended = DeclarationApiTest.declaration(id);
        amended.put("partnerCountry", "FR");
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(amended).put("/api/declarations/" + id)
                .then().statusCode(200);
        given().auth().oauth2(OWNER).get("/api/declarations/" + id + "/revisions")
                .then().statusCode(200).contentType("application/json")
                .body("revision", contains(1, 2))
                .body("action", contains("filed", "amended"))
                .body("status", contains("DECLARED", "AMENDED"))
                .body("filedBy.subject", contains("owner-1", "agent-2"))
                .body("filedBy.client", contains(TestTokens.CLIENT, TestTokens.CLIENT))
                .body("[0].declaration", nullValue())
                .body("[1].declaration.declarationId", equalTo(id))
                .body("[1].declaration.revision", equalTo(2))
                .body("[1].declaration.partnerCountry", equalTo("FR"));
        given().auth().oauth2(OWNER).delete("/api/declarations/" + id).then().statusCode(200);

        var revisions = given().auth().oauth2(AGENT).get("/api/declarations/" + id + "/revisions")
                .then().statusCode(200)
                .body("revision", contains(1, 2, 3))
                .body("action", contains("filed", "amended", "cancelled"))
                .body("filedBy.subject", contains("owner-1", "agent-2", "owner-1"))
                .body("[1].declaration", nullValue())
                .body("[2].declaration.status", equalTo("CANCELLED"))
                .body("[2].declaration.partnerCountry", equalTo("FR"))
                .extract().jsonPath();
        java.time.Instant filed = java.time.Instant.parse(revisions.getString("[0].filedAt"));
        java.time.Instant cancelled = java.time.Instant.parse(revisions.getString("[2].filedAt"));
        org.assertj.core.api.Assertions.assertThat(cancelled).isAfterOrEqualTo(filed);
        org.assertj.core.api.Assertions.assertThat(revisions.getString("[2].filedAt"))
                .isEqualTo(given().auth().oauth2(OWNER).get("/api/declarations/" + id).then().statusCode(200)
                        .extract().path("filedBy.at"));
    }

    @Test
    void anotherEnterprisesRevisionsAreRefusedAndAnUnknownDeclarationHasNone() {
        String id = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(DeclarationApiTest.declaration(null))
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        given().auth().oauth2(STRANGER).get("/api/declarations/" + id + "/revisions")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", contains("id"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/declarations/" + id + "/revisions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator()).get("/api/declarations/" + id + "/revisions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OWNER).get("/api/declarations/801320259900000001/revisions")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OWNER).get("/api/declarations/12345/revisions")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("id"));
    }

    @Test
    void aBatchRefusesOnlyTheItemsOfOtherEnterprises() {
        Map<String, Object> own = DeclarationApiTest.declaration(null);
        own.put("declarantCode", OTHER_ENTERPRISE);
        given().auth().oauth2(STRANGER).contentType(ContentType.JSON)
                .body(List.of(own, DeclarationApiTest.declaration(null)))
                .post("/api/declarations/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("outcomes.status", contains(201, 403))
                .body("outcomes[1].errors.field", contains("declarantCode"));
    }

    @Test
    void aDeclarantListsOnlyItsEnterprisesDeclarations() {
        Map<String, Object> others = DeclarationApiTest.declaration(null);
        others.put("declarantCode", OTHER_ENTERPRISE);
        others.put("declarationDate", "2025-09-03");
        String theirs = given().auth().oauth2(STRANGER).contentType(ContentType.JSON).body(others)
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> mine = DeclarationApiTest.declaration(null);
        mine.put("declarationDate", "2025-09-03");
        String ours = given().auth().oauth2(OWNER).contentType(ContentType.JSON).body(mine)
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");

        given().auth().oauth2(OWNER).queryParam("from", "2025-09-03").queryParam("to", "2025-09-03").get("/api/declarations")
                .then().statusCode(200)
                .body("items.declarationId", hasItem(ours)).body("items.declarationId", not(hasItem(theirs)))
                .body("items.declarantCode", everyItem(equalTo(TestTokens.DECLARANT_USCC)));
        given().auth().oauth2(STRANGER).queryParam("from", "2025-09-03").queryParam("to", "2025-09-03").get("/api/declarations")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items.declarationId", contains(theirs));
        given().auth().oauth2(AGENT).queryParam("from", "2025-09-03").queryParam("to", "2025-09-03").get("/api/declarations")
                .then().statusCode(200).body("items.declarationId", hasItem(ours)).body("items.declarationId", hasItem(theirs));
    }

    @Test
    void withoutATokenEvenAnUnreadableBodyIsA401BeforeAnyoneReadsIt() {
        given().auth().none().contentType(ContentType.JSON).body("{not json").post("/api/declarations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"customs\""))
                .body("status", equalTo(401));
        given().auth().oauth2(TestTokens.analyst()).contentType(ContentType.JSON).body("{not json").post("/api/declarations")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void anAmendmentCannotMoveADeclarationToAnotherEnterprise() {
        Map<String, Object> filed = DeclarationApiTest.declaration(null);
        filed.put("declarationDate", "2025-09-17");
        String id = given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(filed)
                .post("/api/declarations").then().statusCode(201).extract().path("declarationId");
        Map<String, Object> moved = DeclarationApiTest.declaration(id);
        moved.put("declarationDate", "2025-09-17");
        moved.put("declarantCode", OTHER_ENTERPRISE);
        // The filing rules: another declarant takes a cancellation and a new declaration, even for an agent of both.
        given().auth().oauth2(AGENT).contentType(ContentType.JSON).body(moved).put("/api/declarations/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("declarantCode"));

        given().auth().oauth2(STRANGER).queryParam("from", "2025-09-17").queryParam("to", "2025-09-17")
                .get("/api/declarations").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(OWNER).queryParam("from", "2025-09-17").queryParam("to", "2025-09-17")
                .get("/api/declarations").then().statusCode(200).body("items.declarationId", contains(id));
    }
}
