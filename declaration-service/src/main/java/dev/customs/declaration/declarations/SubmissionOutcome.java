package dev.customs.declaration.declarations;

import dev.customs.contract.event.Violation;

import java.util.List;

/**
 * What became of one submitted, amended or cancelled declaration: an HTTP-like status (201 created,
 * 200 unchanged or updated, 400 invalid, 404 unknown, 409 conflicting), and the declaration or the errors.
 */
public record SubmissionOutcome(int status, String declarationId, long revision, List<Violation> errors,
                                StoredDeclaration declaration, String detail) {

    public static SubmissionOutcome ok(int status, StoredDeclaration declaration) {
        return new SubmissionOutcome(status, declaration.declarationId(), declaration.revision(), List.of(), declaration,
                null);
    }

    public static SubmissionOutcome invalid(String declarationId, List<Violation> errors) {
        return new SubmissionOutcome(400, declarationId, 0, errors, null, null);
    }

    public static SubmissionOutcome failed(int status, String declarationId, String detail) {
        return new SubmissionOutcome(status, declarationId, 0, List.of(), null, detail);
    }

    public boolean succeeded() {
        return status < 300;
    }
}
