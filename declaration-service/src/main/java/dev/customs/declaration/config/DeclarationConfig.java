package dev.customs.declaration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "declarations")
public interface DeclarationConfig {

    /** Most declarations one batch request may carry (the contract's limit). */
    @WithDefault("1000")
    int maxBatchSize();

    /** Largest request body: a batch of 1,000 declarations of a few items each is well under it. */
    @WithDefault("16777216")
    long maxBodyBytes();

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("500")
    int maxPageSize();

    /** Customs' calendar: what "a date in the future" means. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();
}
