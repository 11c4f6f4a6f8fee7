package dev.customs.declaration.api;

import dev.customs.declaration.declarations.SubmissionOutcome.Accepted;
import dev.customs.declaration.declarations.SubmissionOutcome.Conflict;
import dev.customs.declaration.declarations.SubmissionOutcome.Created;
import dev.customs.declaration.declarations.SubmissionOutcome.Forbidden;
import dev.customs.declaration.declarations.SubmissionOutcome.Invalid;
import dev.customs.declaration.declarations.SubmissionOutcome.Unchanged;
import dev.customs.declaration.declarations.SubmissionOutcome.Unknown;
import dev.customs.declaration.declarations.SubmissionOutcome.Updated;
import dev.customs.declaration.declarations.SubmissionOutcome;
import dev.customs.rest.Problem;
import dev.customs.rest.ProblemException;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The one place where what became of a declaration turns into an HTTP status and body. */
public final class SubmissionAnswers {

    private static final int CREATED = 201;
    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int FORBIDDEN = 403;
    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;

    private SubmissionAnswers() {
    }

    /** The status a client hears. */
    static int status(SubmissionOutcome outcome) {
        if (outcome instanceof Created) {
            return CREATED;
        }
        if (outcome instanceof Unchanged || outcome instanceof Updated) {
            return OK;
        }
        if (outcome instanceof Invalid) {
            return BAD_REQUEST;
        }
        if (outcome instanceof Forbidden) {
            return FORBIDDEN;
        }
        if (outcome instanceof Unknown) {
            return NOT_FOUND;
        }
        if (outcome instanceof Conflict) {
            return CONFLICT;
        }
        throw unexpected(outcome);
    }

    /** An accepted declaration as the body; a refusal as problem+json naming the fields or the reason. */
    static Response.ResponseBuilder response(SubmissionOutcome outcome) {
        if (outcome instanceof Accepted accepted) {
            return Response.status(status(accepted)).entity(DeclarationView.of(accepted.declaration()));
        }
        if (outcome instanceof Invalid invalid) {
            throw ProblemException.badRequest(invalid.errors());
        }
        if (outcome instanceof Forbidden forbidden) {
            throw ProblemException.outOfScope(forbidden.field(), forbidden.detail());
        }
        if (outcome instanceof Unknown unknown) {
            throw new ProblemException(NOT_FOUND, "Not found", unknown.detail(), null);
        }
        if (outcome instanceof Conflict conflict) {
            throw new ProblemException(CONFLICT, "Conflict", conflict.detail(), fieldErrors(conflict.errors()));
        }
        throw unexpected(outcome);
    }

    /** One declaration's line in the answer to a batch. */
    static DeclarationResource.BatchItemOutcome batchItem(int index, SubmissionOutcome outcome) {
        if (outcome instanceof Accepted accepted) {
            return new DeclarationResource.BatchItemOutcome(index, status(accepted), accepted.declarationId(),
                    accepted.declaration().revision(), null, null);
        }
        if (outcome instanceof Invalid invalid) {
            return new DeclarationResource.BatchItemOutcome(index, BAD_REQUEST, invalid.declarationId(), null, null,
                    fieldErrors(invalid));
        }
        if (outcome instanceof Forbidden forbidden) {
            return new DeclarationResource.BatchItemOutcome(index, FORBIDDEN, forbidden.declarationId(), null,
                    forbidden.detail(), List.of(new Problem.FieldError(forbidden.field(), forbidden.detail())));
        }
        if (outcome instanceof Unknown unknown) {
            return new DeclarationResource.BatchItemOutcome(index, NOT_FOUND, unknown.declarationId(), null,
                    unknown.detail(), null);
        }
        if (outcome instanceof Conflict conflict) {
            return new DeclarationResource.BatchItemOutcome(index, CONFLICT, conflict.declarationId(), null,
                    conflict.detail(), fieldErrors(conflict.errors()));
        }
        throw unexpected(outcome);
    }

    /** SubmissionOutcome is sealed; this only fires if a new outcome is added and not answered here. */
    private static IllegalStateException unexpected(SubmissionOutcome outcome) {
        return new IllegalStateException("no HTTP answer for " + outcome);
    }

    private static List<Problem.FieldError> fieldErrors(Invalid invalid) {
        return fieldErrors(invalid.errors());
    }

    private static List<Problem.FieldError> fieldErrors(List<dev.customs.contract.event.Violation> errors) {
        return errors.isEmpty() ? null : errors.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
    }
}
