package dev.customs.bench;

import dev.customs.localstack.LocalPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where PostgreSQL's time goes during a phase, per statement, from {@code pg_stat_statements} (loaded by the
 * local stack): reset before the phase, read after it. Execution time only, as the server measures it; the
 * round trips and the client's own work are not in it.
 */
final class StatementProfile {

    /** One normalised statement: how often it ran, its total execution time and the rows it touched. */
    record Entry(String database, long calls, double totalMillis, long rows, String query) {
    }

    private static final int QUERY_CHARS = 110;

    private final LocalPostgres postgres;
    private final List<String> databases;

    StatementProfile(LocalPostgres postgres, List<String> databases) {
        this.postgres = postgres;
        this.databases = List.copyOf(databases);
    }

    void reset() {
        for (String database : databases) {
            try (Connection c = postgres.superuser(database); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                st.execute("SELECT pg_stat_statements_reset()");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reset pg_stat_statements in " + database, e);
            }
        }
    }

    /** The {@code limit} statements of each database that took the most execution time since {@link #reset}. */
    List<Entry> top(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (String database : databases) {
            try (Connection c = postgres.superuser(database); PreparedStatement st = c.prepareStatement("""
                         SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                         ORDER BY total_exec_time DESC LIMIT ?""")) {
                st.setInt(1, limit);
                ResultSet rows = st.executeQuery();
                while (rows.next()) {
                    String query = rows.getString(4);
                    entries.add(new Entry(database, rows.getLong(1), rows.getDouble(2), rows.getLong(3),
                            query.length() <= QUERY_CHARS ? query : query.substring(0, QUERY_CHARS) + "..."));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read pg_stat_statements in " + database, e);
            }
        }
        return entries;
    }
}
