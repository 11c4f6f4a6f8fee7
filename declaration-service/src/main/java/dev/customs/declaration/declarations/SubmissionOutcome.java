package dev.customs.declaration.declarations;

import dev.customs.contract.event.Violation;

import java.util.List;

/**
 * What became of one submitted, amended or cancelled declaration. What each outcome means in HTTP is the
 * api package's business alone.
 */
public sealed interface SubmissionOutcome {

    /** The declaration the outcome is about; null when a request without a number was refused. */
    String declarationId();

    /** The declaration is stored as {@link #declaration()} shows it. */
    sealed interface Accepted extends SubmissionOutcome {

        StoredDeclaration declaration();

        @Override
        default String declarationId() {
            return declaration().declarationId();
        }
    }

    /** Nothing was stored for the request. */
    sealed interface Refused extends SubmissionOutcome {
    }

    /**
     * The caller may not act for the enterprise: the request's {@code declarantCode} (field {@code declarantCode}),
     * or the stored declaration's when amending or cancelling (field {@code id}).
     */
    record Forbidden(String declarationId, String field, String detail) implements Refused {
    }

    /** Filed now, at revision 1. */
    record Created(StoredDeclaration declaration) implements Accepted {
    }

    /**
     * Nothing changed: the same declaration was filed before (same number, or same idempotency key and body),
     * or an amendment brought nothing new.
     */
    record Unchanged(StoredDeclaration declaration) implements Accepted {
    }

    /** Amended or cancelled: stored as a new revision. */
    record Updated(StoredDeclaration declaration) implements Accepted {
    }

    /** The request breaks the rules, each broken one named. */
    record Invalid(String declarationId, List<Violation> errors) implements Refused {
    }

    /** No declaration has this number. */
    record Unknown(String declarationId) implements Refused {

        public String detail() {
            return "no declaration " + declarationId;
        }
    }

    /**
     * The request contradicts what is stored: a number or key filed with other content, a cancelled declaration,
     * or an amendment of what only a new declaration may change ({@code errors} then names the fields).
     */
    record Conflict(String declarationId, String detail, List<Violation> errors) implements Refused {

        public Conflict {
            errors = List.copyOf(errors);
        }

        public Conflict(String declarationId, String detail) {
            this(declarationId, detail, List.of());
        }
    }
}
