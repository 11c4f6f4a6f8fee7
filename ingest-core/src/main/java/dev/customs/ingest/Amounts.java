package dev.customs.ingest;

import java.math.BigDecimal;

/**
 * A running count, how many of those counted are synthetic declarations, and a CNY/USD sum for one totals
 * key; exact decimal arithmetic only.
 */
public final class Amounts {

    private long declarations;
    private long synthetic;
    private BigDecimal cny = BigDecimal.ZERO;
    private BigDecimal usd = BigDecimal.ZERO;

    public void add(int sign, long count, long syntheticCount, BigDecimal valueCny, BigDecimal valueUsd) {
        declarations += (long) sign * count;
        synthetic += (long) sign * syntheticCount;
        cny = sign > 0 ? cny.add(valueCny) : cny.subtract(valueCny);
        usd = sign > 0 ? usd.add(valueUsd) : usd.subtract(valueUsd);
    }

    /**
     * Whether the changes cancelled out, so no write is needed. An amendment that only makes a declaration
     * synthetic (or not) changes the synthetic count alone.
     */
    public boolean isZero() {
        return declarations == 0 && synthetic == 0 && cny.signum() == 0 && usd.signum() == 0;
    }

    public long declarations() {
        return declarations;
    }

    public long synthetic() {
        return synthetic;
    }

    public BigDecimal cny() {
        return cny;
    }

    public BigDecimal usd() {
        return usd;
    }
}
