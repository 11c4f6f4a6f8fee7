package dev.customs.contract.reference;

import java.util.Objects;

/**
 * A grouping of partner countries used in statistics, e.g. {@code ASEAN} or {@code BELT_AND_ROAD}.
 *
 * @param continent whether it is one of the continents of GAC's country tables, which partition the partners
 */
public record RegionGroup(String code, String name, boolean continent) {

    public RegionGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
