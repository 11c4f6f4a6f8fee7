package dev.customs.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

        /** Both parts of a batch that was applied in parts. */
        public Outcome plus(Outcome other) {
            return new Outcome(applied + other.applied, skipped + other.skipped,
                    concat(appliedEvents, other.appliedEvents), concat(addedStates, other.addedStates),
                    concat(withdrawnStates, other.withdrawnStates));
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    private record Applied(long revision, DeclarationState state) {
    }

    // Lock-or-create, so that each revision is applied once however many transactions try at the same time
    // (two consumers owning a partition during a rebalance, a zombie): SELECT ... FOR UPDATE alone cannot lock
    // a row that does not exist yet. CLAIM inserts, for every id of the batch, the row the batch would leave:
    // its newest revision. An id that had no row gets it, and RETURNING names it: nothing was applied for it
    // before, and this transaction alone holds the row until it commits. An insert that meets another
    // transaction's uncommitted row for the same id waits for that transaction, then finds the row committed
    // and does nothing; LOAD then locks the ids that already had a row and reads the newest committed revision,
    // and SAVE overwrites those the batch supersedes. A new declaration, the common case, so costs one row
    // written once. Both statements take the ids in ascending order, the order in which overlapping consumers
    // therefore wait for each other instead of deadlocking. The cast matters: against a text[] PostgreSQL
    // compares declaration_id (CHAR(18)) as text, cannot use the primary key and scans the whole ledger.
    private static final String CLAIM = """
            INSERT INTO applied_declarations (declaration_id, revision, event_id, cancelled, state_bytes, applied_at)
            SELECT *, now() FROM unnest(CAST(? AS bpchar[]), CAST(? AS bigint[]), CAST(? AS uuid[]),
                                        CAST(? AS boolean[]), CAST(? AS bytea[]))
            ON CONFLICT (declaration_id) DO NOTHING
            RETURNING declaration_id""";
    private static final String LOAD = """
            SELECT declaration_id, revision, cancelled, state_bytes FROM applied_declarations
            WHERE declaration_id = ANY (CAST(? AS bpchar[])) ORDER BY declaration_id FOR UPDATE""";
    // Records whose dead letters the broker would not take, kept with the batch (see quarantined_records).
    private static final String QUARANTINE = """
            INSERT INTO quarantined_records (source_topic, source_partition, source_offset, kind, reason,
                record_key, record_value, key_size, value_size, key_sha256, value_sha256, truncated)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS integer[]), CAST(? AS bigint[]), CAST(? AS text[]),
                CAST(? AS text[]), CAST(? AS bytea[]), CAST(? AS bytea[]), CAST(? AS integer[]),
                CAST(? AS integer[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS boolean[]))
            ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING""";
    // The ledger rows as one array per column (see KeyedAmounts), sorted by declaration id so that overlapping
    // consumers insert and lock them in the same order. The state goes to state_bytes in LedgerStateCodec's form.
    private static final String SAVE = """
            INSERT INTO applied_declarations (declaration_id, revision, event_id, cancelled, state_bytes, applied_at)
            SELECT *, now() FROM unnest(CAST(? AS bpchar[]), CAST(? AS bigint[]), CAST(? AS uuid[]),
                                        CAST(? AS boolean[]), CAST(? AS bytea[]))
            ON CONFLICT (declaration_id) DO UPDATE SET revision = EXCLUDED.revision, event_id = EXCLUDED.event_id,
                cancelled = EXCLUDED.cancelled, state_bytes = EXCLUDED.state_bytes,
                applied_at = EXCLUDED.applied_at""";

    private final AgroalDataSource dataSource;
    private final TotalsProjection projection;
    private final IngestConfig config;

    public DeclarationEventApplier(AgroalDataSource dataSource, TotalsProjection projection, IngestConfig config) {
        this.dataSource = dataSource;
        this.projection = projection;
        this.config = config;
    }

    @Transactional(rollbackOn = Exception.class)
    public Outcome apply(List<DeclarationEvent> events) throws SQLException {
        return apply(events, List.of());
    }

    /**
     * Applies the events and quarantines the dead letters in one transaction: committed together or not at
     * all. Every failure rolls the whole transaction back (checked SQLExceptions included).
     */
    @Transactional(rollbackOn = Exception.class)
    public Outcome apply(List<DeclarationEvent> events, List<DeadLetter> quarantine) throws SQLException {
        if (!quarantine.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                quarantine(connection, quarantine);
            }
        }
        if (events.isEmpty()) {
            return new Outcome(0, 0);
        }
        Map<String, List<DeclarationEvent>> byDeclaration = new TreeMap<>();
        for (DeclarationEvent event : events) {
            byDeclaration.computeIfAbsent(event.declarationId(), id -> new ArrayList<>()).add(event);
        }
        List<DeclarationEvent> candidates = new ArrayList<>(byDeclaration.size());
        for (List<DeclarationEvent> revisions : byDeclaration.values()) {
            revisions.sort(Comparator.comparingLong(DeclarationEvent::revision));
            candidates.add(revisions.get(revisions.size() - 1));
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<String> created = claim(connection, candidates);
            Map<String, Applied> before = load(connection, byDeclaration.keySet(), created);
            TotalsDelta delta = projection.newDelta();
            List<DeclarationEvent> superseding = new ArrayList<>();
            List<DeclarationEvent> appliedEvents = new ArrayList<>();
            List<DeclarationState> added = new ArrayList<>();
            List<DeclarationState> withdrawn = new ArrayList<>();
            int applied = 0;
            for (Map.Entry<String, List<DeclarationEvent>> entry : byDeclaration.entrySet()) {
                boolean isNew = created.contains(entry.getKey());
                Applied previous = isNew ? null : before.get(entry.getKey());
                long current = previous == null ? 0 : previous.revision();
                DeclarationEvent last = null;
                for (DeclarationEvent event : entry.getValue()) {
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
                if (!isNew) {
                    superseding.add(last);
                }
            }
            save(connection, superseding);
            delta.writeTo(connection);
            return new Outcome(applied, events.size() - applied, appliedEvents, added, withdrawn);
        }
    }

    /** Inserts the ledger row of every id that has none yet (see CLAIM); returns those ids. */
    private static Set<String> claim(Connection connection, List<DeclarationEvent> candidates) throws SQLException {
        Set<String> created = new HashSet<>();
        try (PreparedStatement statement = prepare(connection, CLAIM, candidates);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                created.add(rows.getString(1));
            }
        }
        return created;
    }

    /** Locks the ledger rows of the ids that had one before this batch and reads what they applied. */
    private static Map<String, Applied> load(Connection connection, Collection<String> ids, Set<String> created)
            throws SQLException {
        String[] existing = ids.stream().filter(id -> !created.contains(id)).toArray(String[]::new);
        Map<String, Applied> applied = new HashMap<>();
        if (existing.length == 0) {
            return applied;
        }
        try (PreparedStatement statement = connection.prepareStatement(LOAD)) {
            statement.setArray(1, connection.createArrayOf("text", existing));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byte[] stateBytes = rows.getBytes(4);
                    DeclarationState state = rows.getBoolean(3) || stateBytes == null ? null
                            : LedgerStateCodec.decode(stateBytes);
                    applied.put(rows.getString(1), new Applied(rows.getLong(2), state));
                }
            }
        }
        return applied;
    }

    private void quarantine(Connection connection, List<DeadLetter> letters) throws SQLException {
        int size = letters.size();
        String[] topics = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        String[] kinds = new String[size];
        String[] reasons = new String[size];
        byte[][] keys = new byte[size][];
        byte[][] values = new byte[size][];
        Integer[] keySizes = new Integer[size];
        Integer[] valueSizes = new Integer[size];
        String[] keyDigests = new String[size];
        String[] valueDigests = new String[size];
        Boolean[] truncated = new Boolean[size];
        for (int i = 0; i < size; i++) {
            DeadLetter letter = letters.get(i);
            BoundedRecord record = BoundedRecord.of(letter.source(), config.deadLetterMaxBytes(), config.reasonMaxBytes());
            topics[i] = letter.source().topic();
            partitions[i] = letter.source().partition();
            offsets[i] = letter.source().offset();
            kinds[i] = letter.kind().label();
            reasons[i] = BoundedRecord.boundedReason(letter.reason(), config.reasonMaxBytes());
            keys[i] = record.key();
            values[i] = record.value();
            keySizes[i] = record.keySize();
            valueSizes[i] = record.valueSize();
            keyDigests[i] = record.keySha256();
            valueDigests[i] = record.valueSha256();
            truncated[i] = record.truncated();
        }
        try (PreparedStatement statement = connection.prepareStatement(QUARANTINE)) {
            statement.setArray(1, connection.createArrayOf("text", topics));
            statement.setArray(2, connection.createArrayOf("integer", partitions));
            statement.setArray(3, connection.createArrayOf("bigint", offsets));
            statement.setArray(4, connection.createArrayOf("text", kinds));
            statement.setArray(5, connection.createArrayOf("text", reasons));
            statement.setArray(6, connection.createArrayOf("bytea", keys));
            statement.setArray(7, connection.createArrayOf("bytea", values));
            statement.setArray(8, connection.createArrayOf("integer", keySizes));
            statement.setArray(9, connection.createArrayOf("integer", valueSizes));
            statement.setArray(10, connection.createArrayOf("text", keyDigests));
            statement.setArray(11, connection.createArrayOf("text", valueDigests));
            statement.setArray(12, connection.createArrayOf("boolean", truncated));
            statement.executeUpdate();
        }
    }

    /** Overwrites the ledger rows of declarations this batch supersedes with their newest applied revision. */
    private static void save(Connection connection, List<DeclarationEvent> newest) throws SQLException {
        if (newest.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(connection, SAVE, newest)) {
            statement.executeUpdate();
        }
    }

    /** {@code sql} with the ledger rows of {@code newest} bound, in the ascending id order they come in. */
    private static PreparedStatement prepare(Connection connection, String sql, List<DeclarationEvent> newest)
            throws SQLException {
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
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            statement.setArray(1, connection.createArrayOf("text", ids));
            statement.setArray(2, connection.createArrayOf("bigint", revisions));
            statement.setArray(3, connection.createArrayOf("uuid", eventIds));
            statement.setArray(4, connection.createArrayOf("boolean", cancelled));
            statement.setArray(5, connection.createArrayOf("bytea", states));
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
