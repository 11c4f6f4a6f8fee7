package dev.customs.declaration.outbox;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** How far the outbox relay has got: what waits for Kafka, for how long, and what was relayed. */
@Path("/api/outbox/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class OutboxStatusResource {

    public record OutboxStatus(
            @Schema(description = "Events stored but not yet acknowledged by Kafka", example = "0") long pending,
            @Schema(description = "Age in whole seconds of the oldest pending event; null when none is pending",
                    nullable = true, example = "3") Long oldestPendingAgeSeconds,
            @Schema(description = "Events Kafka refused for good, moved to outbox_parked", example = "0") long parked,
            @Schema(description = "Events Kafka acknowledged since this instance started (not kept across restarts)",
                    example = "12400") long relayedSinceStart,
            @Schema(description = "False while relaying fails (the broker away or refusing)") boolean brokerReachable,
            @Schema(description = "When Kafka last acknowledged a batch; null since startup", nullable = true)
            Instant lastAcknowledged) {
    }

    private static final String PENDING = """
            SELECT count(*), min(occurred_at), (SELECT count(*) FROM outbox_parked) FROM outbox""";

    private final AgroalDataSource dataSource;
    private final OutboxRelay relay;
    private final Clock clock;

    public OutboxStatusResource(AgroalDataSource dataSource, OutboxRelay relay, Clock clock) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "The outbox: events pending relay to Kafka, the oldest one's age, parked events, and how many "
            + "were relayed since this instance started")
    public OutboxStatus status() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(PENDING)) {
            rs.next();
            long pending = rs.getLong(1);
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            Long age = oldest == null ? null
                    : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
            return new OutboxStatus(pending, age, rs.getLong(3), relay.relayedSinceStart(), relay.brokerReachable(),
                    relay.lastAcknowledged());
        }
    }
}
