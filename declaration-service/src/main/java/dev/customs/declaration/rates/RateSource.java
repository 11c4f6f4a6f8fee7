package dev.customs.declaration.rates;

import java.time.YearMonth;
import java.util.Optional;

/** Where conversion takes its rates: the service's table, or a fixed table in unit tests. */
@FunctionalInterface
public interface RateSource {

    /** See {@link RateTable#rate}: the month's rate, a carried-forward provisional one, or empty. */
    Optional<RateTable.Rate> rate(String currency, YearMonth month);

    static RateSource of(RateTable table) {
        return table::rate;
    }
}
