package dev.customs.declaration.api;

import dev.customs.declaration.declarations.DeclarationQueries;
import dev.customs.declaration.declarations.DeclarationStatus;
import dev.customs.declaration.declarations.StoredDeclaration;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * One revision of a declaration as the audit trail ({@code declaration_revisions}) keeps it. The store keeps the
 * body of the current revision only (a new revision replaces the declaration, and outbox rows are deleted once
 * Kafka has them), so {@code declaration} is null for every earlier revision.
 */
@Schema(description = "One revision: its number, what happened (filed, amended, cancelled), when and who filed it, and "
        + "the declaration as it stands when this is the current revision (null for earlier ones: their bodies are "
        + "not kept)")
public record RevisionView(
        @Schema(description = "Revision number, from 1", example = "2") long revision,
        @Schema(description = "What this revision did", enumeration = {"filed", "amended", "cancelled"},
                type = SchemaType.STRING, example = "amended") String action,
        @Schema(description = "The declaration's status after this revision") DeclarationStatus status,
        @Schema(description = "When it was filed", example = "2025-08-26T08:12:00Z") Instant filedAt,
        @Schema(description = "Who filed it: the token's subject and client") FiledBy filedBy,
        @Schema(description = "The declaration at this revision when it is the current one; null for an earlier "
                + "revision, whose body the store does not keep", nullable = true) DeclarationView declaration) {

    public record FiledBy(@Schema(example = "5f1c8d2e-0c1a-4a57-9d1e-8f3b2a6c7d40") String subject,
                          @Schema(example = "customs-cli", nullable = true) String client) {
    }

    public static RevisionView of(DeclarationQueries.Revision revision, DeclarationView current) {
        StoredDeclaration.Filing filing = revision.filing();
        return new RevisionView(revision.revision(), action(revision.status()), revision.status(), filing.at(),
                new FiledBy(filing.subject(), filing.client()),
                current != null && current.revision() == revision.revision() ? current : null);
    }

    static String action(DeclarationStatus status) {
        return switch (status) {
            case DECLARED -> "filed";
            case AMENDED -> "amended";
            case CANCELLED -> "cancelled";
        };
    }
}
