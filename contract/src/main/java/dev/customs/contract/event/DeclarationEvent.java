package dev.customs.contract.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * The record value on topic {@value #TOPIC}, keyed by {@code declarationId}; see docs/contract.md.
 * {@code filedBy} is optional (null when the producer does not say who filed the revision) and written only
 * when given, so an event without it is the same JSON as before the field existed.
 */
public record DeclarationEvent(
        Integer schemaVersion,
        UUID eventId,
        EventType eventType,
        String declarationId,
        Long revision,
        Instant occurredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) FiledBy filedBy,
        DeclarationState declaration) {

    public static final String TOPIC = "customs.declarations";
    public static final int SCHEMA_VERSION = 1;
    /** Contract minimum; keys spread revisions of one declaration onto one partition. */
    public static final int MIN_PARTITIONS = 12;
}
