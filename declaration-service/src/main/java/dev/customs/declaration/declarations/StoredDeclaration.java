package dev.customs.declaration.declarations;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.declaration.api.DeclarationRequest;

import java.io.UncheckedIOException;

/** A declaration at its current revision: the request as filed and the converted state that was published. */
public record StoredDeclaration(String declarationId, long revision, DeclarationStatus status,
                                DeclarationRequest request, DeclarationState state) {

    public static StoredDeclaration of(DeclarationRecord record) {
        return new StoredDeclaration(record.declarationId, record.revision, record.status,
                read(record.request, DeclarationRequest.class), read(record.state, DeclarationState.class));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored declaration does not read back as " + type.getSimpleName(), e);
        }
    }
}
