package dev.customs.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What holds for every query and path parameter of every endpoint, checked once the request has matched a
 * resource method and before it runs, so no parameter can forget it (see {@link QueryParams} for each
 * parameter's own shape). Each offence is a 400 problem naming the parameter:
 * <ul>
 *   <li>a query parameter given more than once: JAX-RS would silently take the first value and answer a
 *       question the client may not have asked;</li>
 *   <li>a value longer than {@value QueryParams#MAX_LENGTH} characters: no parameter takes one, and it
 *       would otherwise be echoed, stored in a cache key or sent to the database;</li>
 *   <li>a control character (NUL above all, which PostgreSQL refuses in text with an error, a 500 here);</li>
 *   <li>bytes that were not UTF-8 ({@code %FF}), which the server's lenient decoding turns into U+FFFD.</li>
 * </ul>
 * Quarkus REST only offers the parameters decoded ({@code getQueryParameters(false)} throws), so these are
 * checks on decoded values. A {@code %} not followed by two hex digits never reaches a resource: it is
 * answered 400 (the services' hostile-parameter tests send it to every parameter).
 */
@Provider
public class ParameterGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(request.getUriInfo().getPathParameters(), false, errors);
        check(request.getUriInfo().getQueryParameters(), true, errors);
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : "The request has " + errors.size() + " invalid parameters";
            request.abortWith(ProblemMappers.respond(
                    new Problem("about:blank", "Invalid parameter", 400, detail, List.copyOf(errors))));
        }
    }

    private static void check(MultivaluedMap<String, String> parameters, boolean query, List<Problem.FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            // A name is echoed too: quoted and cut short if it is itself hostile.
            String name = problem(parameter.getKey()) == null ? parameter.getKey() : QueryParams.echo(parameter.getKey());
            List<String> values = parameter.getValue();
            if (query && values.size() > 1) {
                // Decoded names: "a=1&%61=2" is "a" twice.
                errors.add(new Problem.FieldError(name, "must be given at most once, got " + values.size() + " values"));
                continue;
            }
            for (String value : values) {
                String problem = problem(value);
                if (problem != null) {
                    errors.add(new Problem.FieldError(name, problem));
                    break;
                }
            }
        }
    }

    /** What is wrong with a value whatever its parameter, or null. */
    static String problem(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > QueryParams.MAX_LENGTH) {
            return "must be at most " + QueryParams.MAX_LENGTH + " characters, got " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters, got " + QueryParams.echo(value);
            }
            if (c == '\uFFFD') {
                return "must be percent-encoded UTF-8, got " + QueryParams.echo(value);
            }
        }
        return null;
    }
}
