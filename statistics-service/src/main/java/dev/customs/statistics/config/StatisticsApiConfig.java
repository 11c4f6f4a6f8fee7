package dev.customs.statistics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "statistics-api")
public interface StatisticsApiConfig {

    @WithDefault("10")
    int defaultPartnerLimit();

    /** Every partner in the reference list fits in one answer. */
    @WithDefault("250")
    int maxPartnerLimit();

    /** All 97 HS chapters in one page unless a client asks for smaller ones, as before the list was paged. */
    @WithDefault("100")
    int defaultCommodityLimit();

    @WithDefault("100")
    int maxCommodityLimit();

    /** Fifty years of months: more than any dashboard plots, and a bound on the answer's size. */
    @WithDefault("600")
    int maxSeriesMonths();
}
