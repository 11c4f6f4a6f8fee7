package dev.customs.statistics.ingest;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.ingest.KeyedAmounts;
import dev.customs.ingest.TotalsDelta;
import dev.customs.ingest.TotalsProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * National totals: only trade that crosses the national border counts, i.e. trade outside areas and
 * areas' first-line trade; second-line and intra-zone moves would count the same goods twice.
 *
 * <p>Each change goes to the daily tables and, in the same transaction, to one narrow monthly table per
 * breakdown, which answer the whole months of a range (see {@code DailyTotalsQueries}). A batch is
 * aggregated per key first, so a batch of thousands of declarations over a few days adds only a few
 * hundred monthly upserts.
 */
@ApplicationScoped
public class NationalTotalsProjection implements TotalsProjection {

    private record TradeKey(LocalDate day, Direction direction, String partnerCountry, String tradeMode,
                            boolean viaZone) {
    }

    private record CommodityKey(LocalDate day, Direction direction, String hsChapter) {
    }

    /** A narrow monthly table's key: the month, the direction and the one value its breakdown groups by. */
    private record MonthlyKey<V>(YearMonth month, Direction direction, V value) {
    }

    private static final int CHAPTER_DIGITS = 2;

    private static final String DECLARATIONS = "declarations";
    private static final String ITEMS = "items";

    private static final String UPSERT_TRADE = KeyedAmounts.addingUpsert("trade_daily_totals", DECLARATIONS,
            "day", "direction", "partner_country", "trade_mode", "via_zone");
    private static final String UPSERT_COMMODITY = KeyedAmounts.addingUpsert("commodity_daily_totals", ITEMS,
            "day", "direction", "hs_chapter");
    private static final String UPSERT_NATIONAL_MONTHLY = KeyedAmounts.addingUpsert("national_monthly_totals",
            DECLARATIONS, "month", "direction", "via_zone");
    private static final String UPSERT_PARTNER_MONTHLY = KeyedAmounts.addingUpsert("partner_monthly_totals",
            DECLARATIONS, "month", "direction", "partner_country");
    private static final String UPSERT_TRADE_MODE_MONTHLY = KeyedAmounts.addingUpsert("trade_mode_monthly_totals",
            DECLARATIONS, "month", "direction", "trade_mode");
    private static final String UPSERT_COMMODITY_MONTHLY = KeyedAmounts.addingUpsert("commodity_monthly_totals",
            ITEMS, "month", "direction", "hs_chapter");

    @Override
    public TotalsDelta newDelta() {
        KeyedAmounts<TradeKey> trade = new KeyedAmounts<>();
        KeyedAmounts<CommodityKey> commodities = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<Boolean>> nationalMonthly = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<String>> partnerMonthly = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<String>> tradeModeMonthly = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<String>> commodityMonthly = new KeyedAmounts<>();
        return new TotalsDelta() {
            @Override
            public void add(DeclarationState state, int sign) {
                if (!state.countsNationally()) {
                    return;
                }
                LocalDate day = state.declarationDate();
                YearMonth month = YearMonth.from(day);
                Direction direction = state.direction();
                boolean viaZone = state.zoneCode() != null;
                trade.add(new TradeKey(day, direction, state.partnerCountry(), state.tradeMode(), viaZone),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                nationalMonthly.add(new MonthlyKey<>(month, direction, viaZone),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                partnerMonthly.add(new MonthlyKey<>(month, direction, state.partnerCountry()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                tradeModeMonthly.add(new MonthlyKey<>(month, direction, state.tradeMode()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                for (DeclarationItem item : state.items()) {
                    String chapter = item.hsCode().substring(0, CHAPTER_DIGITS);
                    commodities.add(new CommodityKey(day, direction, chapter), sign, 1, item.valueCny(), item.valueUsd());
                    commodityMonthly.add(new MonthlyKey<>(month, direction, chapter),
                            sign, 1, item.valueCny(), item.valueUsd());
                }
            }

            @Override
            public void writeTo(Connection connection) throws SQLException {
                trade.upsert(connection, UPSERT_TRADE, (statement, key) -> {
                    statement.setDate(1, Date.valueOf(key.day()));
                    statement.setString(2, key.direction().name());
                    statement.setString(3, key.partnerCountry());
                    statement.setString(4, key.tradeMode());
                    statement.setBoolean(5, key.viaZone());
                    return 6;
                });
                commodities.upsert(connection, UPSERT_COMMODITY, (statement, key) -> {
                    statement.setDate(1, Date.valueOf(key.day()));
                    statement.setString(2, key.direction().name());
                    statement.setString(3, key.hsChapter());
                    return 4;
                });
                nationalMonthly.upsert(connection, UPSERT_NATIONAL_MONTHLY, NationalTotalsProjection::bindMonthly);
                partnerMonthly.upsert(connection, UPSERT_PARTNER_MONTHLY, NationalTotalsProjection::bindMonthly);
                tradeModeMonthly.upsert(connection, UPSERT_TRADE_MODE_MONTHLY, NationalTotalsProjection::bindMonthly);
                commodityMonthly.upsert(connection, UPSERT_COMMODITY_MONTHLY, NationalTotalsProjection::bindMonthly);
            }
        };
    }

    /** Monthly rows are keyed by the month's first day. */
    private static int bindMonthly(PreparedStatement statement, MonthlyKey<?> key) throws SQLException {
        statement.setDate(1, Date.valueOf(key.month().atDay(1)));
        statement.setString(2, key.direction().name());
        statement.setObject(3, key.value());
        return 4;
    }
}
