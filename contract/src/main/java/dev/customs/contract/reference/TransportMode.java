package dev.customs.contract.reference;

import java.util.Objects;

/**
 * A transport mode code of the declaration.
 *
 * @param areaCode true for the area and warehouse codes used for second-line moves instead of a real carrier
 */
public record TransportMode(String code, String name, boolean areaCode) {

    public TransportMode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
