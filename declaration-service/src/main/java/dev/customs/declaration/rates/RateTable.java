package dev.customs.declaration.rates;

import dev.customs.contract.reference.ReferenceData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the monthly exchange rates (CNY per unit of a currency).
 *
 * <p>Policy for a month the table does not hold: the latest published rate of that currency before it is
 * carried forward and the rate is marked provisional, so declarations keep being filed after the last
 * published month (they would otherwise all be refused from the first day of the next month). A month
 * before the table's first month has no rate: there is nothing to carry forward from.
 */
public final class RateTable {

    /** A rate as applied: the month whose published rate was used, and whether that is a later month's stand-in. */
    public record Rate(BigDecimal cnyPerUnit, YearMonth month, boolean provisional) {
    }

    private static final String CONTRACT_CSV = "reference/exchange-rates.csv";

    private final Map<String, NavigableMap<YearMonth, BigDecimal>> byCurrency;

    public RateTable(Map<String, ? extends Map<YearMonth, BigDecimal>> rates) {
        Map<String, NavigableMap<YearMonth, BigDecimal>> copy = new TreeMap<>();
        rates.forEach((currency, months) -> copy.put(currency, Collections.unmodifiableNavigableMap(new TreeMap<>(months))));
        this.byCurrency = Collections.unmodifiableMap(copy);
    }

    /** The contract's published table, as shipped in the contract jar: the seed of the service's own table. */
    public static RateTable contract() {
        return new RateTable(readContractCsv());
    }

    /** Rows of the contract's exchange-rates.csv: currency → month → CNY per unit. */
    public static Map<String, Map<YearMonth, BigDecimal>> readContractCsv() {
        Map<String, Map<YearMonth, BigDecimal>> rates = new TreeMap<>();
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(CONTRACT_CSV)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT_CSV + " is missing from the contract jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                rates.computeIfAbsent(cells[1].trim(), c -> new TreeMap<>())
                        .put(YearMonth.parse(cells[0].trim()), new BigDecimal(cells[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rates;
    }

    /**
     * The rate for a month: the month's own when published, else the latest earlier one, provisional.
     * CNY is always 1. Empty for an unknown currency or a month before the currency's first rate.
     */
    public Optional<Rate> rate(String currency, YearMonth month) {
        if (currency == null || month == null) {
            return Optional.empty();
        }
        if (ReferenceData.CNY.equals(currency)) {
            return Optional.of(new Rate(BigDecimal.ONE, month, false));
        }
        NavigableMap<YearMonth, BigDecimal> months = byCurrency.get(currency);
        Map.Entry<YearMonth, BigDecimal> entry = months == null ? null : months.floorEntry(month);
        return entry == null ? Optional.empty()
                : Optional.of(new Rate(entry.getValue(), entry.getKey(), !entry.getKey().equals(month)));
    }

    /** The first month any currency has a rate for; loading a month before it is refused. */
    public Optional<YearMonth> firstMonth() {
        return byCurrency.values().stream().filter(m -> !m.isEmpty()).map(NavigableMap::firstKey)
                .min(YearMonth::compareTo);
    }

    /** The last month for which every currency's rate is published; later months are carried forward. */
    public Optional<YearMonth> lastPublishedMonth() {
        return byCurrency.values().stream().filter(m -> !m.isEmpty()).map(NavigableMap::lastKey)
                .min(YearMonth::compareTo);
    }

    public Map<String, NavigableMap<YearMonth, BigDecimal>> byCurrency() {
        return byCurrency;
    }
}
