package dev.customs.contract.reference;

import java.util.Objects;

/** A unit of measurement from GAC's code table: the three-digit code and the name an item's {@code unit} carries. */
public record Unit(String code, String name) {

    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
