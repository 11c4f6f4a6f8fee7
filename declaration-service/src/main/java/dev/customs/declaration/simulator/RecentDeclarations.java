package dev.customs.declaration.simulator;

import dev.customs.declaration.api.DeclarationRequest;

import java.util.SplittableRandom;

/**
 * The simulator's newest declarations, bounded: the oldest is forgotten when a new one arrives. Amendments
 * and cancellations pick from here, so they always target a declaration the simulator filed itself.
 * Not thread-safe; the simulator's single thread owns it.
 */
final class RecentDeclarations {

    record Entry(int slot, String declarationId, DeclarationRequest request) {
    }

    private final String[] ids;
    private final DeclarationRequest[] requests;
    private long added;

    RecentDeclarations(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        ids = new String[capacity];
        requests = new DeclarationRequest[capacity];
    }

    void add(String declarationId, DeclarationRequest request) {
        int slot = (int) (added++ % ids.length);
        ids[slot] = declarationId;
        requests[slot] = request;
    }

    /** A random one of the {@code window} newest, or null when there is none. */
    Entry pick(SplittableRandom random, int window) {
        long candidates = Math.min(Math.min(window, ids.length), added);
        long start = candidates > 0 ? random.nextLong(candidates) : 0;
        // A cancelled slot stays empty until overwritten: move on to the next older one.
        for (long step = 0; step < candidates; step++) {
            long age = (start + step) % candidates;
            int slot = (int) ((added - 1 - age) % ids.length);
            if (ids[slot] != null) {
                return new Entry(slot, ids[slot], requests[slot]);
            }
        }
        return null;
    }

    void replace(Entry entry, DeclarationRequest request) {
        if (entry.declarationId().equals(ids[entry.slot()])) {
            requests[entry.slot()] = request;
        }
    }

    void remove(Entry entry) {
        if (entry.declarationId().equals(ids[entry.slot()])) {
            ids[entry.slot()] = null;
            requests[entry.slot()] = null;
        }
    }
}
