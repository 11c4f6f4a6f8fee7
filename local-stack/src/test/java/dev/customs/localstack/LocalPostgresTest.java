package dev.customs.localstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The local database keeps the durability production has, whatever the embedded builder defaults to. */
class LocalPostgresTest {

    @Test
    void commitsWaitForTheirWalFlush() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(0, null);
             Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), LocalPostgres.USER,
                     LocalPostgres.PASSWORD);
             Statement st = c.createStatement()) {
            assertThat(setting(st, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(st, "fsync")).isEqualTo("on");
        }
    }

    private static String setting(Statement st, String name) throws Exception {
        try (ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
