package dev.customs.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Amounts aggregated per key within one batch and written as one batched upsert: a multi-row upsert
 * that names a key twice fails in PostgreSQL, and one row per key is also the least work.
 */
public final class KeyedAmounts<K> {

    /** The count, CNY and USD columns every totals row carries after its key. */
    private static final int VALUE_COLUMNS = 3;

    /** Binds a key's columns starting at parameter 1 and returns the next free parameter index. */
    @FunctionalInterface
    public interface KeyBinder<K> {
        int bind(PreparedStatement statement, K key) throws SQLException;
    }

    private final Map<K, Amounts> byKey = new LinkedHashMap<>();

    /**
     * The upsert {@link #upsert} expects for a totals table keyed by {@code keyColumns}: a new key inserts
     * its row, an existing one adds the signed delta to its count column, {@code value_cny} and
     * {@code value_usd}. Table and column names are the caller's constants, never input.
     */
    public static String addingUpsert(String table, String countColumn, String... keyColumns) {
        String keys = String.join(", ", keyColumns);
        String parameters = String.join(", ", Collections.nCopies(keyColumns.length + VALUE_COLUMNS, "?"));
        return """
                INSERT INTO %1$s AS t (%2$s, %3$s, value_cny, value_usd)
                VALUES (%4$s)
                ON CONFLICT (%2$s) DO UPDATE SET
                    %3$s = t.%3$s + EXCLUDED.%3$s,
                    value_cny = t.value_cny + EXCLUDED.value_cny,
                    value_usd = t.value_usd + EXCLUDED.value_usd""".formatted(table, keys, countColumn, parameters);
    }

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
