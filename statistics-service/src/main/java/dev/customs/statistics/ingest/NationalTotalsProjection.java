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
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * National totals: only trade that crosses the national border counts, i.e. trade outside areas and
 * areas' first-line trade; second-line and intra-zone moves would count the same goods twice.
 */
@ApplicationScoped
public class NationalTotalsProjection implements TotalsProjection {

    private record TradeKey(LocalDate day, Direction direction, String partnerCountry, String tradeMode,
                            boolean viaZone) {
    }

    private record CommodityKey(LocalDate day, Direction direction, String hsChapter) {
    }

    private static final int CHAPTER_DIGITS = 2;

    private static final String UPSERT_TRADE = """
            INSERT INTO trade_daily_totals AS t
                (day, direction, partner_country, trade_mode, via_zone, declarations, value_cny, value_usd)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (day, direction, partner_country, trade_mode, via_zone) DO UPDATE SET
                declarations = t.declarations + EXCLUDED.declarations,
                value_cny = t.value_cny + EXCLUDED.value_cny,
                value_usd = t.value_usd + EXCLUDED.value_usd""";

    private static final String UPSERT_COMMODITY = """
            INSERT INTO commodity_daily_totals AS t
                (day, direction, hs_chapter, items, value_cny, value_usd)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (day, direction, hs_chapter) DO UPDATE SET
                items = t.items + EXCLUDED.items,
                value_cny = t.value_cny + EXCLUDED.value_cny,
                value_usd = t.value_usd + EXCLUDED.value_usd""";

    @Override
    public TotalsDelta newDelta() {
        KeyedAmounts<TradeKey> trade = new KeyedAmounts<>();
        KeyedAmounts<CommodityKey> commodities = new KeyedAmounts<>();
        return new TotalsDelta() {
            @Override
            public void add(DeclarationState state, int sign) {
                if (!state.countsNationally()) {
                    return;
                }
                TradeKey key = new TradeKey(state.declarationDate(), state.direction(), state.partnerCountry(),
                        state.tradeMode(), state.zoneCode() != null);
                trade.add(key, sign, 1, state.totalValueCny(), state.totalValueUsd());
                for (DeclarationItem item : state.items()) {
                    CommodityKey chapter = new CommodityKey(state.declarationDate(), state.direction(),
                            item.hsCode().substring(0, CHAPTER_DIGITS));
                    commodities.add(chapter, sign, 1, item.valueCny(), item.valueUsd());
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
            }
        };
    }
}
