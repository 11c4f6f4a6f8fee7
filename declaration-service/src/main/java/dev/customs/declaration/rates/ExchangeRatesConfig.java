package dev.customs.declaration.rates;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "exchange-rates")
public interface ExchangeRatesConfig {

    /**
     * How old this instance's copy of the table may get before it is read again: rates loaded through another
     * instance apply here after at most this long (at once on the instance that loaded them).
     */
    @WithDefault("30s")
    Duration refreshInterval();
}
