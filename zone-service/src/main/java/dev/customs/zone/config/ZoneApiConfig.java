package dev.customs.zone.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "zone-api")
public interface ZoneApiConfig {

    /** Every area in one page unless a client asks for smaller ones, as before the list was paged. */
    @WithDefault("200")
    int defaultAreaLimit();

    @WithDefault("200")
    int maxAreaLimit();

    @WithDefault("10")
    int defaultRankingLimit();

    /** All 174 areas fit in one answer. */
    @WithDefault("200")
    int maxRankingLimit();

    /** The areas a concentration figure counts by default: GAC reports the top 30 areas' share. */
    @WithDefault("30")
    int defaultConcentrationTop();

    /** Fifty years of months: more than any dashboard plots, and a bound on the answer's size. */
    @WithDefault("600")
    int maxSeriesMonths();
}
