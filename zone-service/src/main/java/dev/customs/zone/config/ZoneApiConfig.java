package dev.customs.zone.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "zone-api")
public interface ZoneApiConfig {

    @WithDefault("10")
    int defaultRankingLimit();

    /** All 174 areas fit in one answer. */
    @WithDefault("200")
    int maxRankingLimit();
}
