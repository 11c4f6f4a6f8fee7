package dev.customs.declaration.declarations;

import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.config.DeclarationConfig;
import dev.customs.kafka.KafkaTracing;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Files single declarations from concurrent requests together. Each request is checked on its own
 * thread; valid ones wait in a queue, and a few writers take whatever has gathered and file it in one
 * transaction. A lone request is filed at once; under load the round trips and the commit are shared,
 * which is what lets single POSTs keep up with batches. A caller hears its answer only after the commit.
 */
@ApplicationScoped
public class GroupCommitter {

    private static final Logger LOG = Logger.getLogger(GroupCommitter.class);

    private record Pending(CheckedSubmission submission, CompletableFuture<SubmissionOutcome> outcome) {
    }

    private final DeclarationService declarations;
    private final DeclarationValidator validator;
    private final DeclarationConfig.GroupCommit config;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    /** Runs in a writer whose poll came back empty, before it looks at whether to stop; a seam for tests. */
    Runnable afterEmptyPoll = () -> {
    };

    public GroupCommitter(DeclarationService declarations, DeclarationValidator validator, DeclarationConfig config) {
        this.declarations = declarations;
        this.validator = validator;
        this.config = config.groupCommit();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < config.writers(); i++) {
            Thread writer = new Thread(this::writeUntilStopped, "group-commit-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Writers finish what is queued before they stop, so every waiting caller gets its answer. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join();
        }
    }

    /**
     * Checks the request on the caller's thread (conversion and the contract's rules included), then files it
     * with whatever else is waiting.
     *
     * @param idempotencyKey a valid {@code Idempotency-Key} (see {@link IdempotencyKeys}), or null
     */
    public SubmissionOutcome submit(DeclarationRequest request, String idempotencyKey, Filer filer) {
        CheckedSubmission checked = validator.check(request).filedBy(filer, idempotencyKey)
                .tracedBy(KafkaTracing.currentTraceparent());
        if (!checked.valid()) {
            return declarations.fileChecked(List.of(checked)).get(0);
        }
        Pending pending = new Pending(checked, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            // Arrived while shutting down, after the writers may have left: filed on this thread.
            file(List.of(pending));
        }
        try {
            return pending.outcome().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the declaration was being filed", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** Valid requests waiting for a writer. */
    int queued() {
        return queue.size();
    }

    private void writeUntilStopped() {
        List<Pending> group = new ArrayList<>(config.maxDeclarations());
        while (true) {
            Pending first;
            try {
                first = queue.poll(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                afterEmptyPoll.run();
                if (running) {
                    continue;
                }
                // Stopping: a caller may have queued after the poll came back empty and before running turned
                // false, and then found the service running, so it waits for a writer. Leave only once the
                // queue is empty; a caller that queues after that sees running false and files on its own.
                first = queue.poll();
                if (first == null) {
                    return;
                }
            }
            group.add(first);
            queue.drainTo(group, config.maxDeclarations() - 1);
            file(group);
            group.clear();
        }
    }

    private void file(List<Pending> group) {
        try {
            List<SubmissionOutcome> outcomes = declarations.fileChecked(group.stream().map(Pending::submission).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(e);
                return;
            }
            // Whatever failed must fail only the request it belongs to: each is filed again on its own.
            LOG.debugf(e, "Filing a group of %d failed; filing each on its own", group.size());
            group.forEach(pending -> file(List.of(pending)));
        }
    }
}
