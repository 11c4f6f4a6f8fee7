package dev.customs.declaration.declarations;

import java.util.Set;

/**
 * Who files, amends or cancels: the subject and client of the caller's token and the enterprises it may act for,
 * or the platform's simulator, which may act for any enterprise and whose declarations are synthetic. Recorded
 * with every revision and carried in its event.
 */
public record Filer(String subject, String client, Set<String> enterprises, boolean simulator) {

    public Filer {
        enterprises = Set.copyOf(enterprises);
    }

    public static Filer actingFor(String subject, String client, Set<String> enterprises) {
        return new Filer(subject, client, enterprises, false);
    }

    public static Filer simulator(String subject, String client) {
        return new Filer(subject, client, Set.of(), true);
    }

    public boolean mayActFor(String declarantCode) {
        return simulator || enterprises.contains(declarantCode);
    }
}
