package dev.customs.zone.totals;

import java.util.Arrays;
import java.util.Optional;

/** What area totals can be rolled up by; names are the values of the {@code by} parameter. */
public enum RollupDimension {
    province,
    type;

    public static Optional<RollupDimension> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
