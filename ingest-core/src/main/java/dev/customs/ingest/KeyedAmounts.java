package dev.customs.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Amounts aggregated per key within one batch and written as one batched upsert: a multi-row upsert
 * that names a key twice fails in PostgreSQL, and one row per key is also the least work.
 */
public final class KeyedAmounts<K> {

    /** Binds a key's columns starting at parameter 1 and returns the next free parameter index. */
    @FunctionalInterface
    public interface KeyBinder<K> {
        int bind(PreparedStatement statement, K key) throws SQLException;
    }

    private final Map<K, Amounts> byKey = new LinkedHashMap<>();

    public void add(K key, int sign, long count, BigDecimal cny, BigDecimal usd) {
        byKey.computeIfAbsent(key, k -> new Amounts()).add(sign, count, cny, usd);
    }

    /**
     * Runs {@code upsertSql} once per changed key: key columns first (bound by {@code binder}), then
     * declarations, value CNY, value USD.
     */
    public void upsert(Connection connection, String upsertSql, KeyBinder<K> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsertSql)) {
            int pending = 0;
            for (Map.Entry<K, Amounts> entry : byKey.entrySet()) {
                Amounts amounts = entry.getValue();
                if (amounts.isZero()) {
                    continue;
                }
                int next = binder.bind(statement, entry.getKey());
                statement.setLong(next, amounts.declarations());
                statement.setBigDecimal(next + 1, amounts.cny());
                statement.setBigDecimal(next + 2, amounts.usd());
                statement.addBatch();
                pending++;
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
