package dev.customs.ingest;

import dev.customs.rest.Roles;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * How far this consumer has got: from its own ledger (survives restarts, unlike in-memory counters), and from the
 * broker, how far its group lags behind the topic and how many dead letters it wrote.
 */
@Path("/api/ingest/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class IngestStatusResource {

    public record IngestStatus(
            @Schema(description = "Declarations applied so far", example = "12388") long declarations,
            @Schema(description = "Of those, not cancelled", example = "12100") long active,
            @Schema(description = "Of those, cancelled", example = "288") long cancelled,
            @Schema(description = "Records on customs.declarations this consumer's group has not committed yet: the sum "
                    + "over partitions of the end offset minus the committed one; null when the broker does not answer "
                    + "within 2 seconds", nullable = true, example = "12") Long lag,
            @Schema(description = "Where this consumer writes the records it rejects",
                    example = "customs.declarations.dead-letter.zone-service") String deadLetterTopic,
            @Schema(description = "Dead letters in that topic (the sum over partitions of the end offset minus the "
                    + "beginning one); null when the broker does not answer within 2 seconds", nullable = true,
                    example = "3") Long deadLetters) {
    }

    private static final String COUNT = """
            SELECT count(*), count(*) FILTER (WHERE NOT cancelled) FROM applied_declarations""";

    private final AgroalDataSource dataSource;
    private final IngestTopics topics;

    public IngestStatusResource(AgroalDataSource dataSource, IngestTopics topics) {
        this.dataSource = dataSource;
        this.topics = topics;
    }

    @GET
    @Operation(summary = "Declarations applied so far (all, still active, cancelled), the consumer group's lag and "
            + "the dead letters written; lag and deadLetters are null when the broker does not answer within 2 s")
    public IngestStatus status() throws SQLException {
        long all;
        long active;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(COUNT)) {
            rs.next();
            all = rs.getLong(1);
            active = rs.getLong(2);
        }
        OptionalLong lag = topics.lag();
        // A broker that did not answer for the lag is not asked again: the answer stays within about 2 seconds.
        OptionalLong deadLetters = lag.isPresent() ? topics.deadLetters() : OptionalLong.empty();
        return new IngestStatus(all, active, all - active, boxed(lag), topics.deadLetterTopic(), boxed(deadLetters));
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
