package dev.customs.contract.event;

public enum EventType {
    /** Revision 1. */
    DECLARED,
    /** Revision n+1, carrying the full new state. */
    AMENDED,
    /** Revision n+1, carrying the state being withdrawn. */
    CANCELLED
}
