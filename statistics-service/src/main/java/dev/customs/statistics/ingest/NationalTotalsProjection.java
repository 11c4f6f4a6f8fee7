package dev.customs.statistics.ingest;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.reference.ProductGroup;
import dev.customs.ingest.KeyedAmounts;
import dev.customs.ingest.TotalsDelta;
import dev.customs.ingest.TotalsProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

import static dev.customs.ingest.KeyedAmounts.column;

/**
 * National totals: only trade that crosses the national border counts, i.e. trade outside areas and
 * areas' first-line trade; second-line and intra-zone moves would count the same goods twice.
 *
 * <p>Each change goes to the daily tables and, in the same transaction, to one narrow monthly table per
 * breakdown, which answer the whole months of a range, and to a narrow daily table for the national
 * totals' cut days (see {@code DailyTotalsQueries}). The national tables, daily and monthly, also count the
 * synthetic declarations among theirs. The further breakdowns GAC publishes (enterprise type, domestic region,
 * customs district, transport mode, product group; see {@link DeclarantDimensions}) each have a narrow daily
 * and a narrow monthly table of their own. A batch is aggregated per key first, so a batch of thousands of
 * declarations over a few days adds only a few hundred monthly upserts.
 */
@ApplicationScoped
public class NationalTotalsProjection implements TotalsProjection {

    private record TradeKey(LocalDate day, Direction direction, String partnerCountry, String tradeMode,
                            boolean viaZone) {
    }

    private record CommodityKey(LocalDate day, Direction direction, String hsChapter) {
    }

    private record NationalDayKey(LocalDate day, Direction direction, boolean viaZone) {
    }

    /** A narrow monthly table's key: the month, the direction and the one value its breakdown groups by. */
    private record MonthlyKey<V>(YearMonth month, Direction direction, V value) {
    }

    /** A narrow daily table's key: the day, the direction and the one value its breakdown groups by. */
    private record DailyKey<V>(LocalDate day, Direction direction, V value) {
    }

    private static final int CHAPTER_DIGITS = 2;

    private static final String DECLARATIONS = "declarations";
    private static final String SYNTHETIC_DECLARATIONS = "synthetic_declarations";
    private static final String ITEMS = "items";

    private static final KeyedAmounts.Table<TradeKey> TRADE = KeyedAmounts.table("trade_daily_totals", DECLARATIONS,
            column("day", "date", TradeKey::day),
            column("direction", "text", TradeKey::direction),
            column("partner_country", "text", TradeKey::partnerCountry),
            column("trade_mode", "text", TradeKey::tradeMode),
            column("via_zone", "boolean", TradeKey::viaZone));
    private static final KeyedAmounts.Table<CommodityKey> COMMODITY = KeyedAmounts.table("commodity_daily_totals", ITEMS,
            column("day", "date", CommodityKey::day),
            column("direction", "text", CommodityKey::direction),
            column("hs_chapter", "text", CommodityKey::hsChapter));
    private static final KeyedAmounts.Table<NationalDayKey> NATIONAL_DAILY = KeyedAmounts.table("national_daily_totals",
            DECLARATIONS,
            column("day", "date", NationalDayKey::day),
            column("direction", "text", NationalDayKey::direction),
            column("via_zone", "boolean", NationalDayKey::viaZone)).countingSynthetic(SYNTHETIC_DECLARATIONS);
    private static final KeyedAmounts.Table<MonthlyKey<Boolean>> NATIONAL_MONTHLY =
            NationalTotalsProjection.<Boolean>monthly("national_monthly_totals", DECLARATIONS, "via_zone", "boolean")
                    .countingSynthetic(SYNTHETIC_DECLARATIONS);
    private static final KeyedAmounts.Table<MonthlyKey<String>> PARTNER_MONTHLY =
            monthly("partner_monthly_totals", DECLARATIONS, "partner_country", "text");
    private static final KeyedAmounts.Table<MonthlyKey<String>> TRADE_MODE_MONTHLY =
            monthly("trade_mode_monthly_totals", DECLARATIONS, "trade_mode", "text");
    private static final KeyedAmounts.Table<MonthlyKey<String>> COMMODITY_MONTHLY =
            monthly("commodity_monthly_totals", ITEMS, "hs_chapter", "text");

    private static final KeyedAmounts.Table<DailyKey<String>> ENTERPRISE_TYPE_DAILY =
            daily("enterprise_type_daily_totals", DECLARATIONS, "enterprise_type");
    private static final KeyedAmounts.Table<MonthlyKey<String>> ENTERPRISE_TYPE_MONTHLY =
            monthly("enterprise_type_monthly_totals", DECLARATIONS, "enterprise_type", "text");
    private static final KeyedAmounts.Table<DailyKey<String>> DOMESTIC_REGION_DAILY =
            daily("domestic_region_daily_totals", DECLARATIONS, "domestic_region");
    private static final KeyedAmounts.Table<MonthlyKey<String>> DOMESTIC_REGION_MONTHLY =
            monthly("domestic_region_monthly_totals", DECLARATIONS, "domestic_region", "text");
    private static final KeyedAmounts.Table<DailyKey<String>> CUSTOMS_DISTRICT_DAILY =
            daily("customs_district_daily_totals", DECLARATIONS, "customs_district");
    private static final KeyedAmounts.Table<MonthlyKey<String>> CUSTOMS_DISTRICT_MONTHLY =
            monthly("customs_district_monthly_totals", DECLARATIONS, "customs_district", "text");
    private static final KeyedAmounts.Table<DailyKey<String>> TRANSPORT_MODE_DAILY =
            daily("transport_mode_daily_totals", DECLARATIONS, "transport_mode");
    private static final KeyedAmounts.Table<MonthlyKey<String>> TRANSPORT_MODE_MONTHLY =
            monthly("transport_mode_monthly_totals", DECLARATIONS, "transport_mode", "text");
    private static final KeyedAmounts.Table<DailyKey<String>> PRODUCT_GROUP_DAILY =
            daily("product_group_daily_totals", ITEMS, "product_group");
    private static final KeyedAmounts.Table<MonthlyKey<String>> PRODUCT_GROUP_MONTHLY =
            monthly("product_group_monthly_totals", ITEMS, "product_group", "text");

    private final DeclarantDimensions dimensions = DeclarantDimensions.standard();

    @Override
    public TotalsDelta newDelta() {
        KeyedAmounts<TradeKey> trade = new KeyedAmounts<>();
        KeyedAmounts<CommodityKey> commodities = new KeyedAmounts<>();
        KeyedAmounts<NationalDayKey> nationalDaily = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<Boolean>> nationalMonthly = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<String>> partnerMonthly = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<String>> tradeModeMonthly = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey<String>> commodityMonthly = new KeyedAmounts<>();
        Breakdown enterpriseTypes = new Breakdown(ENTERPRISE_TYPE_DAILY, ENTERPRISE_TYPE_MONTHLY);
        Breakdown domesticRegions = new Breakdown(DOMESTIC_REGION_DAILY, DOMESTIC_REGION_MONTHLY);
        Breakdown customsDistricts = new Breakdown(CUSTOMS_DISTRICT_DAILY, CUSTOMS_DISTRICT_MONTHLY);
        Breakdown transportModes = new Breakdown(TRANSPORT_MODE_DAILY, TRANSPORT_MODE_MONTHLY);
        Breakdown productGroups = new Breakdown(PRODUCT_GROUP_DAILY, PRODUCT_GROUP_MONTHLY);
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
                int synthetic = state.synthetic() ? 1 : 0;
                nationalDaily.add(new NationalDayKey(day, direction, viaZone),
                        sign, 1, synthetic, state.totalValueCny(), state.totalValueUsd());
                nationalMonthly.add(new MonthlyKey<>(month, direction, viaZone),
                        sign, 1, synthetic, state.totalValueCny(), state.totalValueUsd());
                partnerMonthly.add(new MonthlyKey<>(month, direction, state.partnerCountry()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                tradeModeMonthly.add(new MonthlyKey<>(month, direction, state.tradeMode()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                DeclarantDimensions.Declarant declarant = dimensions.of(state.declarantCode());
                enterpriseTypes.add(day, direction, declarant.enterpriseType(), sign, state);
                domesticRegions.add(day, direction, declarant.domesticRegion(), sign, state);
                customsDistricts.add(day, direction, DeclarantDimensions.customsDistrict(state.customsOffice()), sign, state);
                transportModes.add(day, direction, DeclarantDimensions.transportMode(state.transportMode()), sign, state);
                for (DeclarationItem item : state.items()) {
                    String chapter = item.hsCode().substring(0, CHAPTER_DIGITS);
                    commodities.add(new CommodityKey(day, direction, chapter), sign, 1, item.valueCny(), item.valueUsd());
                    commodityMonthly.add(new MonthlyKey<>(month, direction, chapter),
                            sign, 1, item.valueCny(), item.valueUsd());
                    for (ProductGroup group : dimensions.productGroupsOf(item.hsCode())) {
                        productGroups.add(day, direction, group.name(), sign, 1, item.valueCny(), item.valueUsd());
                    }
                }
            }

            @Override
            public void writeTo(Connection connection) throws SQLException {
                trade.upsert(connection, TRADE);
                commodities.upsert(connection, COMMODITY);
                nationalDaily.upsert(connection, NATIONAL_DAILY);
                nationalMonthly.upsert(connection, NATIONAL_MONTHLY);
                partnerMonthly.upsert(connection, PARTNER_MONTHLY);
                tradeModeMonthly.upsert(connection, TRADE_MODE_MONTHLY);
                commodityMonthly.upsert(connection, COMMODITY_MONTHLY);
                enterpriseTypes.writeTo(connection);
                domesticRegions.writeTo(connection);
                customsDistricts.writeTo(connection);
                transportModes.writeTo(connection);
                productGroups.writeTo(connection);
            }
        };
    }

    /** One further breakdown: its narrow daily and monthly tables, fed the same deltas. */
    private static final class Breakdown {
        private final KeyedAmounts.Table<DailyKey<String>> dailyTable;
        private final KeyedAmounts.Table<MonthlyKey<String>> monthlyTable;
        private final KeyedAmounts<DailyKey<String>> daily = new KeyedAmounts<>();
        private final KeyedAmounts<MonthlyKey<String>> monthly = new KeyedAmounts<>();

        Breakdown(KeyedAmounts.Table<DailyKey<String>> dailyTable, KeyedAmounts.Table<MonthlyKey<String>> monthlyTable) {
            this.dailyTable = dailyTable;
            this.monthlyTable = monthlyTable;
        }

        /** The whole declaration, counted once. */
        void add(LocalDate day, Direction direction, String value, int sign, DeclarationState state) {
            add(day, direction, value, sign, 1, state.totalValueCny(), state.totalValueUsd());
        }

        void add(LocalDate day, Direction direction, String value, int sign, int count, BigDecimal cny, BigDecimal usd) {
            daily.add(new DailyKey<>(day, direction, value), sign, count, cny, usd);
            monthly.add(new MonthlyKey<>(YearMonth.from(day), direction, value), sign, count, cny, usd);
        }

        void writeTo(Connection connection) throws SQLException {
            daily.upsert(connection, dailyTable);
            monthly.upsert(connection, monthlyTable);
        }
    }

    /** A narrow daily table of one breakdown. */
    private static KeyedAmounts.Table<DailyKey<String>> daily(String table, String countColumn, String valueColumn) {
        return KeyedAmounts.table(table, countColumn,
                column("day", "date", DailyKey<String>::day),
                column("direction", "text", DailyKey<String>::direction),
                column(valueColumn, "text", DailyKey<String>::value));
    }

    /** A narrow monthly table; its rows are keyed by the month's first day. */
    private static <V> KeyedAmounts.Table<MonthlyKey<V>> monthly(String table, String countColumn, String valueColumn,
                                                                 String valueType) {
        return KeyedAmounts.table(table, countColumn,
                column("month", "date", (MonthlyKey<V> key) -> key.month().atDay(1)),
                column("direction", "text", MonthlyKey::direction),
                column(valueColumn, valueType, MonthlyKey::value));
    }
}
