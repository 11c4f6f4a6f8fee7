package dev.customs.zone.totals;

import dev.customs.contract.event.ZoneFlow;

/**
 * Which of an area's flows a ranking, rollup, concentration or commodity breakdown counts. GAC's area figures
 * (the top-30 share, the largest area) are first-line trade with abroad, so {@link #FIRST_LINE} is the default.
 */
public enum AreaFlow {
    FIRST_LINE(ZoneFlow.FIRST_LINE),
    SECOND_LINE(ZoneFlow.SECOND_LINE),
    INTRA_ZONE(ZoneFlow.INTRA_ZONE),
    /** Every flow together, as the area's totals count it. */
    ALL(null);

    private final ZoneFlow flow;

    AreaFlow(ZoneFlow flow) {
        this.flow = flow;
    }

    /** The one flow counted, or null for all of them. */
    public ZoneFlow zoneFlow() {
        return flow;
    }
}
