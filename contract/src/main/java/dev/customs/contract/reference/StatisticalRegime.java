package dev.customs.contract.reference;

/**
 * The press-level roll-up of GAC's statistical trade modes: general trade, processing trade, bonded logistics
 * and everything else. GAC has no e-commerce trade mode; e-commerce declarations roll up with the trade mode
 * GAC counts them in (see gac-trade-modes.csv and docs/reference-data.md).
 */
public enum StatisticalRegime {
    GENERAL_TRADE,
    PROCESSING_TRADE,
    BONDED_LOGISTICS,
    OTHER
}
