package dev.customs.zone.ingest;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.ingest.KeyedAmounts;
import dev.customs.ingest.TotalsDelta;
import dev.customs.ingest.TotalsProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Area totals: every declaration that names an area counts there, whatever its flow.
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

    private static final String UPSERT = KeyedAmounts.addingUpsert("zone_daily_totals", DECLARATIONS,
            "zone_code", "day", "zone_flow", "trade_mode", "direction");
    private static final String UPSERT_MONTHLY = KeyedAmounts.addingUpsert("zone_monthly_totals", DECLARATIONS,
            "zone_code", "month", "zone_flow", "trade_mode", "direction");
    private static final String UPSERT_AREA_MONTHLY = KeyedAmounts.addingUpsert("area_monthly_totals", DECLARATIONS,
            "month", "zone_code", "direction");

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
                daily.add(new Key(state.zoneCode(), state.declarationDate(), state.zoneFlow(), state.tradeMode(),
                        state.direction()), sign, 1, state.totalValueCny(), state.totalValueUsd());
                monthly.add(new MonthlyKey(state.zoneCode(), month, state.zoneFlow(), state.tradeMode(),
                        state.direction()), sign, 1, state.totalValueCny(), state.totalValueUsd());
                areaMonthly.add(new AreaMonthlyKey(month, state.zoneCode(), state.direction()),
                        sign, 1, state.totalValueCny(), state.totalValueUsd());
            }

            @Override
            public void writeTo(Connection connection) throws SQLException {
                daily.upsert(connection, UPSERT, (statement, key) -> {
                    statement.setString(1, key.zoneCode());
                    statement.setDate(2, Date.valueOf(key.day()));
                    statement.setString(3, key.flow().name());
                    statement.setString(4, key.tradeMode());
                    statement.setString(5, key.direction().name());
                    return 6;
                });
                // Monthly rows are keyed by the month's first day.
                monthly.upsert(connection, UPSERT_MONTHLY, (statement, key) -> {
                    statement.setString(1, key.zoneCode());
                    statement.setDate(2, Date.valueOf(key.month().atDay(1)));
                    statement.setString(3, key.flow().name());
                    statement.setString(4, key.tradeMode());
                    statement.setString(5, key.direction().name());
                    return 6;
                });
                areaMonthly.upsert(connection, UPSERT_AREA_MONTHLY, (statement, key) -> {
                    statement.setDate(1, Date.valueOf(key.month().atDay(1)));
                    statement.setString(2, key.zoneCode());
                    statement.setString(3, key.direction().name());
                    return 4;
                });
            }
        };
    }
}
