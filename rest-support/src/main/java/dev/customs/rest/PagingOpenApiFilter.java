package dev.customs.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents {@link Paging}'s headers on the success answer of every operation that takes an
 * {@value PageRequest#OFFSET} query parameter, so a paged endpoint cannot forget them. A service enables it
 * with {@code mp.openapi.filter=dev.customs.rest.PagingOpenApiFilter}.
 */
public class PagingOpenApiFilter implements OASFilter {

    private static final String OK = "200";

    @Override
    public Operation filterOperation(Operation operation) {
        boolean paged = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> PageRequest.OFFSET.equals(p.getName()) && p.getIn() == Parameter.In.QUERY);
        APIResponse ok = operation.getResponses() == null ? null : operation.getResponses().getAPIResponse(OK);
        if (paged && ok != null) {
            ok.description(Paging.HEADERS_DESCRIPTION)
                    .addHeader(Paging.TOTAL_COUNT, header(Paging.TOTAL_COUNT_DESCRIPTION, Schema.SchemaType.INTEGER))
                    .addHeader(Paging.LINK, header(Paging.LINK_DESCRIPTION, Schema.SchemaType.STRING));
        }
        return operation;
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
