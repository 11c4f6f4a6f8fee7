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

/** Area totals: every declaration that names an area counts there, whatever its flow. */
@ApplicationScoped
public class ZoneTotalsProjection implements TotalsProjection {

    private record Key(String zoneCode, LocalDate day, ZoneFlow flow, String tradeMode, Direction direction) {
    }

    private static final String UPSERT = """
            INSERT INTO zone_daily_totals AS t
                (zone_code, day, zone_flow, trade_mode, direction, declarations, value_cny, value_usd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (zone_code, day, zone_flow, trade_mode, direction) DO UPDATE SET
                declarations = t.declarations + EXCLUDED.declarations,
                value_cny = t.value_cny + EXCLUDED.value_cny,
                value_usd = t.value_usd + EXCLUDED.value_usd""";

    @Override
    public TotalsDelta newDelta() {
        KeyedAmounts<Key> amounts = new KeyedAmounts<>();
        return new TotalsDelta() {
            @Override
            public void add(DeclarationState state, int sign) {
                if (state.zoneCode() == null) {
                    return;
                }
                Key key = new Key(state.zoneCode(), state.declarationDate(), state.zoneFlow(), state.tradeMode(),
                        state.direction());
                amounts.add(key, sign, 1, state.totalValueCny(), state.totalValueUsd());
            }

            @Override
            public void writeTo(Connection connection) throws SQLException {
                amounts.upsert(connection, UPSERT, (statement, key) -> {
                    statement.setString(1, key.zoneCode());
                    statement.setDate(2, Date.valueOf(key.day()));
                    statement.setString(3, key.flow().name());
                    statement.setString(4, key.tradeMode());
                    statement.setString(5, key.direction().name());
                    return 6;
                });
            }
        };
    }
}
