package dev.customs.localstack.testing;

import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalKafka;
import dev.customs.localstack.LocalPostgres;

/**
 * One broker and one database server per test classloader, started on first use and stopped when the JVM
 * exits: every test class of one Quarkus test profile shares them; a class with another profile runs in
 * a new classloader and so gets its own, isolated from the others' data.
 */
public final class SharedInfrastructure {

    private static LocalKafka kafka;
    private static LocalPostgres postgres;

    private SharedInfrastructure() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            kafka = Infrastructure.startKafka(0, 0, null);
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
