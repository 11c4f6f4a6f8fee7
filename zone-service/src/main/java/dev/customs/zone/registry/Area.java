package dev.customs.zone.registry;

import dev.customs.contract.reference.ZoneType;

/**
 * A special customs supervision area, as seeded from the reference file.
 *
 * @param synthetic     true where the name could not be verified against a published list
 * @param customsOffice the code of the customs office that supervises the area
 * @param source        where the row comes from (published, converted or synthetic, with the reason)
 */
public record Area(String code, String name, ZoneType type, String province, boolean synthetic,
                   String customsOffice, String source) {
}
