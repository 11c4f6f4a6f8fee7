package dev.customs.declaration.declarations;

import dev.customs.declaration.rates.ExchangeRates;
import dev.customs.declaration.rates.RateSource;
import dev.customs.declaration.rates.RateTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Converts declared values into CNY and USD at the rate of the declaration's month (or, beyond the
 * published table, the carried-forward provisional rate; see {@link RateTable}). Each item is rounded
 * to the fen/cent once; totals are sums of the rounded items, so every consumer sums to the same cent.
 *
 * <p>Callers bound the values first (at most two decimals, a bounded number of integer digits): the
 * arithmetic here is then cheap whatever a client sent.
 */
@ApplicationScoped
public class CurrencyConverter {

    public static final String CNY = "CNY";
    public static final String USD = "USD";
    private static final int MONEY_SCALE = 2;

    public record Converted(BigDecimal cny, BigDecimal usd) {
    }

    /**
     * The two rates one declaration is converted at. {@code rateMonth} is the month whose published rates
     * were used (the older of the two when they differ); {@code provisional} when either was carried forward.
     */
    public record Rates(BigDecimal cnyPerUnit, BigDecimal cnyPerUsd, YearMonth rateMonth, boolean provisional) {
    }

    private final RateSource rates;

    @Inject
    public CurrencyConverter(ExchangeRates rates) {
        this((RateSource) rates);
    }

    public CurrencyConverter(RateSource rates) {
        this.rates = rates;
    }

    public Optional<Rates> rates(String currency, YearMonth month) {
        Optional<RateTable.Rate> rate = rates.rate(currency, month);
        Optional<RateTable.Rate> usd = rates.rate(USD, month);
        if (rate.isEmpty() || usd.isEmpty()) {
            return Optional.empty();
        }
        // For CNY the declared currency's "month" is the declaration's own; the USD rate decides.
        YearMonth used = CNY.equals(currency) || usd.get().month().isBefore(rate.get().month())
                ? usd.get().month() : rate.get().month();
        return Optional.of(new Rates(rate.get().cnyPerUnit(), usd.get().cnyPerUnit(), used,
                rate.get().provisional() || usd.get().provisional()));
    }

    public Converted convert(BigDecimal value, String currency, Rates rates) {
        BigDecimal cny = value.multiply(rates.cnyPerUnit()).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal usd = USD.equals(currency)
                ? value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN)
                : cny.divide(rates.cnyPerUsd(), MONEY_SCALE, RoundingMode.HALF_EVEN);
        return new Converted(cny, usd);
    }
}
