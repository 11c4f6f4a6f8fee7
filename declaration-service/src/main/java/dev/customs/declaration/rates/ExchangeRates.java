package dev.customs.declaration.rates;

import dev.customs.contract.event.Violation;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.declaration.config.DeclarationConfig;
import dev.customs.declaration.declarations.StoreException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The authoritative exchange-rate table: rows of {@code exchange_rates} in this service's database.
 *
 * <p>At startup every rate of the contract's {@code exchange-rates.csv} that the table lacks is inserted
 * (rows already there, e.g. loaded by an operator, win). Operators load newly published months through
 * {@code PUT /api/exchange-rates/{month}} without a rebuild. Conversion reads an in-memory snapshot,
 * refreshed after every load and at least every {@code exchange-rates.refresh-interval}.
 *
 * <p>A month beyond the table is converted at the latest published rate, carried forward, and the
 * declaration is marked {@code provisionalRate} (see {@link RateTable}); the gauges below tell operators
 * that the table needs its next month.
 */
@ApplicationScoped
public class ExchangeRates implements RateSource {

    /** One stored rate, as listed by the operator endpoint. */
    public record Row(YearMonth month, String currency, BigDecimal cnyPerUnit, String source, Instant loadedAt) {
    }

    private static final Logger LOG = Logger.getLogger(ExchangeRates.class);
    /** The column is NUMERIC(18, 6). */
    private static final int RATE_SCALE = 6;
    private static final int MAX_RATE_INTEGER_DIGITS = 12;
    static final String CONTRACT_SOURCE = "contract:exchange-rates.csv";

    private static final String SEED = """
            INSERT INTO exchange_rates (month, currency, cny_per_unit, source, loaded_at)
            VALUES (?, ?, ?, ?, now()) ON CONFLICT (month, currency) DO NOTHING""";
    private static final String UPSERT = """
            INSERT INTO exchange_rates (month, currency, cny_per_unit, source, loaded_at) VALUES (?, ?, ?, ?, now())
            ON CONFLICT (month, currency) DO UPDATE SET cny_per_unit = EXCLUDED.cny_per_unit,
                source = EXCLUDED.source, loaded_at = EXCLUDED.loaded_at""";
    private static final String ALL = "SELECT month, currency, cny_per_unit FROM exchange_rates";
    private static final String RANGE = """
            SELECT month, currency, cny_per_unit, source, loaded_at FROM exchange_rates
            WHERE month BETWEEN ? AND ? ORDER BY month, currency""";

    private final AgroalDataSource dataSource;
    private final ExchangeRatesConfig config;
    private final Clock clock;
    private final ZoneId timeZone;
    private volatile boolean seeded;
    private volatile RateTable table;
    private volatile long loadedAtNanos;

    public ExchangeRates(AgroalDataSource dataSource, ExchangeRatesConfig config, Clock clock,
                         DeclarationConfig declarations, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.timeZone = declarations.timeZone();
        Gauge.builder("customs_exchange_rates_last_published_month", this, ExchangeRates::lastPublishedAsNumber)
                .description("Last month (yyyymm) for which every currency's rate is loaded").register(registry);
        Gauge.builder("customs_exchange_rates_months_carried_forward", this, ExchangeRates::monthsCarriedForward)
                .description("Months from the last published rates to the current month: declarations of those "
                        + "months are converted at carried-forward, provisional rates").register(registry);
    }

    void seed(@Observes StartupEvent event) {
        seedOnce();
    }

    /**
     * Adds the contract's rates the table lacks and loads the snapshot; once, whether startup or the first
     * declaration (which may arrive before the startup observers have run) comes first.
     */
    private synchronized void seedOnce() {
        if (seeded) {
            return;
        }
        Map<String, Map<YearMonth, BigDecimal>> contract = RateTable.readContractCsv();
        int added = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SEED)) {
            for (Map.Entry<String, Map<YearMonth, BigDecimal>> currency : contract.entrySet()) {
                for (Map.Entry<YearMonth, BigDecimal> month : currency.getValue().entrySet()) {
                    statement.setObject(1, month.getKey().atDay(1));
                    statement.setString(2, currency.getKey());
                    statement.setBigDecimal(3, month.getValue());
                    statement.setString(4, CONTRACT_SOURCE);
                    statement.addBatch();
                }
            }
            for (int count : statement.executeBatch()) {
                added += Math.max(count, 0);
            }
        } catch (SQLException e) {
            throw new StoreException("seeding exchange rates from the contract", e);
        }
        if (added > 0) {
            LOG.infof("Added %d exchange rates from the contract's table", added);
        }
        reload();
        seeded = true;
    }

    /** The current snapshot, read again from the database when older than the refresh interval. */
    public RateTable table() {
        if (!seeded) {
            seedOnce();
        }
        RateTable current = table;
        return current != null && !stale() ? current : refreshIfStale();
    }

    private boolean stale() {
        return System.nanoTime() - loadedAtNanos > config.refreshInterval().toNanos();
    }

    /**
     * Reloads once per interval: the requests that found the snapshot stale together queue here, and all but
     * the first find it fresh again instead of each reading the table.
     */
    private synchronized RateTable refreshIfStale() {
        RateTable current = table;
        if (current != null && !stale()) {
            return current;
        }
        try {
            return reload();
        } catch (RuntimeException e) {
            if (current == null) {
                throw e;
            }
            // A database hiccup must not stop conversion: the last snapshot is at most a refresh old.
            LOG.debugf(e, "Exchange rates not refreshed; using the previous snapshot");
            loadedAtNanos = System.nanoTime();
            return current;
        }
    }

    @Override
    public Optional<RateTable.Rate> rate(String currency, YearMonth month) {
        return table().rate(currency, month);
    }

    /** Stores (or corrects) one month's rates and makes them apply at once on this instance. */
    public void load(YearMonth month, Map<String, BigDecimal> rates, String source) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
                statement.setObject(1, month.atDay(1));
                statement.setString(2, rate.getKey());
                statement.setBigDecimal(3, rate.getValue());
                statement.setString(4, source);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("storing exchange rates for " + month, e);
        }
        reload();
    }

    public List<Row> list(YearMonth from, YearMonth to) {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(RANGE)) {
            statement.setObject(1, from.atDay(1));
            statement.setObject(2, to.atDay(1));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getString(2), rs.getBigDecimal(3),
                            rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading exchange rates", e);
        }
        return rows;
    }

    private synchronized RateTable reload() {
        Map<String, Map<YearMonth, BigDecimal>> rates = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(ALL);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rates.computeIfAbsent(rs.getString(2), c -> new TreeMap<>())
                        .put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getBigDecimal(3));
            }
        } catch (SQLException e) {
            throw new StoreException("reading exchange rates", e);
        }
        RateTable loaded = new RateTable(rates);
        table = loaded;
        loadedAtNanos = System.nanoTime();
        return loaded;
    }

    private double lastPublishedAsNumber() {
        RateTable current = table;
        return current == null ? Double.NaN : current.lastPublishedMonth()
                .map(m -> (double) (m.getYear() * 100 + m.getMonthValue())).orElse(Double.NaN);
    }

    private double monthsCarriedForward() {
        RateTable current = table;
        if (current == null) {
            return Double.NaN;
        }
        YearMonth now = YearMonth.now(clock.withZone(timeZone));
        return current.lastPublishedMonth().map(last -> (double) Math.max(0, ChronoUnit.MONTHS.between(last, now)))
                .orElse(Double.NaN);
    }

    /**
     * What is wrong with rates an operator loads for a month: each rate positive, at most 6 decimals and
     * 12 integer digits, of a currency the contract knows; the month not before the table's first and not
     * after next month (rates are published for a month, not years ahead).
     */
    public List<Violation> check(YearMonth month, Map<String, BigDecimal> rates) {
        List<Violation> out = new ArrayList<>();
        Optional<YearMonth> first = table().firstMonth();
        if (first.isPresent() && month.isBefore(first.get())) {
            out.add(new Violation("month", "must not be before " + first.get()
                    + ", the table's first month"));
        }
        YearMonth next = YearMonth.now(clock.withZone(timeZone)).plusMonths(1);
        if (month.isAfter(next)) {
            out.add(new Violation("month", "must not be after " + next));
        }
        if (rates == null || rates.isEmpty()) {
            out.add(new Violation("body", "must map at least one currency to its CNY rate"));
            return out;
        }
        rates.forEach((currency, rate) -> {
            if (!loadable(currency)) {
                out.add(new Violation(currency, "unknown currency (CNY is always 1)"));
            } else if (rate == null || rate.signum() <= 0) {
                out.add(new Violation(currency, "must be a positive number"));
            } else if ((long) rate.precision() - rate.scale() > MAX_RATE_INTEGER_DIGITS) {
                out.add(new Violation(currency, "must be below 10^" + MAX_RATE_INTEGER_DIGITS));
            } else if (rate.scale() > RATE_SCALE && rate.stripTrailingZeros().scale() > RATE_SCALE) {
                out.add(new Violation(currency, "must have at most " + RATE_SCALE + " decimal places"));
            }
        });
        return out;
    }

    /** Currencies an operator may load: those the contract's rules know, CNY aside (always 1). */
    public static boolean loadable(String currency) {
        return !ReferenceData.CNY.equals(currency) && ReferenceData.standard().currencies().contains(currency);
    }
}
