package dev.customs.rest.testing;

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

    @Test
    void resolvesEachGetsParametersWithTheirSchemas() {
        OpenApiDocument document = OpenApiDocument.parse("""
                {"openapi": "3.1.0",
                 "components": {"schemas": {"Metric": {"type": "string", "enum": ["totalCny", "declarations"]}}},
                 "paths": {
                   "/api/zones/{code}/series": {
                     "parameters": [{"name": "code", "in": "path", "required": true, "example": "8013",
                                     "schema": {"type": "string", "pattern": "^[0-9]{4}$"}}],
                     "get": {"summary": "Series", "parameters": [
                       {"name": "from", "in": "query", "example": "2025-01-01", "schema": {"type": "string", "format": "date"}},
                       {"name": "metric", "in": "query", "schema": {"$ref": "#/components/schemas/Metric"}},
                       {"name": "limit", "in": "query", "example": "10",
                        "schema": {"type": ["integer", "null"], "minimum": 1, "maximum": 200}}]},
                     "delete": {"summary": "Not a GET"}
                   }
                 }}""");

        assertThat(document.operations("GET")).singleElement().satisfies(get -> {
            assertThat(get.name()).isEqualTo("GET /api/zones/{code}/series");
            assertThat(get.parameters()).extracting(OpenApiDocument.Parameter::name)
                    .containsExactly("code", "from", "metric", "limit");
            OpenApiDocument.Parameter code = get.parameters().get(0);
            assertThat(code.in()).isEqualTo("path");
            assertThat(code.required()).isTrue();
            assertThat(code.pattern()).isEqualTo("^[0-9]{4}$");
            assertThat(get.parameters().get(1).format()).isEqualTo("date");
            assertThat(get.parameters().get(2).enumeration()).containsExactly("totalCny", "declarations");
            OpenApiDocument.Parameter limit = get.parameters().get(3);
            assertThat(limit.type()).isEqualTo("integer");
            assertThat(limit.minimum()).isEqualTo(1L);
            assertThat(limit.maximum()).isEqualTo(200L);
        });
    }
}
