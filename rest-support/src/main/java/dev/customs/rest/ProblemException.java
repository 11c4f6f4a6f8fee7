package dev.customs.rest;

import dev.customs.contract.event.Violation;

import java.util.List;

/** Thrown by resources and services to answer with a problem+json body. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badRequest(List<Violation> violations) {
        return new ProblemException(400, "Invalid request", "The request has " + violations.size() + " invalid field(s)",
                violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
    }

    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(400, "Invalid parameter", parameter + ": " + message,
                List.of(new Problem.FieldError(parameter, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    /** The caller's role allows the operation, but not on this enterprise's or this area's data. */
    public static ProblemException outOfScope(String field, String message) {
        return new ProblemException(403, "Forbidden", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
