package dev.customs.declaration.declarations;

import dev.customs.contract.reference.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Converts declared values into CNY and USD at the rate of the declaration's month. Each item is rounded
 * to the fen/cent once; totals are sums of the rounded items, so every consumer sums to the same cent.
 */
@ApplicationScoped
public class CurrencyConverter {

    public static final String CNY = "CNY";
    public static final String USD = "USD";
    private static final int MONEY_SCALE = 2;

    public record Converted(BigDecimal cny, BigDecimal usd) {
    }

    private final ReferenceData reference = ReferenceData.standard();

    public boolean hasRate(String currency, YearMonth month) {
        return reference.cnyPerUnit(currency, month).isPresent() && reference.cnyPerUnit(USD, month).isPresent();
    }

    public Optional<Converted> convert(BigDecimal value, String currency, YearMonth month) {
        Optional<BigDecimal> rate = reference.cnyPerUnit(currency, month);
        Optional<BigDecimal> usdRate = reference.cnyPerUnit(USD, month);
        if (rate.isEmpty() || usdRate.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal cny = value.multiply(rate.get()).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal usd = USD.equals(currency)
                ? value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN)
                : cny.divide(usdRate.get(), MONEY_SCALE, RoundingMode.HALF_EVEN);
        return Optional.of(new Converted(cny, usd));
    }
}
