package dev.customs.statistics.totals;

import java.util.Arrays;
import java.util.Optional;

/** How finely commodities are broken down; names match the API's {@code level} values. */
public enum CommodityLevel {
    section,
    chapter;

    public static Optional<CommodityLevel> named(String name) {
        return Arrays.stream(values()).filter(l -> l.name().equals(name)).findFirst();
    }
}
