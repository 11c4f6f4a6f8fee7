package dev.customs.kafka;

import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Checks at start, as the service's own Kafka user, that {@link TopicCheck#TOPIC} has the partitions, replication
 * and retention of {@link TopicSettings}, before anything produces to or consumes from it (ahead of the messaging
 * channels and the outbox relay). A topic that is missing or not as configured, or a broker that does not answer
 * within {@code customs.topic.check-timeout}, stops the start with one ERROR message saying what is wrong and how to fix
 * it, and the process exits with status 1. As configured: one INFO line.
 * <p>
 * A broker that does not answer is asked again with backoff until the timeout, so a service started while the
 * broker restarts comes up once it is back; past the timeout the start fails (an orchestrator restarts it).
 */
@ApplicationScoped
public class TopicCheckAtStart {

    private static final Logger LOG = Logger.getLogger(TopicCheckAtStart.class);
    /** The longest one question to the broker may take; the whole check is bounded by the check timeout. */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** The check's answer: the topic is as configured (and {@code message} is the INFO line) or not (the ERROR). */
    public record Result(boolean passed, String message) {
    }

    private final Map<String, Object> kafkaConfig;
    private final TopicSettings settings;
    private final String user;

    public TopicCheckAtStart(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicSettings settings,
                             @ConfigProperty(name = "customs.kafka.username") String user) {
        this.kafkaConfig = kafkaConfig;
        this.settings = settings;
        this.user = user;
    }

    /** Before the messaging channels (priority 1000) and every application observer. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Result result = check(kafkaConfig, user, TopicCheck.Expected.of(settings), settings.checkTimeout());
        if (!result.passed()) {
            LOG.error(result.message());
            // Exit status 1 once the start is abandoned; the exception skips every later start-up step and observer
            // (the consumer, the outbox relay) without a second report: the line above says it all.
            Quarkus.asyncExit(1);
            throw new PreventFurtherStepsException(1);
        }
        LOG.info(result.message());
    }

    /**
     * Describes {@link TopicCheck#TOPIC} with {@code clientConfig} (bootstrap servers and the credentials of
     * {@code user}) and compares it with {@code expected}, asking again while the broker does not answer, for at
     * most {@code timeout}.
     */
    public static Result check(Map<String, Object> clientConfig, String user, TopicCheck.Expected expected,
                               Duration timeout) {
        TopicCheck.Target target = new TopicCheck.Target(TopicCheck.TOPIC,
                String.valueOf(clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)), user);
        Map<String, Object> props = new HashMap<>(clientConfig);
        props.keySet().retainAll(AdminClientConfig.configNames());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "topic-check");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration backoff = FIRST_BACKOFF;
        try (Admin admin = Admin.create(props)) {
            for (int attempt = 1; ; attempt++) {
                Throwable failure;
                try {
                    TopicCheck.Found found = describe(admin, target.topic());
                    List<TopicCheck.Problem> problems = TopicCheck.problems(target, expected, found);
                    return problems.isEmpty()
                            ? new Result(true, TopicCheck.asConfigured(target, found))
                            : new Result(false, TopicCheck.misconfigured(target, problems));
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (TimeoutException e) {
                    failure = e;
                }
                if (failure instanceof UnknownTopicOrPartitionException) {
                    return new Result(false, TopicCheck.missing(target, expected));
                }
                if (failure instanceof Refused refused) {
                    return new Result(false, TopicCheck.notAllowed(target, refused.operation));
                }
                if (failure instanceof AuthenticationException) {
                    return new Result(false, TopicCheck.refused(target, failure.getMessage()));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Result(false, TopicCheck.unanswered(target, timeout, String.valueOf(failure)));
                }
                if (attempt == 1) {
                    LOG.infof("Kafka at %s does not describe topic %s yet (%s); asking again for up to %d s",
                            target.bootstrapServers(), target.topic(), failure, timeout.toSeconds());
                } else {
                    LOG.debugf("attempt %d to describe %s failed: %s", attempt, target.topic(), failure);
                }
                Thread.sleep(Math.min(backoff.toMillis(), TimeUnit.NANOSECONDS.toMillis(left) + 1));
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "Interrupted while checking topic " + target.topic() + "; not starting.");
        }
    }

    /** An authorization failure, with the operation the broker refused. */
    private static final class Refused extends Exception {
        private final String operation;

        Refused(String operation, Throwable cause) {
            super(cause);
            this.operation = operation;
        }
    }

    private static TopicCheck.Found describe(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        } catch (ExecutionException e) {
            throw refusedAs("Describe", e);
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config;
        try {
            config = admin.describeConfigs(List.of(resource)).all()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        } catch (ExecutionException e) {
            throw refusedAs("DescribeConfigs", e);
        }
        return new TopicCheck.Found(description.partitions().size(),
                description.partitions().stream().map(p -> p.replicas().size()).collect(Collectors.toCollection(TreeSet::new)),
                value(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), value(config, TopicConfig.RETENTION_MS_CONFIG));
    }

    /** An authorization failure becomes {@link Refused} naming {@code operation}; anything else stays as it was. */
    private static ExecutionException refusedAs(String operation, ExecutionException e) {
        return e.getCause() instanceof TopicAuthorizationException
                ? new ExecutionException(new Refused(operation, e.getCause()))
                : e;
    }

    private static String value(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }
}
