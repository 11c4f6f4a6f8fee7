package dev.customs.declaration.declarations;

import dev.customs.contract.event.Violation;
import dev.customs.declaration.config.DeclarationConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code Idempotency-Key}s of POSTed declarations: what a valid key looks like, and forgetting keys after
 * {@code declarations.idempotency-key-retention} so the table does not grow with time. The keys themselves
 * are written by {@link DeclarationService} in the filing's transaction.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final String PURGE = "DELETE FROM idempotency_keys WHERE created_at < ?";
    private static final long PURGE_EVERY_MINUTES = 10;

    private final AgroalDataSource dataSource;
    private final DeclarationConfig config;
    private final Clock clock;
    private ScheduledExecutorService purger;

    public IdempotencyKeys(AgroalDataSource dataSource, DeclarationConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Why a header value is not a key: 1 to 255 printable ASCII characters (space to tilde). */
    public static Optional<Violation> invalid(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            return Optional.of(new Violation(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters"));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < ' ' || c > '~') {
                return Optional.of(new Violation(HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters"));
            }
        }
        return Optional.empty();
    }

    void start(@Observes StartupEvent event) {
        purger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
        });
        purger.scheduleWithFixedDelay(this::purge, PURGE_EVERY_MINUTES, PURGE_EVERY_MINUTES, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    /** Forgets keys older than the retention; returns how many. */
    public int purge() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PURGE)) {
            statement.setObject(1, clock.instant().minus(config.idempotencyKeyRetention()).atOffset(ZoneOffset.UTC));
            return statement.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // Retried at the next round; a late purge only keeps keys a little longer.
            LOG.warnf(e, "Purging old idempotency keys failed");
            return 0;
        }
    }
}
