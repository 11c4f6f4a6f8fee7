package dev.customs.localstack.testing;

import dev.customs.localstack.Infrastructure;
import dev.customs.localstack.LocalKafka;
import dev.customs.localstack.LocalPostgres;
import org.apache.kafka.common.security.plain.internals.PlainSaslServerProvider;
import org.apache.kafka.common.security.scram.internals.ScramSaslServerProvider;

import java.security.Provider;
import java.security.Security;
import java.util.List;

import java.util.Map;

/**
 * One broker and one database server per test classloader, started on first use and stopped when the JVM
 * exits: every test class of one Quarkus test profile shares them; a class with another profile runs in
 * a new classloader and so gets its own, isolated from the others' data.
 */
public final class SharedInfrastructure {

    private static LocalKafka kafka;
    private static LocalPostgres postgres;
    private static Map<String, LocalPostgres.Credentials> postgresCredentials;

    private SharedInfrastructure() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            claimSaslServerProviders();
            kafka = Infrastructure.startKafka(0, 0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
        }
        return kafka;
    }

    /**
     * The broker finds its SASL mechanisms among the JVM's security providers, where the first registered
     * stays. Registered by an earlier profile's classloader, they hand this classloader's broker callbacks of
     * classes it does not know, and it refuses every login. This classloader's broker needs its own; the
     * earlier profiles' brokers serve no test any more.
     */
    private static void claimSaslServerProviders() {
        for (Class<?> own : List.of(PlainSaslServerProvider.class, ScramSaslServerProvider.class)) {
            for (Provider provider : Security.getProviders()) {
                if (provider.getClass().getName().equals(own.getName()) && provider.getClass() != own) {
                    Security.removeProvider(provider.getName());
                }
            }
        }
        PlainSaslServerProvider.initialize();
        ScramSaslServerProvider.initialize();
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
            postgresCredentials = Infrastructure.prepare(postgres);
        }
        return postgres;
    }

    /** The credentials of the role that owns {@code database}, as its service gets them. */
    public static synchronized LocalPostgres.Credentials credentials(String database) {
        postgres();
        LocalPostgres.Credentials credentials = postgresCredentials.get(database);
        if (credentials == null) {
            throw new IllegalArgumentException("no database " + database + "; the platform's are " + postgresCredentials.keySet());
        }
        return credentials;
    }
}
