package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationState;
import dev.customs.declaration.api.DeclarationRequest;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A declaration at its current revision: the request as filed, the converted state that was published, and
 * the month whose rates converted it ({@code provisionalRate} when carried forward past the published table),
 * who filed the current revision and when, and whether the platform's simulator generated it.
 */
public record StoredDeclaration(String declarationId, long revision, DeclarationStatus status,
                                DeclarationRequest request, DeclarationState state, YearMonth rateMonth,
                                boolean provisionalRate, Filing filing, boolean synthetic) {

    /** Who filed a revision (the token's subject and client) and when. */
    public record Filing(String subject, String client, Instant at) {
    }
}
