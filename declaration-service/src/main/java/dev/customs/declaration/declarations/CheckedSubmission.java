package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Violation;
import dev.customs.declaration.api.DeclarationRequest;

import java.time.YearMonth;
import java.util.List;

/**
 * A request after every check, on the caller's thread: either its violations, or the converted state that
 * will be published, which passed the contract's rules exactly as a consumer will read it.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param rateMonth      the month whose published rates converted the values
 * @param provisionalRate whether a rate was carried forward past the published table
 * @param filer          who files it; set with {@link #filedBy} before it is filed
 * @param traceparent    the W3C trace context of the request it came in, taken on the caller's thread (a group
 *                       commit files it on another), stored with its outbox row; null when untraced
 */
public record CheckedSubmission(DeclarationRequest request, String idempotencyKey, List<Violation> violations,
                                DeclarationState state, YearMonth rateMonth, boolean provisionalRate, Filer filer,
                                String traceparent) {

    public static CheckedSubmission invalid(DeclarationRequest request, List<Violation> violations) {
        return new CheckedSubmission(request, null, List.copyOf(violations), null, null, false, null, null);
    }

    public boolean valid() {
        return violations.isEmpty();
    }

    public CheckedSubmission filedBy(Filer by, String key) {
        return new CheckedSubmission(request, key, violations, state, rateMonth, provisionalRate, by, traceparent);
    }

    public CheckedSubmission tracedBy(String context) {
        return new CheckedSubmission(request, idempotencyKey, violations, state, rateMonth, provisionalRate, filer, context);
    }
}
