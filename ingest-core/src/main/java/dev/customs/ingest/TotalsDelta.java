package dev.customs.ingest;

import dev.customs.contract.event.DeclarationState;

import java.sql.Connection;
import java.sql.SQLException;

/** The changes one batch makes to a service's totals, aggregated per key before they are written. */
public interface TotalsDelta {

    /** Adds ({@code sign} 1) or withdraws ({@code sign} -1) a declaration state's contribution. */
    void add(DeclarationState state, int sign);

    /** Writes the aggregated changes in the caller's transaction, at most one upsert per key. */
    void writeTo(Connection connection) throws SQLException;
}
