package dev.customs.contract.reference;

import java.util.Objects;

/** A provincial-level division: its GB/T 2260 code (two digits), name and NBS economic region. */
public record Province(String division, String name, DomesticRegion region) {

    public Province {
        Objects.requireNonNull(division, "division");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
    }
}
