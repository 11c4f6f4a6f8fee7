package dev.customs.contract.reference;

import java.util.Objects;

/** A grouping of partner countries used in statistics, e.g. {@code ASEAN} or {@code BELT_AND_ROAD}. */
public record RegionGroup(String code, String name) {

    public RegionGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
