package dev.customs.ingest;

/** Why a record was dead-lettered, as a bounded set for metric labels; the header carries the detail. */
public enum DeadLetterKind {
    INVALID_JSON,
    UNSUPPORTED_SCHEMA_VERSION,
    MISSING_FIELD,
    UNKNOWN_CODE,
    RULE_VIOLATION,
    KEY_MISMATCH,
    /** Parsing or checking the record threw something unexpected: a record the codec or rules cannot handle. */
    UNREADABLE,
    /** The database refused the event for a data reason (SQLState class 22 or 23...), isolated from its batch. */
    DATABASE_REJECTED,
    /** Applying this one event failed in the consumer's own code, isolated from its batch. */
    INTERNAL_ERROR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
