package dev.customs.declaration.outbox;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.ReliableProducer;
import dev.customs.declaration.config.OutboxConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Moves outbox rows to Kafka: locks a batch (SKIP LOCKED, so several instances share the work), sends
 * it, waits for every acknowledgement, and only then deletes the rows in the same transaction. A crash
 * in between sends the batch again; consumers neutralise the duplicates by event id and revision.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String LOCK_BATCH = """
            SELECT id, declaration_id, payload FROM outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";
    private static final String BACKLOG = "SELECT count(*) FROM outbox";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("customs_events_published").description("Events acknowledged by Kafka")
                .register(registry);
        Gauge.builder("customs_outbox_backlog", this, OutboxRelay::backlog)
                .description("Events stored but not yet acknowledged by Kafka").register(registry);
    }

    void start(@Observes StartupEvent event) {
        producer = ReliableProducer.create(kafkaConfig, "declaration-outbox-relay");
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(config.ackTimeout().toMillis());
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void relayUntilStopped() {
        Duration backoff = config.retryInitialBackoff();
        boolean failing = false;
        while (running) {
            try {
                int relayed = QuarkusTransaction.requiringNew().call(this::relayBatch);
                if (failing) {
                    LOG.info("Outbox relay recovered");
                    failing = false;
                    backoff = config.retryInitialBackoff();
                }
                if (relayed < config.batchSize()) {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf(e, "Outbox relay failed; retrying with backoff until Kafka and the database answer");
                    failing = true;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.retryMaxBackoff()) > 0
                        ? config.retryMaxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** One batch in the caller's transaction; returns how many events it relayed. */
    private int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = new ArrayList<>();
            List<Future<?>> acks = new ArrayList<>();
            try (PreparedStatement lock = connection.prepareStatement(LOCK_BATCH)) {
                lock.setInt(1, config.batchSize());
                try (ResultSet rows = lock.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                        acks.add(producer.send(new ProducerRecord<>(DeclarationEvent.TOPIC, rows.getString(2), rows.getBytes(3))));
                    }
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            long deadline = System.nanoTime() + config.ackTimeout().toNanos();
            for (Future<?> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                Array array = connection.createArrayOf("bigint", ids.toArray());
                delete.setArray(1, array);
                delete.executeUpdate();
            }
            published.increment(ids.size());
            return ids.size();
        }
    }

    private double backlog() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(BACKLOG)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
