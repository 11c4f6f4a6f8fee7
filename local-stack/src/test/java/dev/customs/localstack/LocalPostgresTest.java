package dev.customs.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local database keeps the durability production has, whatever the embedded builder defaults to, and the
 * least privilege: each service's role owns its database and reaches no other, and every connection proves its
 * password.
 */
class LocalPostgresTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String INVALID_PASSWORD = "28P01";

    @Test
    void commitsWaitForTheirWalFlush() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(0, null);
             Connection c = postgres.superuser("postgres");
             Statement st = c.createStatement()) {
            assertThat(setting(st, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(st, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void eachServiceRoleOwnsItsDatabaseAndReachesNoOther() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(0, null)) {
            Map<String, LocalPostgres.Credentials> credentials = Infrastructure.prepare(postgres);
            assertThat(credentials.keySet()).containsExactly("declarations", "statistics", "zones");
            for (var own : credentials.entrySet()) {
                LocalPostgres.Credentials role = own.getValue();
                assertThat(role.username()).isEqualTo(Infrastructure.DATABASE_OWNERS.get(own.getKey()));
                try (Connection c = connect(postgres, own.getKey(), role); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE created_by_its_owner (id int PRIMARY KEY)");
                    assertThat(st.executeUpdate("INSERT INTO created_by_its_owner VALUES (1), (2)")).isEqualTo(2);
                    try (ResultSet rs = st.executeQuery("SELECT rolsuper, rolcreatedb, rolcreaterole, rolreplication, "
                            + "rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
                        assertThat(rs.next()).isTrue();
                        for (int column = 1; column <= 5; column++) {
                            assertThat(rs.getBoolean(column)).as(role.username() + " column " + column).isFalse();
                        }
                    }
                }
                for (String other : new String[] {"declarations", "zones", "statistics", "postgres"}) {
                    if (other.equals(own.getKey())) {
                        continue;
                    }
                    assertThatThrownBy(() -> connect(postgres, other, role).close())
                            .as(role.username() + " connecting to " + other)
                            .isInstanceOfSatisfying(SQLException.class, e -> {
                                assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE);
                                assertThat(e.getMessage()).contains("permission denied for database \"" + other + "\"");
                            });
                }
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedForServicesAndTheSuperuser() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(0, null)) {
            String role = Infrastructure.prepare(postgres).get("zones").username();
            for (String user : new String[] {role, LocalPostgres.SUPERUSER}) {
                assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("zones"), user, "postgres").close())
                        .as(user)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
            }
        }
    }

    @Test
    void aKeptClusterRestartsLockedWithNewServicePasswordsAndItsData(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        LocalPostgres.Credentials first;
        try (LocalPostgres postgres = LocalPostgres.start(0, cluster)) {
            first = Infrastructure.prepare(postgres).get("zones");
            try (Connection c = connect(postgres, "zones", first); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                st.execute("INSERT INTO kept VALUES (7)");
            }
        }
        Path passwordFile = cluster.resolve(LocalPostgres.SUPERUSER_PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(LocalPostgres.readSuperuserPassword(cluster)).hasSize(32);

        try (LocalPostgres postgres = LocalPostgres.start(0, cluster)) {
            LocalPostgres.Credentials second = Infrastructure.prepare(postgres).get("zones");
            assertThat(second.username()).isEqualTo(first.username());
            assertThat(second.password()).isNotEqualTo(first.password());
            assertThatThrownBy(() -> connect(postgres, "zones", first).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
            try (Connection c = connect(postgres, "zones", second); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
    }

    @Test
    void aClusterFromBeforeServiceRolesIsHandedToThem(@TempDir Path dataDir) throws Exception {
        // What ./run-local.sh left before roles: trust, and the superuser owning every table and sequence.
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start()) {
            try (Connection c = before.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE declarations");
            }
            try (Connection c = before.getDatabase(LocalPostgres.SUPERUSER, "declarations").getConnection();
                 Statement st = c.createStatement()) {
                st.execute("CREATE TABLE outbox (id bigserial PRIMARY KEY, payload text)");
                st.execute("CREATE SEQUENCE declaration_serial");
                st.execute("INSERT INTO outbox (payload) VALUES ('filed before')");
            }
        }
        try (LocalPostgres postgres = LocalPostgres.start(0, dataDir)) {
            LocalPostgres.Credentials owner = Infrastructure.prepare(postgres).get("declarations");
            try (Connection c = connect(postgres, "declarations", owner); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE outbox ADD COLUMN parked boolean NOT NULL DEFAULT false");
                st.execute("INSERT INTO outbox (payload) VALUES ('filed after')");
                try (ResultSet rs = st.executeQuery("SELECT nextval('declaration_serial'), max(id), count(*) FROM outbox")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                    assertThat(rs.getLong(2)).isEqualTo(2);
                    assertThat(rs.getLong(3)).isEqualTo(2);
                }
            }
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("declarations"), LocalPostgres.SUPERUSER, "not-the-password").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INVALID_PASSWORD));
        }
    }

    private static Connection connect(LocalPostgres postgres, String database, LocalPostgres.Credentials credentials)
            throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), credentials.username(), credentials.password());
    }

    private static String setting(Statement st, String name) throws Exception {
        try (ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
