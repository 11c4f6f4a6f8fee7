package dev.customs.contract.reference;

/** The groups GAC statistical tables put supervision modes into. */
public enum StatisticalRegime {
    GENERAL_TRADE,
    PROCESSING_TRADE,
    BONDED_LOGISTICS,
    CROSS_BORDER_ECOMMERCE,
    OTHER
}
