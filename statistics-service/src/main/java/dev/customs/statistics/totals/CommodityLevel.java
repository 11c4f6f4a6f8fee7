package dev.customs.statistics.totals;

/** How finely commodities are broken down; names match the API's {@code level} values. */
public enum CommodityLevel {
    section,
    chapter
}
