package dev.customs.contract.event;

/**
 * Who filed a revision, from the bearer token of the request that filed it: {@code subject} is the token's
 * {@code sub}, {@code client} its {@code azp} (the application the user filed through).
 */
public record FiledBy(String subject, String client) {
}
