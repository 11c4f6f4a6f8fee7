package dev.customs.contract.reference;

import java.util.Objects;

/**
 * A special customs supervision area.
 *
 * @param code          four-digit code in the register of areas: not a customs office code, except where the
 *                      area's own supervising office has the same code (8013 Xiyong)
 * @param province      English name of the mainland provincial-level region
 * @param synthetic     true for a filler area that stands in for one whose real name could not be verified
 * @param customsOffice four-digit code of the customs office that supervises the area and takes its declarations
 * @param source        where the row comes from: "published: ...", "converted: ..." or "synthetic: <reason>"
 */
public record Zone(String code, String name, ZoneType type, String province, boolean synthetic, String customsOffice,
                   String source) {

    public Zone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(customsOffice, "customsOffice");
        Objects.requireNonNull(source, "source");
    }
}
