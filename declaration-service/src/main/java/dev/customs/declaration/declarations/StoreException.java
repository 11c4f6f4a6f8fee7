package dev.customs.declaration.declarations;

import java.sql.SQLException;

/** A failed write or read of the declarations store; unchecked so the surrounding transaction rolls back. */
public class StoreException extends RuntimeException {

    private static final String UNIQUE_VIOLATION = "23505";

    public StoreException(String what, SQLException cause) {
        super("Failed " + what + ": " + cause.getMessage(), cause);
    }

    /** True when another transaction stored the same key first. */
    public boolean isUniqueViolation() {
        // A batched statement reports the server's error as the batch exception's next exception.
        for (SQLException e = (SQLException) getCause(); e != null; e = e.getNextException()) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
