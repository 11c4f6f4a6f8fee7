package dev.customs.contract.event;

/** A record that is not a usable event; the message is the dead-letter reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason, null, false, false);
    }
}
