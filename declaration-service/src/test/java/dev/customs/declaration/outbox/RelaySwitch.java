package dev.customs.declaration.outbox;

/** Stops and restarts the running service's outbox relay, so a test can watch events wait in the outbox. */
public final class RelaySwitch {

    private RelaySwitch() {
    }

    public static void pause(OutboxRelay relay) throws InterruptedException {
        relay.stop(null);
    }

    public static void resume(OutboxRelay relay) {
        relay.start(null);
    }
}
