package dev.customs.declaration.outbox;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.declaration.config.OutboxConfig;
import dev.customs.kafka.KafkaTracing;
import dev.customs.kafka.ReliableProducer;
import dev.customs.kafka.TraceScope;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Moves outbox rows to Kafka: locks a batch (SKIP LOCKED, so several instances share the work), sends
 * it, waits for every acknowledgement, and only then deletes the rows in the same transaction. A crash
 * in between sends the batch again; consumers neutralise the duplicates by event id and revision.
 *
 * <p>A batch is bounded by rows and by payload bytes. A row Kafka refuses for good (too large, an invalid
 * record) is parked in {@code outbox_parked} with the reason, once it has failed on its own, so the rows
 * behind it keep flowing; anything else (the broker away, timeouts) is retried with backoff, in order.
 *
 * <p>Tracing: a row that kept the trace context of the request that wrote it is sent in a producer span that is
 * a child of that context (not a root linked to it: the send is the next step of the same declaration's
 * journey, and a child keeps the request, the send and the consumers' spans in one trace), and its record
 * carries the span's {@code traceparent} header. A row without one (the simulator's, say) is sent without a
 * span or a header: a root trace per relayed record would cost more than it tells.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String LOCK_BATCH = """
            SELECT id, octet_length(payload) FROM outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String READ =
            "SELECT id, declaration_id, payload, traceparent FROM outbox WHERE id = ANY (?) ORDER BY id";
    private static final String DELETE = "DELETE FROM outbox WHERE id = ANY (?)";
    private static final String PARK = """
            WITH moved AS (DELETE FROM outbox WHERE id = ? RETURNING id, declaration_id, payload, occurred_at, traceparent)
            INSERT INTO outbox_parked (id, declaration_id, payload, occurred_at, parked_at, failure, traceparent)
            SELECT id, declaration_id, payload, occurred_at, now(), ?, traceparent FROM moved""";
    private static final String BACKLOG = "SELECT count(*) FROM outbox";
    private static final AttributeKey<Long> OUTBOX_ID = AttributeKey.longKey("customs.outbox_id");
    private static final String PARKED = "SELECT count(*) FROM outbox_parked";

    /** One locked row on its way to Kafka; {@code traceparent} is the writing request's, or null. */
    private record Row(long id, String key, byte[] payload, String traceparent) {
    }

    /** A record handed to the producer, and its span (invalid when the row was not traced); ended on the ack. */
    private record Sending(Future<?> ack, Span span) {
    }

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter parked;
    private final Tracer tracer;
    private volatile boolean running;
    private volatile boolean failing;
    private volatile Instant lastAcknowledged;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry,
                       Tracer tracer) {
        this.dataSource = dataSource;
        this.tracer = tracer;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("customs_events_published").description("Events acknowledged by Kafka")
                .register(registry);
        this.parked = Counter.builder("customs_outbox_parked")
                .description("Outbox rows Kafka refused for good, moved to outbox_parked").register(registry);
        Gauge.builder("customs_outbox_backlog", this, OutboxRelay::backlog)
                .description("Events stored but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("customs_outbox_parked_rows", this, r -> r.count(PARKED))
                .description("Rows in outbox_parked, waiting for an operator").register(registry);
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

    /** False while relaying fails (the broker away or refusing); true once batches are acknowledged again. */
    public boolean brokerReachable() {
        return !failing;
    }

    /** Events Kafka acknowledged since this process started. */
    public long relayedSinceStart() {
        return (long) published.count();
    }

    /** When Kafka last acknowledged a batch, or null since startup. */
    public Instant lastAcknowledged() {
        return lastAcknowledged;
    }

    private void relayUntilStopped() {
        Duration backoff = config.retryInitialBackoff();
        while (running) {
            try {
                int relayed = QuarkusTransaction.requiringNew().call(this::relayBatch);
                if (failing) {
                    LOG.info("Outbox relay recovered");
                    failing = false;
                    backoff = config.retryInitialBackoff();
                }
                if (relayed == 0) {
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

    /** One batch in the caller's transaction; returns how many rows it relayed or parked. */
    private int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<Row> rows = read(connection, lockBatch(connection));
            if (rows.isEmpty()) {
                return 0;
            }
            List<Sending> sent = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sent.add(send(row));
            }
            long deadline = System.nanoTime() + config.ackTimeout().toNanos();
            List<Long> done = new ArrayList<>(rows.size());
            List<Row> refused = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                try {
                    sent.get(i).ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    done.add(rows.get(i).id());
                    if (LOG.isDebugEnabled()) {
                        try (TraceScope scope = TraceScope.enter(sent.get(i).span())) {
                            LOG.debugf("Relayed declaration %s (outbox row %d) to %s", rows.get(i).key(), rows.get(i).id(),
                                    DeclarationEvent.TOPIC);
                        }
                    }
                } catch (ExecutionException e) {
                    if (!refusedForGood(e.getCause())) {
                        throw e;
                    }
                    refused.add(rows.get(i));
                }
            }
            // A batch the broker refuses fails every record in it: only a row that fails alone is parked.
            for (Row row : refused) {
                Sending again = send(row);
                try {
                    again.ack().get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    done.add(row.id());
                } catch (ExecutionException e) {
                    if (!refusedForGood(e.getCause())) {
                        throw e;
                    }
                    try (TraceScope scope = TraceScope.enter(again.span())) {
                        park(connection, row, e.getCause());
                    }
                }
            }
            delete(connection, done);
            published.increment(done.size());
            lastAcknowledged = Instant.now();
            return rows.size();
        }
    }

    /** Ids of the oldest unlocked rows, as many as fit the row and byte bounds (at least one). */
    private List<Long> lockBatch(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        long bytes = 0;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_BATCH)) {
            lock.setInt(1, config.batchSize());
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    bytes += rs.getLong(2);
                    if (!ids.isEmpty() && bytes > config.maxBatchBytes()) {
                        break;
                    }
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<Row> read(Connection connection, List<Long> ids) throws SQLException {
        List<Row> rows = new ArrayList<>(ids.size());
        if (ids.isEmpty()) {
            return rows;
        }
        try (PreparedStatement read = connection.prepareStatement(READ)) {
            read.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /**
     * Hands a row to the producer, in a span continuing its request's trace when it has one. A send that fails
     * before it reaches the broker (e.g. too large for the producer) fails its future too.
     */
    private Sending send(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(DeclarationEvent.TOPIC, row.key(), row.payload());
        Context parent = KafkaTracing.parentOf(row.traceparent());
        Span span = Span.getInvalid();
        if (KafkaTracing.hasSpan(parent)) {
            span = tracer.spanBuilder("send " + DeclarationEvent.TOPIC).setParent(parent).setSpanKind(SpanKind.PRODUCER)
                    .setAttribute(KafkaTracing.MESSAGING_SYSTEM, "kafka")
                    .setAttribute(KafkaTracing.DESTINATION, DeclarationEvent.TOPIC)
                    .setAttribute(KafkaTracing.OPERATION, "send")
                    .setAttribute(KafkaTracing.DECLARATION_ID, row.key())
                    .setAttribute(OUTBOX_ID, row.id())
                    .startSpan();
            // Under a no-op tracer the span is the stored context itself, which the record then carries on.
            KafkaTracing.inject(parent.with(span), record.headers());
        }
        Span sending = span;
        try {
            return new Sending(producer.send(record, (metadata, failure) -> acknowledged(sending, metadata, failure)), span);
        } catch (KafkaException e) {
            acknowledged(span, null, e);
            return new Sending(CompletableFuture.failedFuture(e), span);
        }
    }

    private static void acknowledged(Span span, RecordMetadata metadata, Exception failure) {
        if (!span.isRecording()) {
            return;
        }
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        } else if (metadata != null) {
            span.setAttribute(KafkaTracing.PARTITION, Integer.toString(metadata.partition()));
            span.setAttribute(KafkaTracing.OFFSET, metadata.offset());
        }
        span.end();
    }

    /**
     * Errors no retry can cure for this record. Not every non-retriable error: an authorisation or
     * configuration error refuses every record, and parking them all would empty the outbox into the
     * parking table; those are retried until an operator fixes the cause.
     */
    static boolean refusedForGood(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof SerializationException;
    }

    private void park(Connection connection, Row row, Throwable failure) throws SQLException {
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        try (PreparedStatement park = connection.prepareStatement(PARK)) {
            park.setLong(1, row.id());
            park.setString(2, reason);
            park.executeUpdate();
        }
        parked.increment();
        LOG.errorf("Outbox row %d (declaration %s, %d bytes) parked in outbox_parked, Kafka refuses it: %s",
                row.id(), row.key(), row.payload().length, reason);
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    public double backlog() {
        return count(BACKLOG);
    }

    public double parkedRows() {
        return count(PARKED);
    }

    private double count(String query) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
