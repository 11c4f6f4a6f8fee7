package dev.customs.zone.ingest;

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
 * rows of one area also count the synthetic declarations among theirs, for the area's totals.
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

    @Override
    public TotalsDelta newDelta() {
        KeyedAmounts<Key> daily = new KeyedAmounts<>();
        KeyedAmounts<MonthlyKey> monthly = new KeyedAmounts<>();
        KeyedAmounts<AreaMonthlyKey> areaMonthly = new KeyedAmounts<>();
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
            }

            @Override
            public void writeTo(Connection connection) throws SQLException {
                daily.upsert(connection, DAILY);
                monthly.upsert(connection, MONTHLY);
                areaMonthly.upsert(connection, AREA_MONTHLY);
            }
        };
    }
}
