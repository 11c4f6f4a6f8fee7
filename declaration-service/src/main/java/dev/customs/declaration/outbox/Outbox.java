package dev.customs.declaration.outbox;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.EventCodec;
import dev.customs.declaration.declarations.StoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Stores events for the relay, in the caller's transaction, so they reach Kafka exactly when the change
 * they describe commits. The id comes from the table's sequence default and orders the relay. Each row keeps
 * the W3C trace context of the request that wrote it, so that the relay's send, later and on another thread,
 * continues that request's trace.
 */
@ApplicationScoped
public class Outbox {

    private static final String APPEND =
            "INSERT INTO outbox (declaration_id, payload, occurred_at, traceparent) VALUES (?, ?, ?, ?)";

    /**
     * One event to store.
     *
     * @param traceparent the W3C traceparent of the request that caused it, or null when untraced
     */
    public record Entry(DeclarationEvent event, String traceparent) {
    }

    private final AgroalDataSource dataSource;

    public Outbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void append(List<Entry> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(APPEND)) {
            for (Entry entry : events) {
                DeclarationEvent event = entry.event();
                statement.setString(1, event.declarationId());
                statement.setBytes(2, EventCodec.toBytes(event));
                statement.setObject(3, event.occurredAt().atOffset(ZoneOffset.UTC));
                statement.setString(4, entry.traceparent());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("storing " + events.size() + " events in the outbox", e);
        }
    }
}
