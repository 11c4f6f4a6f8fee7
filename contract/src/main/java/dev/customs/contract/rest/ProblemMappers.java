package dev.customs.contract.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/** Every error a client can cause, answered as problem+json; one mapper per exception family. */
public final class ProblemMappers {

    private ProblemMappers() {
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

    /** Bean Validation on request bodies and parameters: every violation, with its field path. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return respond(new Problem("about:blank", "Invalid request",
                    400, "The request has " + errors.size() + " invalid field(s)", errors));
        }

        /** Drops the method and parameter nodes so the path reads like the JSON the client sent. */
        private static String fieldPath(ConstraintViolation<?> violation) {
            StringBuilder path = new StringBuilder();
            for (Path.Node node : StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList()) {
                switch (node.getKind()) {
                    case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                    case PARAMETER -> path.setLength(0);
                    default -> {
                        if (node.getIndex() != null && !path.isEmpty()) {
                            path.append('[').append(node.getIndex()).append(']');
                        }
                        if (node.getName() != null) {
                            path.append(path.isEmpty() ? "" : ".").append(node.getName());
                        }
                    }
                }
            }
            return path.isEmpty() ? "body" : path.toString();
        }
    }

    /** Framework errors (unknown path, wrong method, unreadable JSON, body too large) keep their status. */
    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) == null
                    ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
            String detail = e.getCause() != null && e.getCause().getMessage() != null
                    ? firstLine(e.getCause().getMessage()) : e.getMessage();
            return respond(new Problem("about:blank", title, status, detail, null));
        }
    }

    static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
