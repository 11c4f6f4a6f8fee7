package dev.customs.declaration.simulator;

import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.declarations.DeclarationService;
import dev.customs.declaration.declarations.Filer;
import dev.customs.declaration.declarations.SubmissionOutcome;
import dev.customs.declaration.rates.ExchangeRates;
import dev.customs.declaration.rates.RateSource;
import dev.customs.declaration.simulator.SimulatorStatus.Mode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files generated declarations through the same service as the REST API, either live (dated today, at a
 * steady rate) or as a backfill of past days, as fast as the service takes them. A share of its own recent
 * declarations is amended or cancelled. One run at a time, each on its own thread; everything a run decides
 * follows from its seed.
 */
@ApplicationScoped
public class Simulator {

    private static final Logger LOG = Logger.getLogger(Simulator.class);
    private static final int SECONDS_PER_DAY = 86_400;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    /** Amendments correct the declared value by up to a tenth either way. */
    private static final double AMEND_MIN_FACTOR = 0.9;
    private static final double AMEND_MAX_FACTOR = 1.1;
    private static final String THREAD_NAME = "declaration-simulator";

    /**
     * The simulator's own system identity: its declarations are recorded as filed by it (not by the operator who
     * started it) and marked synthetic, so analysts can tell them from real ones. It may file for any enterprise.
     */
    static final Filer IDENTITY = Filer.simulator("customs-simulator", "declaration-service");

    private final DeclarationService declarations;
    private final SimulatorConfig config;
    private final RateSource rates;
    private final Clock clock;
    private Run current; // guarded by this

    public Simulator(DeclarationService declarations, SimulatorConfig config, ExchangeRates rates, Clock clock) {
        this.declarations = declarations;
        this.config = config;
        this.rates = rates;
        this.clock = clock;
    }

    /** Files {@code ratePerSecond} declarations a second, dated today, until stopped. */
    public synchronized SimulatorStatus start(int ratePerSecond, long seed) {
        ensureIdle();
        Run run = new Run(Mode.LIVE, seed, (double) ratePerSecond * SECONDS_PER_DAY);
        run.ratePerSecond = ratePerSecond;
        long tickNanos = config.tickInterval().toNanos();
        run.executor.scheduleAtFixedRate(() -> run.tick(ratePerSecond, tickNanos), 0, tickNanos, TimeUnit.NANOSECONDS);
        current = run;
        return run.status();
    }

    /** Files {@code declarationsPerDay} declarations for every day from {@code from} to {@code to}, in the background. */
    public synchronized SimulatorStatus backfill(LocalDate from, LocalDate to, int declarationsPerDay, long seed) {
        ensureIdle();
        Run run = new Run(Mode.BACKFILL, seed, declarationsPerDay);
        run.declarationsPerDay = declarationsPerDay;
        run.from = from;
        run.to = to;
        run.totalDays = ChronoUnit.DAYS.between(from, to) + 1;
        run.executor.execute(() -> run.backfill(from, to, declarationsPerDay));
        current = run;
        return run.status();
    }

    /** Stops the run, waiting for the batch in flight; harmless when nothing runs. */
    public SimulatorStatus stop() {
        Run run;
        synchronized (this) {
            run = current;
        }
        if (run != null) {
            // Not under the lock: status stays answerable while the last batch finishes.
            run.stop(config.stopTimeout());
        }
        return status();
    }

    public synchronized SimulatorStatus status() {
        return current == null ? SimulatorStatus.idle() : current.status();
    }

    // The shutdown event comes before the persistence layer closes; @PreDestroy alone would come after it.
    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void shutdown() {
        stop();
    }

    private void ensureIdle() {
        if (current != null && current.running()) {
            throw new IllegalStateException("the simulator is already running (" + current.mode
                    + " since " + current.startedAt + "); stop it first");
        }
    }

    /** One live or backfill run: its thread, its generator and what it has done so far. */
    private final class Run {

        final Mode mode;
        final long seed;
        final Instant startedAt = clock.instant();
        final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        final DeclarationGenerator generator;
        // A stream of its own, so that amend and cancel decisions do not shift the generated declarations.
        final SplittableRandom control;
        final RecentDeclarations recent = new RecentDeclarations(config.ringBufferSize());
        final AtomicLong sent = new AtomicLong();
        final AtomicLong amended = new AtomicLong();
        final AtomicLong cancelled = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong daysDone = new AtomicLong();
        volatile boolean stopping;
        Integer ratePerSecond;
        Integer declarationsPerDay;
        LocalDate from;
        LocalDate to;
        Long totalDays;
        // Confined to the run's thread.
        long carriedNanos;
        boolean errorLogged;
        boolean refusalLogged;

        Run(Mode mode, long seed, double declarationsPerDay) {
            this.mode = mode;
            this.seed = seed;
            // The service's own rates: past the published table the generator prices at the carried-forward
            // rates the service converts at, so the simulator keeps filing after the table's last month.
            this.generator = new DeclarationGenerator(rates, seed,
                    DeclarationGenerator.meanValueCny(declarationsPerDay, config.valueScale()));
            this.control = new SplittableRandom(seed).split();
        }

        boolean running() {
            return !executor.isTerminated();
        }

        SimulatorStatus status() {
            return new SimulatorStatus(mode, running(), ratePerSecond, declarationsPerDay, seed, from, to,
                    mode == Mode.BACKFILL ? daysDone.get() : null, totalDays, sent.get(), amended.get(),
                    cancelled.get(), rejected.get(), errors.get(), startedAt);
        }

        void tick(int rate, long tickNanos) {
            // Whole declarations now, the fraction carried to the next tick: the long-run rate is exact.
            long owed = rate * tickNanos + carriedNanos;
            carriedNanos = owed % NANOS_PER_SECOND;
            file(owed / NANOS_PER_SECOND, LocalDate.now(clock.withZone(config.timeZone())));
        }

        void backfill(LocalDate first, LocalDate last, int perDay) {
            try {
                for (LocalDate date = first; !date.isAfter(last) && !stopping; date = date.plusDays(1)) {
                    file(perDay, date);
                    if (!stopping) {
                        daysDone.incrementAndGet();
                    }
                }
            } finally {
                executor.shutdown();
            }
        }

        void file(long count, LocalDate date) {
            for (long left = count; left > 0 && !stopping; left -= config.batchSize()) {
                // A periodic task that throws is never run again: whatever goes wrong is counted here instead.
                try {
                    int size = (int) Math.min(left, config.batchSize());
                    List<DeclarationRequest> batch = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        batch.add(generator.next(date));
                    }
                    submit(batch);
                    for (int i = 0; i < size; i++) {
                        if (control.nextDouble() < config.amendRatio()) {
                            amendOne();
                        }
                        if (control.nextDouble() < config.cancelRatio()) {
                            cancelOne();
                        }
                    }
                } catch (RuntimeException e) {
                    failed(e);
                }
            }
        }

        private void submit(List<DeclarationRequest> batch) {
            try {
                List<SubmissionOutcome> outcomes = declarations.submitAll(batch, IDENTITY);
                for (int i = 0; i < outcomes.size(); i++) {
                    SubmissionOutcome outcome = outcomes.get(i);
                    if (outcome instanceof SubmissionOutcome.Accepted) {
                        sent.incrementAndGet();
                        recent.add(outcome.declarationId(), batch.get(i));
                    } else {
                        refused(outcome);
                    }
                }
            } catch (RuntimeException e) {
                failed(e);
            }
        }

        private void amendOne() {
            RecentDeclarations.Entry entry = recent.pick(control, config.recentIdWindow());
            if (entry == null) {
                return;
            }
            double factor = AMEND_MIN_FACTOR + control.nextDouble() * (AMEND_MAX_FACTOR - AMEND_MIN_FACTOR);
            DeclarationRequest amendment = DeclarationGenerator.revalued(entry.request(), factor);
            try {
                SubmissionOutcome outcome = declarations.amend(entry.declarationId(), amendment, IDENTITY);
                if (outcome instanceof SubmissionOutcome.Accepted) {
                    amended.incrementAndGet();
                    recent.replace(entry, amendment);
                } else {
                    refused(outcome);
                }
            } catch (RuntimeException e) {
                failed(e);
            }
        }

        private void cancelOne() {
            RecentDeclarations.Entry entry = recent.pick(control, config.recentIdWindow());
            if (entry == null) {
                return;
            }
            try {
                SubmissionOutcome outcome = declarations.cancel(entry.declarationId(), IDENTITY);
                if (outcome instanceof SubmissionOutcome.Accepted) {
                    cancelled.incrementAndGet();
                    recent.remove(entry);
                } else {
                    refused(outcome);
                }
            } catch (RuntimeException e) {
                failed(e);
            }
        }

        /** A refusal means the generator and the rules disagree: worth one warning with the reasons, then a count. */
        private void refused(SubmissionOutcome outcome) {
            rejected.incrementAndGet();
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.warnf("The service refused a simulated change to %s: %s; further refusals are only counted",
                        outcome.declarationId(), outcome);
            }
        }

        private void failed(RuntimeException e) {
            errors.incrementAndGet();
            if (!errorLogged) {
                errorLogged = true;
                LOG.error("A simulator call to the declaration service failed; the simulator keeps going and only counts further failures", e);
            } else {
                LOG.debug("Simulator call failed", e);
            }
        }

        void stop(Duration timeout) {
            stopping = true;
            // Cancels the periodic live task; a backfill notices the flag between batches.
            executor.shutdown();
            try {
                if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
