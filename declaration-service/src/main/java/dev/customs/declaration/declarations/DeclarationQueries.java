package dev.customs.declaration.declarations;

import dev.customs.contract.event.Direction;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads of the declarations store, including the ground truth the consumers' totals must equal. */
@ApplicationScoped
public class DeclarationQueries {

    public record PageOf(int page, int size, long totalItems, List<StoredDeclaration> items) {
    }

    /** Current, non-cancelled declarations: all of them, and those that count in national totals. */
    public record Summary(TradeTotals all, TradeTotals national) {
    }

    /** One stored revision: its number, what happened, and who filed it when (as the store wrote it). */
    public record Revision(long revision, DeclarationStatus status, StoredDeclaration.Filing filing) {
    }

    private static final String REVISIONS = """
            SELECT revision, status, filed_by, filed_by_client, filed_at FROM declaration_revisions
            WHERE declaration_id = ? ORDER BY revision""";

    private static final String IN_RANGE = "declaration_date BETWEEN ? AND ?";
    // CAST to bpchar: zone_code is CHAR(4), and only a bpchar parameter lets the (zone_code, date) index serve.
    private static final String OF_ZONE = " AND zone_code = CAST(? AS bpchar)";
    private static final String OF_DECLARANTS = " AND declarant_code = ANY (?)";
    private static final String COUNT = "SELECT count(*) FROM declarations WHERE ";
    private static final String PAGE = "SELECT " + DeclarationStore.ROW_COLUMNS + " FROM declarations WHERE ";
    private static final String PAGE_ORDER = " ORDER BY declaration_date, declaration_id LIMIT ? OFFSET ?";
    private static final String SUMMARY = """
            SELECT direction, counts_nationally, count(*), sum(total_value_cny), sum(total_value_usd)
            FROM declarations
            WHERE status <> 'CANCELLED' AND\s""";
    private static final String SUMMARY_GROUPS = " GROUP BY direction, counts_nationally";

    private final DeclarationStore store;
    private final AgroalDataSource dataSource;

    public DeclarationQueries(DeclarationStore store, AgroalDataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    public Optional<StoredDeclaration> find(String declarationId) {
        return store.find(declarationId).map(DeclarationStore.Row::stored);
    }

    /** Every revision declaration_revisions keeps of a declaration, oldest first. */
    public List<Revision> revisions(String declarationId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(REVISIONS)) {
            statement.setString(1, declarationId);
            List<Revision> revisions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    revisions.add(new Revision(rows.getLong(1), DeclarationStatus.valueOf(rows.getString(2)),
                            new StoredDeclaration.Filing(rows.getString(3), rows.getString(4),
                                    rows.getObject(5, OffsetDateTime.class).toInstant())));
                }
            }
            return revisions;
        } catch (SQLException e) {
            throw new StoreException("reading the revisions of declaration " + declarationId, e);
        }
    }

    /** A page of the declarations of the given enterprises (an empty set lists none). */
    public PageOf list(Set<String> declarantCodes, String zoneCode, DateRange range, int page, int size) {
        String where = IN_RANGE + (zoneCode == null ? "" : OF_ZONE) + OF_DECLARANTS;
        try (Connection connection = dataSource.getConnection()) {
            Array declarants = connection.createArrayOf("varchar", declarantCodes.toArray());
            long total;
            try (PreparedStatement statement = connection.prepareStatement(COUNT + where)) {
                statement.setArray(bindRange(statement, range, zoneCode), declarants);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<StoredDeclaration> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(PAGE + where + PAGE_ORDER)) {
                int next = bindRange(statement, range, zoneCode);
                statement.setArray(next, declarants);
                statement.setInt(next + 1, size);
                statement.setLong(next + 2, (long) page * size);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(DeclarationStore.row(rows).stored());
                    }
                }
            }
            return new PageOf(page, size, total, items);
        } catch (SQLException e) {
            throw new StoreException("listing declarations", e);
        }
    }

    public Summary summary(DateRange range, String zoneCode) {
        String sql = SUMMARY + IN_RANGE + (zoneCode == null ? "" : OF_ZONE) + SUMMARY_GROUPS;
        TradeTotals all = TradeTotals.EMPTY;
        TradeTotals national = TradeTotals.EMPTY;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bindRange(statement, range, zoneCode);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Direction direction = Direction.valueOf(rows.getString(1));
                    long count = rows.getLong(3);
                    BigDecimal cny = rows.getBigDecimal(4);
                    BigDecimal usd = rows.getBigDecimal(5);
                    all = all.plus(direction, count, cny, usd);
                    if (rows.getBoolean(2)) {
                        national = national.plus(direction, count, cny, usd);
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("summing declarations", e);
        }
        return new Summary(all, national);
    }

    /** Binds the range and, when given, the zone; returns the index of the next parameter. */
    private static int bindRange(PreparedStatement statement, DateRange range, String zoneCode) throws SQLException {
        statement.setObject(1, range.fromOrMin());
        statement.setObject(2, range.toOrMax());
        if (zoneCode == null) {
            return 3;
        }
        statement.setString(3, zoneCode);
        return 4;
    }
}
