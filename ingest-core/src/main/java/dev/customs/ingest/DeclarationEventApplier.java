package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.contract.event.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a batch of valid events to a service's totals exactly once. For each declaration only the
 * newest revision counts: its state is added and the previously applied state withdrawn, in the same
 * transaction that records the new revision. Redelivered, duplicate and stale events therefore change
 * nothing, however often and in whatever order they arrive.
 */
@ApplicationScoped
public class DeclarationEventApplier {

    /**
     * What a batch did. {@code appliedEvents} are the events newer than the revision applied before (their
     * count is {@code applied}); {@code addedStates} and {@code withdrawnStates} are the declaration states
     * added to and withdrawn from the totals. Read by the ingest metrics only.
     */
    public record Outcome(int applied, int skipped, List<DeclarationEvent> appliedEvents,
                          List<DeclarationState> addedStates, List<DeclarationState> withdrawnStates) {

        public Outcome(int applied, int skipped) {
            this(applied, skipped, List.of(), List.of(), List.of());
        }
    }

    private record Applied(long revision, DeclarationState state) {
    }

    // FOR UPDATE: should two consumers briefly own a partition during a rebalance, the second waits and
    // then sees the first one's revision instead of applying the same change again.
    // The cast matters: against a text[] PostgreSQL compares declaration_id (CHAR(18)) as text, cannot use
    // the primary key and scans the whole ledger for every batch.
    private static final String LOAD = """
            SELECT declaration_id, revision, cancelled, state, state_bytes FROM applied_declarations
            WHERE declaration_id = ANY (CAST(? AS bpchar[])) FOR UPDATE""";
    // One statement for the whole batch, the rows as one array per column (see KeyedAmounts), sorted by
    // declaration id so that overlapping consumers insert and lock them in the same order. The state goes
    // to state_bytes in LedgerStateCodec's form; the legacy JSONB column is cleared as a row is rewritten.
    private static final String SAVE = """
            INSERT INTO applied_declarations (declaration_id, revision, event_id, cancelled, state_bytes, applied_at)
            SELECT *, now() FROM unnest(CAST(? AS bpchar[]), CAST(? AS bigint[]), CAST(? AS uuid[]),
                                        CAST(? AS boolean[]), CAST(? AS bytea[]))
            ON CONFLICT (declaration_id) DO UPDATE SET revision = EXCLUDED.revision, event_id = EXCLUDED.event_id,
                cancelled = EXCLUDED.cancelled, state = NULL, state_bytes = EXCLUDED.state_bytes,
                applied_at = EXCLUDED.applied_at""";

    private final AgroalDataSource dataSource;
    private final TotalsProjection projection;

    public DeclarationEventApplier(AgroalDataSource dataSource, TotalsProjection projection) {
        this.dataSource = dataSource;
        this.projection = projection;
    }

    @Transactional
    public Outcome apply(List<DeclarationEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return new Outcome(0, 0);
        }
        Map<String, List<DeclarationEvent>> byDeclaration = new LinkedHashMap<>();
        for (DeclarationEvent event : events) {
            byDeclaration.computeIfAbsent(event.declarationId(), id -> new ArrayList<>()).add(event);
        }
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Applied> before = load(connection, byDeclaration.keySet());
            TotalsDelta delta = projection.newDelta();
            List<DeclarationEvent> newest = new ArrayList<>();
            List<DeclarationEvent> appliedEvents = new ArrayList<>();
            List<DeclarationState> added = new ArrayList<>();
            List<DeclarationState> withdrawn = new ArrayList<>();
            int applied = 0;
            for (Map.Entry<String, List<DeclarationEvent>> entry : byDeclaration.entrySet()) {
                Applied previous = before.get(entry.getKey());
                long current = previous == null ? 0 : previous.revision();
                DeclarationEvent last = null;
                List<DeclarationEvent> revisions = entry.getValue();
                revisions.sort(Comparator.comparingLong(DeclarationEvent::revision));
                for (DeclarationEvent event : revisions) {
                    if (event.revision() > current) {
                        current = event.revision();
                        last = event;
                        applied++;
                        appliedEvents.add(event);
                    }
                }
                if (last == null) {
                    continue;
                }
                if (previous != null && previous.state() != null) {
                    delta.add(previous.state(), -1);
                    withdrawn.add(previous.state());
                }
                if (last.eventType() != EventType.CANCELLED) {
                    delta.add(last.declaration(), 1);
                    added.add(last.declaration());
                }
                newest.add(last);
            }
            save(connection, newest);
            delta.writeTo(connection);
            return new Outcome(applied, events.size() - applied, appliedEvents, added, withdrawn);
        }
    }

    private static Map<String, Applied> load(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, Applied> applied = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(LOAD)) {
            Array array = connection.createArrayOf("text", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    DeclarationState state = rows.getBoolean(3) ? null : readState(rows.getString(4), rows.getBytes(5));
                    applied.put(rows.getString(1), new Applied(rows.getLong(2), state));
                }
            }
        }
        return applied;
    }

    private static void save(Connection connection, List<DeclarationEvent> newest) throws SQLException {
        if (newest.isEmpty()) {
            return;
        }
        newest.sort(Comparator.comparing(DeclarationEvent::declarationId));
        int size = newest.size();
        String[] ids = new String[size];
        Long[] revisions = new Long[size];
        UUID[] eventIds = new UUID[size];
        Boolean[] cancelled = new Boolean[size];
        byte[][] states = new byte[size][];
        for (int i = 0; i < size; i++) {
            DeclarationEvent event = newest.get(i);
            ids[i] = event.declarationId();
            revisions[i] = event.revision();
            eventIds[i] = event.eventId();
            cancelled[i] = event.eventType() == EventType.CANCELLED;
            // A cancelled declaration has nothing left to withdraw.
            states[i] = cancelled[i] ? null : LedgerStateCodec.encode(event.declaration());
        }
        try (PreparedStatement statement = connection.prepareStatement(SAVE)) {
            statement.setArray(1, connection.createArrayOf("text", ids));
            statement.setArray(2, connection.createArrayOf("bigint", revisions));
            statement.setArray(3, connection.createArrayOf("uuid", eventIds));
            statement.setArray(4, connection.createArrayOf("boolean", cancelled));
            statement.setArray(5, connection.createArrayOf("bytea", states));
            statement.executeUpdate();
        }
    }

    /**
     * The state a row that is not cancelled vouches for. This version writes state_bytes and clears the JSON
     * column; a JSON state is therefore either from before state_bytes existed or written later by an
     * older consumer still running during an upgrade (which leaves state_bytes stale), and wins.
     */
    private static DeclarationState readState(String json, byte[] bytes) {
        if (json == null) {
            return bytes == null ? null : LedgerStateCodec.decode(bytes);
        }
        return EventCodec.fromJson(json, DeclarationState.class);
    }
}
