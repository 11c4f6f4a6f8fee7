package dev.customs.declaration.declarations;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.config.DeclarationConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The grouping itself, with a stand-in for the store: who is filed with whom, and who hears what. */
class GroupCommitterTest {

    private static final String POISON = "000000000000000000";
    private static final String BLOCKER = "111111111111111111";
    private static final Filer FILER = Filer.actingFor("tester", "customs-cli", java.util.Set.of("91500000MA5U12346T"));

    /** Records each filed group; a group holding POISON fails as a whole; BLOCKER waits for a latch. */
    private static final class RecordingDeclarations extends DeclarationService {
        final List<List<String>> groups = new CopyOnWriteArrayList<>();
        final CountDownLatch blockerEntered = new CountDownLatch(1);
        final CountDownLatch releaseBlocker = new CountDownLatch(1);

        RecordingDeclarations() {
            super(null, null, null, new SimpleMeterRegistry(), null);
        }

        @Override
        public List<SubmissionOutcome> fileChecked(List<CheckedSubmission> submissions) {
            List<String> ids = submissions.stream().map(s -> s.request().declarationId()).toList();
            groups.add(ids);
            if (ids.contains(BLOCKER)) {
                blockerEntered.countDown();
                try {
                    releaseBlocker.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (ids.contains(POISON)) {
                throw new IllegalStateException("value out of range for " + POISON);
            }
            // The outcome's detail tells the test how large the group was.
            return ids.stream().<SubmissionOutcome>map(id -> new SubmissionOutcome.Conflict(id, "filed with " + ids.size()))
                    .toList();
        }
    }

    private static final class AllValid extends DeclarationValidator {
        AllValid() {
            super(null, null, null, 0, null);
        }

        @Override
        public CheckedSubmission check(DeclarationRequest request) {
            return new CheckedSubmission(request, null, List.of(), null, null, false, FILER, null);
        }
    }

    private final RecordingDeclarations declarations = new RecordingDeclarations();
    private final GroupCommitter committer = new GroupCommitter(declarations, new AllValid(), oneWriter());

    @AfterEach
    void stop() throws InterruptedException {
        declarations.releaseBlocker.countDown();
        committer.stop(null);
    }

    @Test
    void whatGathersWhileAWriterIsBusyIsFiledTogether() throws Exception {
        committer.start(null);
        CompletableFuture<SubmissionOutcome> blocker = submitAsync(BLOCKER);
        assertThat(declarations.blockerEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<SubmissionOutcome>> waiting = List.of(submitAsync("1"), submitAsync("2"), submitAsync("3"));
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 3);
        declarations.releaseBlocker.countDown();

        assertThat(detail(blocker.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 1");
        for (CompletableFuture<SubmissionOutcome> outcome : waiting) {
            assertThat(detail(outcome.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 3");
        }
        assertThat(declarations.groups).hasSize(2);
        assertThat(declarations.groups.get(1)).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void aFailingGroupIsFiledOneByOneSoOnlyTheCulpritFails() throws Exception {
        committer.start(null);
        CompletableFuture<SubmissionOutcome> blocker = submitAsync(BLOCKER);
        assertThat(declarations.blockerEntered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<SubmissionOutcome> first = submitAsync("1");
        CompletableFuture<SubmissionOutcome> poison = submitAsync(POISON);
        CompletableFuture<SubmissionOutcome> second = submitAsync("2");
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 3);
        declarations.releaseBlocker.countDown();

        blocker.get(10, TimeUnit.SECONDS);
        assertThat(detail(first.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 1");
        assertThat(detail(second.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 1");
        assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("value out of range for " + POISON);
        assertThat(declarations.groups.get(1)).hasSize(3);
        assertThat(declarations.groups.subList(2, 5)).allSatisfy(group -> assertThat(group).hasSize(1));
    }

    @Test
    void whatIsQueuedWhenStoppingIsStillFiled() throws Exception {
        committer.start(null);
        CompletableFuture<SubmissionOutcome> blocker = submitAsync(BLOCKER);
        assertThat(declarations.blockerEntered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<SubmissionOutcome> queuedOne = submitAsync("1");
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 1);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                committer.stop(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        declarations.releaseBlocker.countDown();

        stopping.get(10, TimeUnit.SECONDS);
        assertThat(detail(blocker.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 1");
        assertThat(detail(queuedOne.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 1");
        // After the writers have left, a caller files on its own thread.
        assertThat(detail(committer.submit(request("2"), null, FILER))).isEqualTo("filed with 1");
    }

    private static String detail(SubmissionOutcome outcome) {
        return ((SubmissionOutcome.Conflict) outcome).detail();
    }

    @Test
    void aCallerWhoQueuedAsTheWriterFoundNothingIsAnsweredBeforeItStops() throws Exception {
        CompletableFuture<SubmissionOutcome> late = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        AtomicBoolean armed = new AtomicBoolean(true);
        // The writer's poll has just come back empty; before it looks at whether to stop, a caller queues and
        // waits (the service still running), then the service stops.
        committer.afterEmptyPoll = () -> {
            if (!armed.getAndSet(false)) {
                return;
            }
            Thread caller = new Thread(() -> {
                try {
                    late.complete(committer.submit(request("late"), null, FILER));
                } catch (RuntimeException e) {
                    late.completeExceptionally(e);
                }
            });
            caller.start();
            awaitWaiting(caller); // in submit, past its own look at whether the service is stopping
            Thread stopper = new Thread(() -> {
                try {
                    committer.stop(null);
                    stopped.complete(null);
                } catch (InterruptedException e) {
                    stopped.completeExceptionally(e);
                }
            });
            stopper.start();
            awaitWaiting(stopper); // stopping, joining this writer
        };
        committer.start(null);

        stopped.get(10, TimeUnit.SECONDS);
        // The writers have left; the caller's declaration must have been filed by then, or nobody ever files it.
        assertThat(declarations.groups).containsExactly(List.of("late"));
        assertThat(detail(late.get(10, TimeUnit.SECONDS))).isEqualTo("filed with 1");
    }

    private static void awaitWaiting(Thread thread) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> thread.getState() == Thread.State.WAITING);
    }

    private int queued() {
        return committer.queued();
    }

    private CompletableFuture<SubmissionOutcome> submitAsync(String id) {
        return CompletableFuture.supplyAsync(() -> committer.submit(request(id), null, FILER));
    }

    private static DeclarationRequest request(String id) {
        return new DeclarationRequest(id, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static DeclarationConfig oneWriter() {
        return new DeclarationConfig() {
            public int maxBatchSize() {
                return 1000;
            }

            public long maxBodyBytes() {
                return 1 << 24;
            }

            public int defaultPageSize() {
                return 50;
            }

            public int maxPageSize() {
                return 500;
            }

            public Duration idempotencyKeyRetention() {
                return Duration.ofDays(7);
            }

            public ZoneId timeZone() {
                return ZoneId.of("Asia/Shanghai");
            }

            public GroupCommit groupCommit() {
                return new GroupCommit() {
                    public int writers() {
                        return 1;
                    }

                    public int maxDeclarations() {
                        return 200;
                    }

                    public Duration idlePoll() {
                        return Duration.ofMillis(20);
                    }
                };
            }
        };
    }
}
