package dev.customs.contract.reference;

import java.util.Objects;

/**
 * A special customs supervision area.
 *
 * @param code      four-digit code, the customs office code where one is known
 * @param province  English name of the mainland provincial-level region
 * @param synthetic true for a filler area that stands in for one whose real name could not be verified
 */
public record Zone(String code, String name, ZoneType type, String province, boolean synthetic) {

    public Zone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(province, "province");
    }
}
