package dev.customs.localstack.testing;

import dev.customs.localstack.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** The real PostgreSQL server for a Quarkus test; init arg {@code database} picks the service's database. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE_ARG);
        if (database == null) {
            throw new IllegalArgumentException("PostgresResource needs init arg '" + DATABASE_ARG + "'");
        }
    }

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = SharedInfrastructure.postgres();
        // The service's own role, as in production: a test that needs more than the service may do fails.
        LocalPostgres.Credentials credentials = SharedInfrastructure.credentials(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", credentials.username(),
                "quarkus.datasource.password", credentials.password());
    }

    @Override
    public void stop() {
        // Shared across application restarts; stopped by the JVM shutdown hook.
    }
}
