package dev.customs.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Amounts aggregated per key within one batch and written as one upsert statement per table: a multi-row
 * upsert that names a key twice fails in PostgreSQL, and one row per key is also the least work.
 *
 * <p>The rows travel as one array per column and are unnested by the statement itself: one statement and
 * one plan per table and batch, where a JDBC batch of single-row upserts cost a bind per value on both
 * sides. Rows are written in ascending key order, so two consumers that briefly overlap during a
 * rebalance lock shared totals rows in the same order and wait for each other instead of deadlocking.
 */
public final class KeyedAmounts<K> {

    /** One key column of a totals table: its name, its SQL type and how to read it from a key. */
    public record Column<K>(String name, String sqlType, Function<K, ?> value) {
    }

    /**
     * A totals table keyed by {@code keys}: a new key inserts its row, an existing one adds the signed delta
     * to its count column, its synthetic count column if it has one, {@code value_cny} and {@code value_usd}.
     * Table and column names are the caller's constants, never input.
     */
    public static final class Table<K> {

        private final String table;
        private final String countColumn;
        private final List<Column<K>> keys;
        /** Null when the table does not count synthetic declarations apart. */
        private final String syntheticColumn;
        private final String upsertSql;

        private Table(String table, String countColumn, List<Column<K>> keys, String syntheticColumn) {
            this.table = table;
            this.countColumn = countColumn;
            this.keys = List.copyOf(keys);
            this.syntheticColumn = syntheticColumn;
            String keyNames = keys.stream().map(Column::name).collect(Collectors.joining(", "));
            String arrays = keys.stream().map(c -> "CAST(? AS " + c.sqlType() + "[])")
                    .collect(Collectors.joining(", "));
            String synthetic = syntheticColumn == null ? "" : ", " + syntheticColumn;
            String syntheticArray = syntheticColumn == null ? "" : ", CAST(? AS bigint[])";
            String addSynthetic = syntheticColumn == null ? ""
                    : "\n    %1$s = t.%1$s + EXCLUDED.%1$s,".formatted(syntheticColumn);
            // unnest yields the rows in array order and INSERT ... SELECT takes them in that order.
            this.upsertSql = """
                    INSERT INTO %1$s AS t (%2$s, %3$s%5$s, value_cny, value_usd)
                    SELECT * FROM unnest(%4$s, CAST(? AS bigint[])%6$s, CAST(? AS numeric[]), CAST(? AS numeric[]))
                    ON CONFLICT (%2$s) DO UPDATE SET
                        %3$s = t.%3$s + EXCLUDED.%3$s,%7$s
                        value_cny = t.value_cny + EXCLUDED.value_cny,
                        value_usd = t.value_usd + EXCLUDED.value_usd""".formatted(table, keyNames, countColumn, arrays,
                    synthetic, syntheticArray, addSynthetic);
        }

        /** The same table, with a column counting the synthetic declarations among those it counts. */
        public Table<K> countingSynthetic(String column) {
            return new Table<>(table, countColumn, keys, column);
        }

        String upsertSql() {
            return upsertSql;
        }
    }

    public static <K> Column<K> column(String name, String sqlType, Function<K, ?> value) {
        return new Column<>(name, sqlType, value);
    }

    @SafeVarargs
    public static <K> Table<K> table(String table, String countColumn, Column<K>... keys) {
        return new Table<>(table, countColumn, List.of(keys), null);
    }

    private final Map<K, Amounts> byKey = new HashMap<>();

    public void add(K key, int sign, long count, BigDecimal cny, BigDecimal usd) {
        add(key, sign, count, 0, cny, usd);
    }

    /** @param syntheticCount how many of the {@code count} are synthetic: for a table {@link Table#countingSynthetic} */
    public void add(K key, int sign, long count, long syntheticCount, BigDecimal cny, BigDecimal usd) {
        byKey.computeIfAbsent(key, k -> new Amounts()).add(sign, count, syntheticCount, cny, usd);
    }

    /** Writes every changed key in one statement, in ascending order of the keys' column values. */
    public void upsert(Connection connection, Table<K> table) throws SQLException {
        List<Row> rows = new ArrayList<>(byKey.size());
        for (Map.Entry<K, Amounts> entry : byKey.entrySet()) {
            if (!entry.getValue().isZero()) {
                rows.add(new Row(keyText(table, entry.getKey()), entry.getValue()));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.sort((a, b) -> Arrays.compare(a.key(), b.key()));
        int columns = table.keys.size();
        try (PreparedStatement statement = connection.prepareStatement(table.upsertSql())) {
            for (int c = 0; c < columns; c++) {
                String[] values = new String[rows.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = rows.get(r).key()[c];
                }
                statement.setArray(c + 1, connection.createArrayOf("text", values));
            }
            String[] counts = new String[rows.size()];
            String[] synthetic = new String[rows.size()];
            String[] cny = new String[rows.size()];
            String[] usd = new String[rows.size()];
            for (int r = 0; r < counts.length; r++) {
                Amounts amounts = rows.get(r).amounts();
                counts[r] = Long.toString(amounts.declarations());
                synthetic[r] = Long.toString(amounts.synthetic());
                cny[r] = cents(amounts.cny()).toPlainString();
                usd[r] = cents(amounts.usd()).toPlainString();
            }
            int parameter = columns;
            statement.setArray(++parameter, connection.createArrayOf("text", counts));
            if (table.syntheticColumn != null) {
                statement.setArray(++parameter, connection.createArrayOf("text", synthetic));
            }
            statement.setArray(++parameter, connection.createArrayOf("text", cny));
            statement.setArray(++parameter, connection.createArrayOf("text", usd));
            statement.executeUpdate();
        }
    }

    /**
     * The key's columns in their SQL text form (dates ISO, enums by name), which is also the sort order:
     * any fixed order will do against deadlocks, as long as every consumer uses the same one.
     */
    private static <K> String[] keyText(Table<K> table, K key) {
        String[] text = new String[table.keys.size()];
        for (int c = 0; c < text.length; c++) {
            Object value = table.keys.get(c).value().apply(key);
            // A null stays null, so a NOT NULL key column rejects it instead of storing the text "null".
            text[c] = value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
        return text;
    }

    /**
     * The totals columns are unconstrained NUMERIC (no row can overflow) and keep the scale they are given:
     * an amount goes in with at least two fractional digits, so a sum reads back to the cent ("5.00", not
     * "5"). More digits than two, if the rules ever let them through, are kept exactly, never rounded.
     */
    private static BigDecimal cents(BigDecimal amount) {
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    private record Row(String[] key, Amounts amounts) {
    }
}
