package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.EventCodec;
import dev.customs.declaration.api.DeclarationRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The declarations table row by row: what filing, amending and cancelling read and write, in the caller's
 * transaction (docs/architecture.md says why JDBC). Filing is the hot path (every declaration of the single
 * window passes here once): a batch costs one batched insert however many declarations it holds.
 */
@ApplicationScoped
public class DeclarationStore {

    /** A declaration to store at revision 1; the JSON is written as given. */
    public record NewDeclaration(String declarationId, LocalDate declarationDate, String direction, String zoneCode,
                                 boolean countsNationally, BigDecimal totalValueCny, BigDecimal totalValueUsd,
                                 String submissionHash, String requestJson, String stateJson, Instant filedAt,
                                 YearMonth rateMonth, boolean provisionalRate, String declarantCode,
                                 Filer filer) {
    }

    /** A client's idempotency key: the hash of the request it came with and the declaration it filed. */
    public record StoredKey(String key, String requestHash, String declarationId) {
    }

    /**
     * A declaration's current revision as stored: the request as filed and the published state, JSON, and the
     * enterprise it is for (its column, so that a scope check needs no JSON read).
     */
    public record Row(String declarationId, long revision, DeclarationStatus status, String requestJson,
                      String stateJson, LocalDate rateMonth, boolean provisionalRate, StoredDeclaration.Filing filing,
                      boolean synthetic, String declarantCode) {

        public StoredDeclaration stored() {
            return new StoredDeclaration(declarationId, revision, status,
                    EventCodec.fromJson(requestJson, DeclarationRequest.class),
                    EventCodec.fromJson(stateJson, DeclarationState.class),
                    rateMonth == null ? null : YearMonth.from(rateMonth), provisionalRate, filing, synthetic);
        }
    }

    /** The columns {@link #row} reads, in its order. */
    static final String ROW_COLUMNS = "declaration_id, revision, status, request, state, rate_month, provisional_rate, "
            + "filed_by, filed_by_client, updated_at, synthetic, declarant_code";

    // The cast keeps the primary key usable: against text[] PostgreSQL would compare CHAR(18) as text.
    private static final String HASHES = """
            SELECT declaration_id, submission_hash FROM declarations WHERE declaration_id = ANY (CAST(? AS bpchar[]))""";
    private static final String INSERT = """
            INSERT INTO declarations (declaration_id, revision, status, declaration_date, direction, zone_code,
                counts_nationally, total_value_cny, total_value_usd, submission_hash, request, state, created_at, updated_at,
                rate_month, provisional_rate, declarant_code, synthetic, filed_by, filed_by_client)
            VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_REVISION = """
            INSERT INTO declaration_revisions (declaration_id, revision, status, filed_by, filed_by_client, filed_at)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String KEYS = """
            SELECT idempotency_key, request_hash, declaration_id FROM idempotency_keys WHERE idempotency_key = ANY (?)""";
    private static final String INSERT_KEY = """
            INSERT INTO idempotency_keys (idempotency_key, request_hash, declaration_id, created_at) VALUES (?, ?, ?, ?)""";
    // CHAR columns compare with bpchar parameters, so that the indexes on them are usable.
    private static final String FIND = "SELECT " + ROW_COLUMNS + " FROM declarations WHERE declaration_id = CAST(? AS bpchar)";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String UPDATE = """
            UPDATE declarations SET revision = ?, status = ?, declaration_date = ?, direction = ?, zone_code = ?,
                counts_nationally = ?, total_value_cny = ?, total_value_usd = ?, request = ?, state = ?, updated_at = ?,
                rate_month = ?, provisional_rate = ?, filed_by = ?, filed_by_client = ?, declarant_code = ?
            WHERE declaration_id = CAST(? AS bpchar)""";
    private static final String STATUS = """
            UPDATE declarations SET revision = ?, status = ?, updated_at = ?, filed_by = ?, filed_by_client = ?
            WHERE declaration_id = CAST(? AS bpchar)""";
    private static final String SERIALS = "SELECT nextval('declaration_serial') FROM generate_series(1, ?)";

    private final AgroalDataSource dataSource;

    public DeclarationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The declaration's current revision, if it exists. */
    public Optional<Row> find(String declarationId) {
        return read(FIND, declarationId);
    }

    /** The declaration's current revision, locked until the caller's transaction ends, if it exists. */
    public Optional<Row> lock(String declarationId) {
        return read(LOCK, declarationId);
    }

    private Optional<Row> read(String sql, String declarationId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, declarationId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading declaration " + declarationId, e);
        }
    }

    /** Reads the {@link #ROW_COLUMNS} of the current result row. */
    static Row row(ResultSet rows) throws SQLException {
        return new Row(rows.getString(1), rows.getLong(2), DeclarationStatus.valueOf(rows.getString(3)), rows.getString(4),
                rows.getString(5), rows.getObject(6, LocalDate.class), rows.getBoolean(7),
                new StoredDeclaration.Filing(rows.getString(8), rows.getString(9),
                        rows.getObject(10, OffsetDateTime.class).toInstant()), rows.getBoolean(11), rows.getString(12));
    }

    /** Replaces a declaration's current revision with {@code row} and its filtered and summed columns. */
    public void update(Row row, DeclarationState state) {
        Instant at = row.filing().at();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setLong(1, row.revision());
            statement.setString(2, row.status().name());
            statement.setObject(3, state.declarationDate());
            statement.setString(4, state.direction().name());
            if (state.zoneCode() == null) {
                statement.setNull(5, Types.CHAR);
            } else {
                statement.setString(5, state.zoneCode());
            }
            statement.setBoolean(6, state.countsNationally());
            statement.setBigDecimal(7, state.totalValueCny());
            statement.setBigDecimal(8, state.totalValueUsd());
            statement.setString(9, row.requestJson());
            statement.setString(10, row.stateJson());
            statement.setObject(11, at.atOffset(ZoneOffset.UTC));
            statement.setObject(12, row.rateMonth());
            statement.setBoolean(13, row.provisionalRate());
            statement.setString(14, row.filing().subject());
            statement.setString(15, row.filing().client());
            statement.setString(16, row.declarantCode());
            statement.setString(17, row.declarationId());
            statement.executeUpdate();
            insertRevision(connection, row.declarationId(), row.revision(), row.status(), row.filing());
        } catch (SQLException e) {
            throw new StoreException("amending declaration " + row.declarationId(), e);
        }
    }

    private static void insertRevision(Connection connection, String declarationId, long revision,
                                       DeclarationStatus status, StoredDeclaration.Filing filing) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_REVISION)) {
            bindRevision(statement, declarationId, revision, status, filing);
            statement.executeUpdate();
        }
    }

    private static void bindRevision(PreparedStatement statement, String declarationId, long revision,
                                     DeclarationStatus status, StoredDeclaration.Filing filing) throws SQLException {
        statement.setString(1, declarationId);
        statement.setLong(2, revision);
        statement.setString(3, status.name());
        statement.setString(4, filing.subject());
        statement.setString(5, filing.client());
        statement.setObject(6, filing.at().atOffset(ZoneOffset.UTC));
    }

    /** Stores a new revision and status, the rest of the declaration unchanged. */
    public void updateStatus(String declarationId, long revision, DeclarationStatus status, StoredDeclaration.Filing filing) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(STATUS)) {
            statement.setLong(1, revision);
            statement.setString(2, status.name());
            statement.setObject(3, filing.at().atOffset(ZoneOffset.UTC));
            statement.setString(4, filing.subject());
            statement.setString(5, filing.client());
            statement.setString(6, declarationId);
            statement.executeUpdate();
            insertRevision(connection, declarationId, revision, status, filing);
        } catch (SQLException e) {
            throw new StoreException("changing the status of declaration " + declarationId, e);
        }
    }

    /** The submission hash of each of these declarations that is stored already. */
    public Map<String, String> submissionHashes(Collection<String> declarationIds) {
        Map<String, String> hashes = new HashMap<>();
        if (declarationIds.isEmpty()) {
            return hashes;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(HASHES)) {
            Array ids = connection.createArrayOf("text", declarationIds.toArray());
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading submission hashes", e);
        }
        return hashes;
    }

    /** {@code count} new values of the declaration serial sequence, in one round trip. */
    public long[] nextSerials(int count) {
        long[] serials = new long[count];
        if (count == 0) {
            return serials;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SERIALS)) {
            statement.setInt(1, count);
            try (ResultSet rows = statement.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    serials[i] = rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reserving declaration serials", e);
        }
        return serials;
    }

    /** The stored idempotency keys among these. */
    public Map<String, StoredKey> idempotencyKeys(Collection<String> keys) {
        Map<String, StoredKey> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(KEYS)) {
            statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), new StoredKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading idempotency keys", e);
        }
        return stored;
    }

    /** Stores idempotency keys; a key stored meanwhile by a concurrent request fails with a unique violation. */
    public void insertKeys(List<StoredKey> keys, Instant at) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT_KEY)) {
            for (StoredKey key : keys) {
                statement.setString(1, key.key());
                statement.setString(2, key.requestHash());
                statement.setString(3, key.declarationId());
                statement.setObject(4, at.atOffset(ZoneOffset.UTC));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("storing " + keys.size() + " idempotency keys", e);
        }
    }

    /** Inserts new declarations; a number stored meanwhile by someone else fails with a unique violation. */
    public void insert(List<NewDeclaration> declarations) {
        if (declarations.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (NewDeclaration d : declarations) {
                OffsetDateTime filedAt = d.filedAt().atOffset(ZoneOffset.UTC);
                statement.setString(1, d.declarationId());
                statement.setString(2, DeclarationStatus.DECLARED.name());
                statement.setObject(3, d.declarationDate());
                statement.setString(4, d.direction());
                if (d.zoneCode() == null) {
                    statement.setNull(5, Types.CHAR);
                } else {
                    statement.setString(5, d.zoneCode());
                }
                statement.setBoolean(6, d.countsNationally());
                statement.setBigDecimal(7, d.totalValueCny());
                statement.setBigDecimal(8, d.totalValueUsd());
                statement.setString(9, d.submissionHash());
                statement.setString(10, d.requestJson());
                statement.setString(11, d.stateJson());
                statement.setObject(12, filedAt);
                statement.setObject(13, filedAt);
                statement.setObject(14, d.rateMonth().atDay(1));
                statement.setBoolean(15, d.provisionalRate());
                statement.setString(16, d.declarantCode());
                statement.setBoolean(17, d.filer().simulator());
                statement.setString(18, d.filer().subject());
                statement.setString(19, d.filer().client());
                statement.addBatch();
            }
            statement.executeBatch();
            try (PreparedStatement revisions = connection.prepareStatement(INSERT_REVISION)) {
                for (NewDeclaration d : declarations) {
                    bindRevision(revisions, d.declarationId(), 1, DeclarationStatus.DECLARED,
                            new StoredDeclaration.Filing(d.filer().subject(), d.filer().client(), d.filedAt()));
                    revisions.addBatch();
                }
                revisions.executeBatch();
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + declarations.size() + " declarations", e);
        }
    }
}
