package dev.customs.zone.ingest;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.ingest.DeclarationEventApplier;
import dev.customs.ingest.TotalsDelta;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.amended;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consumers applying the same events at once (a rebalance overlap, a zombie consumer): the real applier
 * in two concurrent transactions, held at the projection's {@code newDelta()} (reached after the ledger is
 * read) until both got there or a short timeout passed. Whatever the interleaving, each revision counts once.
 */
@QuarkusTest
@TestProfile(IngestHardeningProfile.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
class ConcurrentApplyTest {

    private static final String THREAD = "overlap-";

    @Inject
    DeclarationEventApplier applier;

    @Inject
    AgroalDataSource dataSource;

    private CyclicBarrier barrier;

    @BeforeEach
    void holdBothAtNewDelta() {
        barrier = new CyclicBarrier(2);
        CyclicBarrier both = barrier;
        QuarkusMock.installMockForType(new ZoneTotalsProjection() {
            @Override
            public TotalsDelta newDelta() {
                // Only the test's threads wait; anything else the application does passes straight through.
                if (Thread.currentThread().getName().startsWith(THREAD)) {
                    try {
                        both.await(300, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException | BrokenBarrierException e) {
                        // The other transaction is blocked behind this one's locks: the point of the fix.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.newDelta();
            }
        }, ZoneTotalsProjection.class);
    }

    @RepeatedTest(20)
    void newDeclarationAppliedTwiceAtOnceCountsOnce(RepetitionInfo repetition) throws Exception {
        int n = repetition.getCurrentRepetition();
        LocalDate day = LocalDate.of(2018, 1, 1).plusDays(n);
        String a = declarationId("8013", 2018, IMPORT, 1000 + n);
        String b = declarationId("8013", 2018, EXPORT, 2000 + n);
        List<DeclarationEvent> batch = List.of(
                declared(a, state(day, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1234.56", "171.80")),
                declared(b, state(day, EXPORT, "8013", FIRST_LINE, "5034", "US", "8542310000", "0.01", "0.01")));

        bothAtOnce(batch);

        assertThat(dayTotals(day, IMPORT)).isEqualTo(new Totals(1, new BigDecimal("1234.56"), new BigDecimal("171.80")));
        assertThat(dayTotals(day, EXPORT)).isEqualTo(new Totals(1, new BigDecimal("0.01"), new BigDecimal("0.01")));
        assertThat(revision(a)).isEqualTo(1);
        assertThat(revision(b)).isEqualTo(1);
    }

    @RepeatedTest(20)
    void newRevisionAppliedTwiceAtOnceCountsOnce(RepetitionInfo repetition) throws Exception {
        int n = repetition.getCurrentRepetition();
        LocalDate day = LocalDate.of(2017, 1, 1).plusDays(n);
        String a = declarationId("8013", 2017, IMPORT, 3000 + n);
        DeclarationState v1 = state(day, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1000.00", "139.00");
        DeclarationState v2 = state(day, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "2500.25", "347.50");
        barrier.reset();
        applier.apply(new ArrayList<>(List.of(declared(a, v1))));

        bothAtOnce(List.of(amended(a, 2, v2)));

        assertThat(dayTotals(day, IMPORT)).isEqualTo(new Totals(1, new BigDecimal("2500.25"), new BigDecimal("347.50")));
        assertThat(revision(a)).isEqualTo(2);
    }

    private void bothAtOnce(List<DeclarationEvent> batch) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2, new java.util.concurrent.ThreadFactory() {
            private int next;

            @Override
            public synchronized Thread newThread(Runnable r) {
                return new Thread(r, THREAD + next++);
            }
        });
        try {
            Callable<DeclarationEventApplier.Outcome> apply = () -> applier.apply(new ArrayList<>(batch));
            Future<DeclarationEventApplier.Outcome> first = threads.submit(apply);
            Future<DeclarationEventApplier.Outcome> second = threads.submit(apply);
            int applied = first.get(30, TimeUnit.SECONDS).applied() + second.get(30, TimeUnit.SECONDS).applied();
            assertThat(applied).as("events applied by both transactions together").isEqualTo(batch.size());
        } finally {
            threads.shutdownNow();
        }
    }

    record Totals(long declarations, BigDecimal cny, BigDecimal usd) {
    }

    private Totals dayTotals(LocalDate day, dev.customs.contract.event.Direction direction) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT coalesce(sum(declarations), 0), coalesce(sum(value_cny), 0), coalesce(sum(value_usd), 0)
                FROM zone_daily_totals WHERE zone_code = '8013' AND day = ? AND direction = ?""")) {
            st.setObject(1, day);
            st.setString(2, direction.name());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3));
            }
        }
    }

    private long revision(String declarationId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT revision FROM applied_declarations WHERE declaration_id = ?")) {
            st.setString(1, declarationId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
