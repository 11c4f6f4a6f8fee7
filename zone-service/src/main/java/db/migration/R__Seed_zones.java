package db.migration;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.Zone;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Seeds the zones table from the shared reference file, the one place area codes live. Flyway re-runs a
 * repeatable migration when its checksum changes, so the checksum is the file's content.
 */
public class R__Seed_zones extends BaseJavaMigration {

    private static final String UPSERT = """
            INSERT INTO zones (code, name, type, province, synthetic, customs_office, source) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
                province = EXCLUDED.province, synthetic = EXCLUDED.synthetic,
                customs_office = EXCLUDED.customs_office, source = EXCLUDED.source""";
    // A code the file no longer has is no longer an area (2233 was one, though it is a customs office's code);
    // totals already counted under it stay in the totals tables.
    private static final String DELETE_OTHERS = "DELETE FROM zones WHERE NOT (code = ANY (?))";

    @Override
    public Integer getChecksum() {
        return zones().hashCode();
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement statement = context.getConnection().prepareStatement(UPSERT)) {
            for (Zone zone : zones()) {
                statement.setString(1, zone.code());
                statement.setString(2, zone.name());
                statement.setString(3, zone.type().name());
                statement.setString(4, zone.province());
                statement.setBoolean(5, zone.synthetic());
                statement.setString(6, zone.customsOffice());
                statement.setString(7, zone.source());
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = context.getConnection().prepareStatement(DELETE_OTHERS)) {
            statement.setArray(1, context.getConnection().createArrayOf("bpchar",
                    zones().stream().map(Zone::code).toArray()));
            statement.executeUpdate();
        }
    }

    private static List<Zone> zones() {
        return ReferenceData.standard().zones();
    }
}
