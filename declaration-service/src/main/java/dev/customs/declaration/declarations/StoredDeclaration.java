package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.declaration.api.DeclarationRequest;


/** A declaration at its current revision: the request as filed and the converted state that was published. */
public record StoredDeclaration(String declarationId, long revision, DeclarationStatus status,
                                DeclarationRequest request, DeclarationState state) {

    public static StoredDeclaration of(DeclarationRecord record) {
        return new StoredDeclaration(record.declarationId, record.revision, record.status,
                EventCodec.fromJson(record.request, DeclarationRequest.class),
                EventCodec.fromJson(record.state, DeclarationState.class));
    }
}
