package dev.customs.contract.event;

/**
 * A record that is not a usable event; the message is the dead-letter reason, at most
 * {@value #MAX_MESSAGE_LENGTH} characters whatever the record holds.
 */
public class InvalidEventException extends RuntimeException {

    public static final int MAX_MESSAGE_LENGTH = 500;

    public InvalidEventException(String reason) {
        super(reason.length() <= MAX_MESSAGE_LENGTH ? reason : reason.substring(0, MAX_MESSAGE_LENGTH - 3) + "...",
                null, false, false);
    }
}
