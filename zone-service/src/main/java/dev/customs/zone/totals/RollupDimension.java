package dev.customs.zone.totals;

/** What area totals can be rolled up by; names are the values of the {@code by} parameter. */
public enum RollupDimension {
    province,
    type
}
