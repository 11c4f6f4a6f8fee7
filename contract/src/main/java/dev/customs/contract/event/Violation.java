package dev.customs.contract.event;

/** One broken rule: the JSON path of the offending field and what is wrong with it. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
