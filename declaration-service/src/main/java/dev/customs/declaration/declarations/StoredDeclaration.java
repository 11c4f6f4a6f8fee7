package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationState;
import dev.customs.declaration.api.DeclarationRequest;

import java.time.YearMonth;

/**
 * A declaration at its current revision: the request as filed, the converted state that was published, and
 * the month whose rates converted it ({@code provisionalRate} when carried forward past the published table).
 */
public record StoredDeclaration(String declarationId, long revision, DeclarationStatus status,
                                DeclarationRequest request, DeclarationState state, YearMonth rateMonth,
                                boolean provisionalRate) {
}
