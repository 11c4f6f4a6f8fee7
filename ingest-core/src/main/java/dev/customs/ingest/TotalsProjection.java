package dev.customs.ingest;

/**
 * How a service turns declaration states into its totals. The ingest core decides which states to add
 * and which to withdraw; the projection only knows its own tables.
 */
public interface TotalsProjection {

    /** A fresh accumulator for one batch. */
    TotalsDelta newDelta();
}
