package dev.customs.contract.reference;

/** Whether goods declared under a supervision mode count in GAC's trade statistics. */
public enum StatisticalInclusion {
    /** Counted in import and export totals. */
    INCLUDED,
    /** Not in trade statistics at all (temporary imports and exports, free replacements, returned goods). */
    EXCLUDED,
    /** Single-item statistics: recorded separately, never in the trade totals. */
    SINGLE_ITEM;

    public boolean countsInTrade() {
        return this == INCLUDED;
    }
}
