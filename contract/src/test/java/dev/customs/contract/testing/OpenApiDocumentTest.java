package dev.customs.contract.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest {

    @Test
    void namesEveryMissingSummaryDescriptionAndExample() {
        OpenApiDocument document = OpenApiDocument.parse("""
                {"openapi": "3.1.0",
                 "components": {"parameters": {"limit": {"name": "limit", "in": "query"}}},
                 "paths": {
                   "/api/zones/{code}": {
                     "parameters": [{"name": "code", "in": "path", "description": "The area", "example": "8013"}],
                     "get": {"summary": "One area"},
                     "delete": {"summary": " ", "parameters": [{"name": "why", "in": "query", "example": "x"}]}
                   },
                   "/api/zones": {
                     "summary": "not an operation",
                     "get": {"summary": "Areas", "parameters": [
                       {"name": "type", "in": "query", "description": "Area type", "examples": {"a": {"value": "X"}}},
                       {"$ref": "#/components/parameters/limit"}]}
                   }
                 }}""");

        assertThat(document.operations())
                .containsExactlyInAnyOrder("GET /api/zones/{code}", "DELETE /api/zones/{code}", "GET /api/zones");
        assertThat(document.gaps()).containsExactlyInAnyOrder(
                "DELETE /api/zones/{code}: no summary",
                "DELETE /api/zones/{code} query parameter 'why': no description",
                "GET /api/zones query parameter 'limit': no description",
                "GET /api/zones query parameter 'limit': no example");
    }
}
