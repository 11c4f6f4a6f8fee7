package dev.customs.declaration.declarations;

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

/**
 * Plain JDBC writes of new declarations, in the caller's transaction. Filing is the hot path (every
 * declaration of the single window passes here once), so it skips the entity layer: a batch costs one
 * batched insert however many declarations it holds.
 */
@ApplicationScoped
public class DeclarationStore {

    /** A declaration to store at revision 1; the JSON is written as given. */
    public record NewDeclaration(String declarationId, LocalDate declarationDate, String direction, String zoneCode,
                                 boolean countsNationally, BigDecimal totalValueCny, BigDecimal totalValueUsd,
                                 String submissionHash, String requestJson, String stateJson, Instant filedAt,
                                 YearMonth rateMonth, boolean provisionalRate) {
    }

    /** A client's idempotency key: the hash of the request it came with and the declaration it filed. */
    public record StoredKey(String key, String requestHash, String declarationId) {
    }

    // The cast keeps the primary key usable: against text[] PostgreSQL would compare CHAR(18) as text.
    private static final String HASHES = """
            SELECT declaration_id, submission_hash FROM declarations WHERE declaration_id = ANY (CAST(? AS bpchar[]))""";
    private static final String INSERT = """
            INSERT INTO declarations (declaration_id, revision, status, declaration_date, direction, zone_code,
                counts_nationally, total_value_cny, total_value_usd, submission_hash, request, state, created_at, updated_at,
                rate_month, provisional_rate)
            VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String KEYS = """
            SELECT idempotency_key, request_hash, declaration_id FROM idempotency_keys WHERE idempotency_key = ANY (?)""";
    private static final String INSERT_KEY = """
            INSERT INTO idempotency_keys (idempotency_key, request_hash, declaration_id, created_at) VALUES (?, ?, ?, ?)""";
    private static final String SERIALS = "SELECT nextval('declaration_serial') FROM generate_series(1, ?)";

    private final AgroalDataSource dataSource;

    public DeclarationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("storing " + declarations.size() + " declarations", e);
        }
    }
}
