package dev.customs.totals;

import dev.customs.contract.event.Direction;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A totals query over a date range that reads the range's whole months from a monthly table and its cut
 * days from a daily one (see {@link MonthSplit}), as one {@code UNION ALL} grouped once: one round trip,
 * and the two sources' sums added exactly, in PostgreSQL's numeric arithmetic, before any filter on them.
 *
 * <p>The SQL texts are the caller's constants, never user input. Each part selects the same columns and
 * ends in {@code BETWEEN ? AND ?} on its table's date column (the month's first day in the monthly table),
 * preceded by the same key parameters in both, such as one area's code. The grouping query answers the
 * group's key columns first, then direction, count, CNY and USD, then any further sums a caller reads with
 * {@link #rows}.
 *
 * @param outer   the grouping query, with one {@code %s} where the union of the parts goes
 * @param monthly one part over the monthly table
 * @param daily   one part over the daily table
 */
public record MonthSplitQuery(String outer, String monthly, String daily) {

    /** Reads a group's key from the first columns of its row. */
    @FunctionalInterface
    public interface KeyReader<K> {
        K read(ResultSet row) throws SQLException;
    }

    /** Reads one row of the answer. */
    @FunctionalInterface
    public interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    /** One group of the answer in one direction. */
    public record Sum<K>(K key, Direction direction, long count, BigDecimal cny, BigDecimal usd) {

        /** The group of the row's first columns: {@code keyColumns} key columns, direction, count, CNY, USD. */
        public static <K> Sum<K> read(ResultSet row, int keyColumns, KeyReader<K> keyOf) throws SQLException {
            return new Sum<>(keyOf.read(row), Direction.valueOf(row.getString(keyColumns + 1)),
                    row.getLong(keyColumns + 2), row.getBigDecimal(keyColumns + 3), row.getBigDecimal(keyColumns + 4));
        }

        public TradeTotals totals() {
            return TradeTotals.EMPTY.plus(direction, count, cny, usd);
        }
    }

    private static final String UNION = "\nUNION ALL\n";

    /** One part of the union with the first and last date it reads. */
    private record Part(String select, LocalDate first, LocalDate last) {
    }

    /**
     * The answer's groups, in the order PostgreSQL returns them.
     *
     * @param keyColumns    how many columns the key takes before the direction
     * @param keyParameters bound, in order, in every part before its two dates
     * @throws IllegalStateException when the database fails the query: unchecked, as a caller can only
     *                               answer with a server error
     */
    public <K> List<Sum<K>> sums(DataSource dataSource, MonthSplit split, int keyColumns, KeyReader<K> keyOf,
                                 Object... keyParameters) {
        return rows(dataSource, split, row -> Sum.read(row, keyColumns, keyOf), keyParameters);
    }

    /**
     * The answer's rows as {@code rowOf} reads them, in the order PostgreSQL returns them: for a grouping
     * query that sums more than {@link Sum} holds.
     *
     * @throws IllegalStateException as {@link #sums} does
     */
    public <R> List<R> rows(DataSource dataSource, MonthSplit split, RowReader<R> rowOf, Object... keyParameters) {
        List<Part> parts = parts(split);
        if (parts.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql(parts))) {
            int index = 1;
            for (Part part : parts) {
                for (Object key : keyParameters) {
                    statement.setObject(index++, key);
                }
                statement.setObject(index++, part.first());
                statement.setObject(index++, part.last());
            }
            List<R> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(rowOf.read(row));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Totals query failed", e);
        }
    }

    /** The statement {@link #sums} prepares for this split, its parameters in the same order. */
    public String sql(MonthSplit split) {
        return sql(parts(split));
    }

    private String sql(List<Part> parts) {
        return outer.formatted(parts.stream().map(Part::select).collect(Collectors.joining(UNION)));
    }

    private List<Part> parts(MonthSplit split) {
        List<Part> parts = new ArrayList<>();
        split.months().ifPresent(m -> parts.add(new Part(monthly, m.firstStart(), m.lastStart())));
        split.days().forEach(d -> parts.add(new Part(daily, d.first(), d.last())));
        return parts;
    }
}
