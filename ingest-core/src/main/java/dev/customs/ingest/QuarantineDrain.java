package dev.customs.ingest;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves quarantined records to the dead-letter topic once it takes them again, and counts what is left for
 * the {@code customs_ingest_quarantine_size} gauge. A chunk of rows is locked, published (waiting for the
 * broker's acknowledgement) and deleted in one transaction: a row leaves the table only once its dead letter
 * is written; should the commit fail after that, the row is published again later (a duplicate dead letter,
 * never a lost one). SKIP LOCKED lets several instances of a service drain side by side.
 */
@ApplicationScoped
public class QuarantineDrain {

    private static final Logger LOG = Logger.getLogger(QuarantineDrain.class);
    private static final int CHUNK = 100;

    private static final String TAKE = """
            SELECT id, source_topic, source_partition, source_offset, kind, reason, record_key, record_value,
                   key_size, value_size, key_sha256, value_sha256, truncated
            FROM quarantined_records ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String DELETE = "DELETE FROM quarantined_records WHERE id = ANY (CAST(? AS bigint[]))";

    /** One quarantined record as stored. */
    public record Stored(long id, String topic, int partition, long offset, String kind, String reason, byte[] key,
                         byte[] value, Integer keySize, Integer valueSize, String keySha256, String valueSha256,
                         boolean truncated) {
    }

    private final AgroalDataSource dataSource;
    private final DeadLetterPublisher deadLetters;
    private final IngestConfig config;
    private final AtomicLong size = new AtomicLong();
    private ScheduledExecutorService timer;
    private boolean failing;

    public QuarantineDrain(AgroalDataSource dataSource, DeadLetterPublisher deadLetters, IngestConfig config,
                           MeterRegistry registry) {
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.config = config;
        Gauge.builder("customs_ingest_quarantine_size", size, AtomicLong::get)
                .description("Rows in table quarantined_records: bad records waiting for the dead-letter topic")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "quarantine-drain"));
        long every = config.quarantineRetryInterval().toMillis();
        timer.scheduleWithFixedDelay(this::drainSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Recounts the rows in quarantine (after the consumer added some). */
    public void refreshSize() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM quarantined_records");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            size.set(rows.getLong(1));
        } catch (SQLException | RuntimeException e) {
            LOG.debugf(e, "Could not count quarantined records");
        }
    }

    private void drainSafely() {
        try {
            refreshSize();
            while (size.get() > 0 && drainChunk() > 0) {
                refreshSize();
            }
            if (failing) {
                LOG.infof("Quarantined records are being moved to %s again", config.deadLetterTopic());
                failing = false;
            }
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf(e, "Cannot move quarantined records to %s yet; retrying every %s",
                        config.deadLetterTopic(), config.quarantineRetryInterval());
                failing = true;
            }
        }
    }

    /** Publishes and deletes one chunk in one transaction; the rows moved. */
    int drainChunk() throws Exception {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<Stored> rows = new ArrayList<>();
                try (PreparedStatement statement = connection.prepareStatement(TAKE)) {
                    statement.setInt(1, CHUNK);
                    try (ResultSet r = statement.executeQuery()) {
                        while (r.next()) {
                            rows.add(new Stored(r.getLong(1), r.getString(2), r.getInt(3), r.getLong(4), r.getString(5),
                                    r.getString(6), r.getBytes(7), r.getBytes(8), (Integer) r.getObject(9),
                                    (Integer) r.getObject(10), r.getString(11), r.getString(12), r.getBoolean(13)));
                        }
                    }
                }
                if (rows.isEmpty()) {
                    return 0;
                }
                deadLetters.publishStored(rows);
                try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                    statement.setArray(1, connection.createArrayOf("bigint", rows.stream().map(Stored::id).toArray()));
                    statement.executeUpdate();
                }
                return rows.size();
            }
        });
    }
}
