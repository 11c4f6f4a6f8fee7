package dev.customs.zone.ingest;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.ingest.KeyedAmounts;
import dev.customs.ingest.TotalsDelta;
import dev.customs.ingest.TotalsProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

import static dev.customs.ingest.KeyedAmounts.column;

/**
 * Area totals: every declaration that names an area counts there, whatever its flow. The daily and monthly
 * rows of one area also count the synthetic declarations among theirs, for the area's totals. Beside them:
 * every area's monthly totals by flow (rankings on first-line trade), one area's first-line trade by partner
 * (only the first line has a partner abroad) and its goods by HS chapter and flow.
 *
 * <p>Each change goes to the daily rows and, in the same transaction, to the monthly ones that answer the
 * whole months of a range (see {@code ZoneTotalsService}). A batch is aggregated per key first, so a batch
 * of thousands of declarations over a few days adds only a few hundred monthly upserts.
 */
@ApplicationScoped
public class ZoneTotalsProjection implements TotalsProjection {

    private record Key(String zoneCode, LocalDate day, ZoneFlow flow, String tradeMode, Direction direction) {
    }

    private record MonthlyKey(String zoneCode, YearMonth month, ZoneFlow flow, String tradeMode, Direction direction) {
    }

    private record AreaMonthlyKey(YearMonth month, String zoneCode, Direction direction) {
    }

    private record AreaFlowMonthlyKey(YearMonth month, String zoneCode, ZoneFlow flow, Direction direction) {
    }

    private record PartnerKey(String zoneCode, LocalDate day, String partner, Direction direction) {
    }

    private record PartnerMonthlyKey(String zoneCode, YearMonth month, String partner, Direction direction) {
    }

    private record ChapterKey(String zoneCode, LocalDate day, ZoneFlow flow, String chapter, Direction direction) {
    }

    private record ChapterMonthlyKey(String zoneCode, YearMonth month, ZoneFlow flow, String chapter,
                                     Direction direction) {
    }

    private static final int CHAPTER_DIGITS = 2;

    private static final String DECLARATIONS = "declarations";
    private static final String SYNTHETIC_DECLARATIONS = "synthetic_declarations";

    private static final KeyedAmounts.Table<Key> DAILY = KeyedAmounts.table("zone_daily_totals", DECLARATIONS,
            column("zone_code", "text", Key::zoneCode),
            column("day", "date", Key::day),
            column("zone_flow", "text", Key::flow),
            column("trade_mode", "text", Key::tradeMode),
            column("direction", "text", Key::direction)).countingSynthetic(SYNTHETIC_DECLARATIONS);
    // Monthly rows are keyed by the month's first day.
    private static final KeyedAmounts.Table<MonthlyKey> MONTHLY = KeyedAmounts.table("zone_monthly_totals", DECLARATIONS,
            column("zone_code", "text", MonthlyKey::zoneCode),
            column("month", "date", (MonthlyKey key) -> key.month().atDay(1)),
            column("zone_flow", "text", MonthlyKey::flow),
            column("trade_mode", "text", MonthlyKey::tradeMode),
            column("direction", "text", MonthlyKey::direction)).countingSynthetic(SYNTHETIC_DECLARATIONS);
    private static final KeyedAmounts.Table<AreaMonthlyKey> AREA_MONTHLY = KeyedAmounts.table("area_monthly_totals",
            DECLARATIONS,
            column("month", "date", (AreaMonthlyKey key) -> key.month().atDay(1)),
            column("zone_code", "text", AreaMonthlyKey::zoneCode),
            column("direction", "text", AreaMonthlyKey::direction));
    private static final KeyedAmounts.Table<AreaFlowMonthlyKey> AREA_FLOW_MONTHLY = KeyedAmounts.table(
            "area_flow_monthly_totals", DECLARATIONS,
            column("month", "date", (AreaFlowMonthlyKey key) -> key.month().atDay(1)),
            column("zone_code", "text", AreaFlowMonthlyKey::zoneCode),
            column("zone_flow", "text", AreaFlowMonthlyKey::flow),
            column("direction", "text", AreaFlowMonthlyKey::direction));
    private static final KeyedAmounts.Table<PartnerKey> PARTNER_DAILY = KeyedAmounts.table("zone_partner_daily_totals",
            DECLARATIONS,
            column("zone_code", "text", PartnerKey::zoneCode),
            column("day", "date", PartnerKey::day),
            column("partner_country", "text", PartnerKey::partner),
            column("direction", "text", PartnerKey::direction));
    private static final KeyedAmounts.Table<PartnerMonthlyKey> PARTNER_MONTHLY = KeyedAmounts.table(
            "zone_partner_monthly_totals", DECLARATIONS,
            column("zone_code", "text", PartnerMonthlyKey::zoneCode),
            column("month", "date", (PartnerMonthlyKey key) -> key.month().atDay(1)),
            column("partner_country", "text", PartnerMonthlyKey::partner),
            column("direction", "text", PartnerMonthlyKey::direction));
    private static final String ITEMS = "items";
    private static final KeyedAmounts.Table<ChapterKey> CHAPTER_DAILY = KeyedAmounts.table("zone_chapter_daily_totals",
            ITEMS,
            column("zone_code", "text", ChapterKey::zoneCode),
            column("day", "date", ChapterKey::day),
            column("zone_flow", "text", ChapterKey::flow),
            column("hs_chapter", "text", ChapterKey::chapter),
            column("direction", "text", ChapterKey::direction));
    private static final KeyedAmounts.Table<ChapterMonthlyKey> CHAPTER_MONTHLY = KeyedAmounts.table(
            "zone_chapter_monthly_totals", ITEMS,
            column("zone_code", "text", ChapterMonthlyKey::zoneCode),
            column("month", "date", (ChapterMonthlyKey key) -> key.month().atDay(1)),
            column("zone_flow", "text", ChapterMonthlyKey::flow),
            column("hs_chapter", "text", ChapterMonthlyKey::chapter),
            column("direction", "text", ChapterMonthlyKey::direction));

    @Override
    public TotalsDelta newDelta() {
        KeyedAmounts<Key> daily = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey> monthly = new KeyedAmounts<>();
        KeyedAmounts<AreaMonthlyKey> areaMonthly = new KeyedAmounts<>();
        KeyedAmounts<AreaFlowMonthlyKey> areaFlowMonthly = new KeyedAmounts<>();
        KeyedAmounts<PartnerKey> partnerDaily = new KeyedAmounts<>();
        KeyedAmounts<PartnerMonthlyKey> partnerMonthly = new KeyedAmounts<>();
        KeyedAmounts<ChapterKey> chapterDaily = new KeyedAmounts<>();
        KeyedAmounts<ChapterMonthlyKey> chapterMonthly = new KeyedAmounts<>();
        return new TotalsDelta() {
            @Override
            public void add(DeclarationState state, int sign) {
                if (state.zoneCode() == null) {
                    return;
                }
                YearMonth month = YearMonth.from(state.declarationDate());
                int synthetic = state.synthetic() ? 1 : 0;
                daily.add(new Key(state.zoneCode(), state.declarationDate(), state.zoneFlow(), state.tradeMode(),
                        state.direction()), sign, 1, synthetic, state.totalValueCny(), state.totalValueUsd());
                monthly.add(new MonthlyKey(state.zoneCode(), month, state.zoneFlow(), state.tradeMode(),
                        state.direction()), sign, 1, synthetic, state.totalValueCny(), state.totalValueUsd());
                areaMonthly.add(new AreaMonthlyKey(month, state.zoneCode(), state.direction()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                areaFlowMonthly.add(new AreaFlowMonthlyKey(month, state.zoneCode(), state.zoneFlow(), state.direction()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
                if (state.zoneFlow() == ZoneFlow.FIRST_LINE) {
                    partnerDaily.add(new PartnerKey(state.zoneCode(), state.declarationDate(), state.partnerCountry(),
                            state.direction()), sign, 1, state.totalValueCny(), state.totalValueUsd());
                    partnerMonthly.add(new PartnerMonthlyKey(state.zoneCode(), month, state.partnerCountry(),
                            state.direction()), sign, 1, state.totalValueCny(), state.totalValueUsd());
                }
                for (DeclarationItem item : state.items()) {
                    String chapter = item.hsCode().substring(0, CHAPTER_DIGITS);
                    chapterDaily.add(new ChapterKey(state.zoneCode(), state.declarationDate(), state.zoneFlow(), chapter,
                            state.direction()), sign, 1, item.valueCny(), item.valueUsd());
                    chapterMonthly.add(new ChapterMonthlyKey(state.zoneCode(), month, state.zoneFlow(), chapter,
                            state.direction()), sign, 1, item.valueCny(), item.valueUsd());
                }
            }

            @Override
            public void writeTo(Connection connection) throws SQLException {
                daily.upsert(connection, DAILY);
                monthly.upsert(connection, MONTHLY);
                areaMonthly.upsert(connection, AREA_MONTHLY);
                areaFlowMonthly.upsert(connection, AREA_FLOW_MONTHLY);
                partnerDaily.upsert(connection, PARTNER_DAILY);
                partnerMonthly.upsert(connection, PARTNER_MONTHLY);
                chapterDaily.upsert(connection, CHAPTER_DAILY);
                chapterMonthly.upsert(connection, CHAPTER_MONTHLY);
            }
        };
    }
}
