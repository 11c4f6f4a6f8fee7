package dev.customs.rest;

import dev.customs.totals.TradeSeries;

/** The {@code granularity} parameter of the series endpoints and how they describe their growth rule. */
public final class SeriesParams {

    /** The only series granularity so far, and the default. */
    public static final String MONTHLY = "month";

    /** {@link TradeSeries}'s rule in a sentence, for the series endpoints' OpenAPI summaries. */
    public static final String GROWTH_SUMMARY = "growth on the same period a year earlier (yoyTotalCny) and a month "
            + "earlier (momTotalCny): a whole month compares with the whole month a year before and with the whole "
            + "month before; a month the range cuts (starting or ending mid-month) with the same days a year "
            + "before and the same days of the month before, clamped to its length; null where the base is zero";

    private SeriesParams() {
    }

    /** 400 naming {@code granularity} for anything but {@link #MONTHLY} (absent means monthly). */
    public static void requireMonthly(String granularity) {
        if (granularity != null && !granularity.equals(MONTHLY)) {
            throw ProblemException.badParameter("granularity", "must be " + MONTHLY + ", got " + QueryParams.echo(granularity));
        }
    }
}
