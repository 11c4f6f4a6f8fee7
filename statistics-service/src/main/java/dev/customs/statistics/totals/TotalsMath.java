package dev.customs.statistics.totals;

import dev.customs.contract.event.Direction;
import dev.customs.totals.TradeSeries;
import dev.customs.totals.TradeTotals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** Exact arithmetic on totals: sums, shares and growth rates, all in BigDecimal. */
public final class TotalsMath {

    /** Shares and growth rates are fractions with this many decimals (0.1234 = 12.34%). */
    public static final int RATIO_SCALE = 4;

    private static final BigDecimal ZERO_RATIO = BigDecimal.ZERO.setScale(RATIO_SCALE);

    private TotalsMath() {
    }

    public static TradeTotals sum(Collection<TradeTotals> parts) {
        TradeTotals sum = TradeTotals.EMPTY;
        for (TradeTotals part : parts) {
            sum = sum.plus(Direction.IMPORT, part.declarations(), part.importCny(), part.importUsd())
                    .plus(Direction.EXPORT, 0, part.exportCny(), part.exportUsd());
        }
        return sum;
    }

    /** part / whole; zero when there is no whole to share. */
    public static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? ZERO_RATIO : part.divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** current / previous - 1, rounded once; null when there is nothing to grow from. */
    public static BigDecimal growth(BigDecimal current, BigDecimal previous) {
        return TradeSeries.growth(current, previous);
    }
}
