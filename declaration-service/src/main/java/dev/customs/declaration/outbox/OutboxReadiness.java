package dev.customs.declaration.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness in place of the Kafka client's own check. Filing needs only the database (its own readiness
 * check stays): while Kafka is away declarations are stored with their events and relayed once it is back,
 * so a pod must not be taken out of service for it. This check is always UP and reports, as data, whether
 * the relay reaches the broker and how much waits in the outbox; alerts watch the metrics
 * ({@code customs_outbox_backlog}, {@code customs_outbox_parked_rows}).
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").up()
                .withData("brokerReachable", relay.brokerReachable())
                .withData("backlog", (long) relay.backlog())
                .withData("parked", (long) relay.parkedRows());
        if (relay.lastAcknowledged() != null) {
            response.withData("lastAcknowledged", relay.lastAcknowledged().toString());
        }
        return response.build();
    }
}
