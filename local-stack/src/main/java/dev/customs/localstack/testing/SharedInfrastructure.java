package dev.customs.localstack.testing;

import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalKafka;
import dev.customs.localstack.LocalPostgres;

/**
 * One broker and one database server per test JVM, started on first use and stopped when the JVM
 * exits, so every Quarkus test (and every restart of the application under test) shares them.
 */
public final class SharedInfrastructure {

    private static LocalKafka kafka;
    private static LocalPostgres postgres;

    private SharedInfrastructure() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = Infrastructure.prepare(LocalKafka.start(0, null));
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
        }
        return kafka;
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = Infrastructure.prepare(LocalPostgres.start(0, null));
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
        }
        return postgres;
    }
}
