package dev.customs.contract.event;

/** Seen from the customs territory: first-line entry and ordinary imports are IMPORT. */
public enum Direction {
    IMPORT,
    EXPORT
}
