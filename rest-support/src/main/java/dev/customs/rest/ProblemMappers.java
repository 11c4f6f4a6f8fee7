package dev.customs.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.customs.totals.TradeSeries;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error a client can cause, answered as problem+json; one mapper per exception family. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** A violation's property path as the client's JSON names it: {@code items[0].value}. */
    public static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                // A method parameter starts the client-visible path afresh (the body or a query parameter).
                case PARAMETER -> path.setLength(0);
                default -> {
                    if (node.getIndex() != null && !path.isEmpty()) {
                        path.append('[').append(node.getIndex()).append(']');
                    }
                    // Container elements are named like "<list element>": the index already says which.
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        path.append(path.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.toProblem());
        }
    }

    /** No bearer token where the operation needs one (RFC 6750: the challenge names the scheme). */
    @Provider
    public static class UnauthorizedMapper implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException e) {
            return unauthorized("Bearer realm=\"customs\"", "this operation needs a bearer token");
        }
    }

    /** A token that is expired, not signed by the platform's identity provider, or issued for someone else. */
    @Provider
    public static class AuthenticationFailedMapper implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return unauthorized("Bearer realm=\"customs\", error=\"invalid_token\"",
                    "the bearer token is not valid (expired, wrongly signed or issued for another audience)");
        }
    }

    /** A valid token whose roles do not include one this operation allows. */
    @Provider
    public static class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return respond(new Problem("about:blank", "Forbidden", 403, "your roles do not allow this operation", null));
        }
    }

    private static Response unauthorized(String challenge, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", challenge)
                .entity(new Problem("about:blank", "Unauthorized", 401, detail, null)).build();
    }

    /** A series longer than a service allows: the client narrows {@code from} or {@code to}. */
    @Provider
    public static class SeriesTooLongMapper implements ExceptionMapper<TradeSeries.TooLong> {
        @Override
        public Response toResponse(TradeSeries.TooLong e) {
            return respond(ProblemException.badParameter("from", e.getMessage() + ", narrow from and to").toProblem());
        }
    }

    /** Bean Validation on request bodies and parameters: every violation, with its field path. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return respond(new Problem("about:blank", "Invalid request", 400,
                    "The request has " + errors.size() + " invalid field(s)", errors));
        }
    }

    /** A body that is not JSON, or a value of the wrong type or an unknown enum constant. */
    @Provider
    public static class JsonProcessingMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining()).replaceFirst("^\\.", "")
                    : "body";
            String message = firstLine(e.getOriginalMessage());
            return respond(new Problem("about:blank", "Unreadable request", 400, field + ": " + message,
                    List.of(new Problem.FieldError(field, message))));
        }
    }

    /** Exactly the types Quarkus REST maps itself, so these answers are problem+json too. */
    @Provider
    public static class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return new JsonProcessingMapper().toResponse(e);
        }
    }

    @Provider
    public static class JsonParseMapper implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return new JsonProcessingMapper().toResponse(e);
        }
    }

    /** Framework errors (unknown path, wrong method, unsupported media type) keep their status. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return new JsonProcessingMapper().toResponse(json);
            }
            int status = e.getResponse().getStatus();
            Response.Status known = Response.Status.fromStatusCode(status);
            return respond(new Problem("about:blank", known == null ? "Error" : known.getReasonPhrase(), status,
                    e.getMessage(), null));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
