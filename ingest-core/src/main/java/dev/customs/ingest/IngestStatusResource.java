package dev.customs.ingest;

import dev.customs.rest.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How far this consumer has got, from its own ledger: survives restarts, unlike in-memory counters. */
@Path("/api/ingest/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class IngestStatusResource {

    public record IngestStatus(long declarations, long active, long cancelled) {
    }

    private static final String COUNT = """
            SELECT count(*), count(*) FILTER (WHERE NOT cancelled) FROM applied_declarations""";

    private final AgroalDataSource dataSource;

    public IngestStatusResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Operation(summary = "Declarations applied so far: all, still active, and cancelled")
    public IngestStatus status() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
            rs.next();
            long all = rs.getLong(1);
            long active = rs.getLong(2);
            return new IngestStatus(all, active, all - active);
        }
    }
}
