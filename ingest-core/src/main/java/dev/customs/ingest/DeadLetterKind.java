package dev.customs.ingest;

/** Why a record was dead-lettered, as a bounded set for metric labels; the header carries the detail. */
public enum DeadLetterKind {
    INVALID_JSON,
    UNSUPPORTED_SCHEMA_VERSION,
    MISSING_FIELD,
    UNKNOWN_CODE,
    RULE_VIOLATION,
    KEY_MISMATCH;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
