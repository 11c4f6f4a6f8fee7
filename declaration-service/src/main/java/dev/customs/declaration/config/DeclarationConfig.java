package dev.customs.declaration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

    /**
     * How long an {@code Idempotency-Key} is remembered: a retry within it answers with the declaration the key
     * filed; after it the key is forgotten and the same key would file anew.
     */
    @WithDefault("P7D")
    Duration idempotencyKeyRetention();

    /** Customs' calendar: what "a date in the future" means. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    GroupCommit groupCommit();

    /** Single POSTs filed together (see GroupCommitter). */
    interface GroupCommit {

        /** Transactions filing single declarations at once; a few keep the pool free for everything else. */
        @WithDefault("2")
        int writers();

        /** Most declarations one writer files in one transaction. */
        @WithDefault("200")
        int maxDeclarations();

        /** How long an idle writer waits for work before it checks whether the service is stopping. */
        @WithDefault("100ms")
        Duration idlePoll();
    }
}
