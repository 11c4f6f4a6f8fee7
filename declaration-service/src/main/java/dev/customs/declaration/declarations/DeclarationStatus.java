package dev.customs.declaration.declarations;

/** The last thing that happened to a declaration; it is the event type of its newest revision. */
public enum DeclarationStatus {
    DECLARED,
    AMENDED,
    CANCELLED
}
