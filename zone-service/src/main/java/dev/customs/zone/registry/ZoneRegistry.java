package dev.customs.zone.registry;

import dev.customs.contract.reference.ZoneType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The areas this service knows, from its own zones table. */
@ApplicationScoped
public class ZoneRegistry {

    private static final String SELECT = "SELECT code, name, type, province, synthetic, customs_office, source FROM zones";
    private static final String BY_TYPE = "type = ?";
    private static final String BY_PROVINCE = "lower(province) = lower(?)";
    private static final String IN_CODE_ORDER = " ORDER BY code";
    // code is CHAR(4): a bpchar parameter keeps the primary key usable.
    private static final String BY_CODE = SELECT + " WHERE code = CAST(? AS bpchar)";

    private final AgroalDataSource dataSource;

    public ZoneRegistry(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The areas of this type and province (any case), either or both null for all, in code order. */
    public List<Area> find(ZoneType type, String province) {
        List<String> where = new ArrayList<>();
        List<String> params = new ArrayList<>();
        if (type != null) {
            where.add(BY_TYPE);
            params.add(type.name());
        }
        if (province != null) {
            where.add(BY_PROVINCE);
            params.add(province);
        }
        String sql = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + IN_CODE_ORDER;
        return query(sql, params);
    }

    public Optional<Area> byCode(String code) {
        return query(BY_CODE, List.of(code)).stream().findFirst();
    }

    /** Every area's name by its code, read at once: for lists that name many areas. */
    public Map<String, String> names() {
        return find(null, null).stream().collect(Collectors.toMap(Area::code, Area::name));
    }

    private List<Area> query(String sql, List<String> params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            List<Area> areas = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    areas.add(new Area(rows.getString(1), rows.getString(2), ZoneType.valueOf(rows.getString(3)),
                            rows.getString(4), rows.getBoolean(5), rows.getString(6), rows.getString(7)));
                }
            }
            return areas;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the zones failed", e);
        }
    }
}
