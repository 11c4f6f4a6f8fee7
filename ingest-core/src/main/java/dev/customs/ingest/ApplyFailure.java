package dev.customs.ingest;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Why applying a batch failed, which decides what the consumer does next.
 *
 * <p>How a data error is told apart from an outage: by the SQLState of the first SQLException in the cause
 * chain that has one. PostgreSQL reports a problem with the values themselves in classes 22 (data exception:
 * a date out of range, a value too long) and 23 (integrity constraint: a CHECK or NOT NULL), plus 54
 * (program limit exceeded: a value too large to index); the same statement with the same values fails the
 * same way on every retry, so the batch is split until the one event is found and dead-lettered. Everything
 * else is retried until it ends: 08 (connection), 53 (insufficient resources), 57 (operator intervention,
 * e.g. admin shutdown), 58 (system error), 40001/40P01 (serialization failure, deadlock: a retry succeeds),
 * and a SQLException without a state (Agroal's acquisition timeout, a closed connection). An unknown state,
 * 42xxx say, is a bug in our SQL or a schema out of step with the code: it fails every batch alike, and
 * dead-lettering the whole stream for it would be worse than waiting, logged, for the fix (the lag alert
 * fires). A failure with no SQLException in its chain at all is a RuntimeException (or StackOverflowError)
 * from our own Java code applying these events, which depends on the events, so it is isolated like a data
 * error and the one event that triggers it dead-lettered as an internal error.
 */
enum ApplyFailure {
    /** The database refused these values; a retry would fail the same way. */
    DATA,
    /** Our own code failed on these events, not the database. */
    INTERNAL,
    /** The database is away, busy or in a state a retry may clear. */
    OUTAGE;

    static ApplyFailure of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean sql = false;
        boolean transaction = false;
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException e) {
                sql = true;
                String state = e.getSQLState();
                if (state != null && state.length() == 5) {
                    return ofSqlState(state);
                }
            }
            String type = t.getClass().getName();
            if (type.startsWith("jakarta.transaction.") || type.startsWith("javax.transaction.")
                    || type.startsWith("com.arjuna.") || t instanceof java.io.IOException) {
                transaction = true;
            }
        }
        if (sql || transaction) {
            return OUTAGE;
        }
        return failure instanceof RuntimeException || failure instanceof StackOverflowError ? INTERNAL : OUTAGE;
    }

    static ApplyFailure ofSqlState(String state) {
        if (state.equals("40002")) {
            return DATA; // integrity constraint violated at commit (a deferred constraint)
        }
        return switch (state.substring(0, 2)) {
            case "22", "23", "54" -> DATA;
            default -> OUTAGE;
        };
    }

    /** The database's own words for a dead letter: the message of the SQLException that carries the state. */
    static String message(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                return "database rejected the event (SQLState " + e.getSQLState() + "): " + e.getMessage();
            }
        }
        return String.valueOf(failure);
    }
}
