package dev.customs.declaration.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Vetoed;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka away is data, not unreadiness: filing goes on into the outbox. */
class OutboxReadinessTest {

    /** A relay that has lost the broker with 42 events waiting and one parked; no bean of the tested app. */
    @Vetoed
    private static final class BrokerAway extends OutboxRelay {
        BrokerAway() {
            super(null, null, java.util.Map.of(), new SimpleMeterRegistry(), OpenTelemetry.noop().getTracer("test"));
        }

        @Override
        public boolean brokerReachable() {
            return false;
        }

        @Override
        public double backlog() {
            return 42;
        }

        @Override
        public double parkedRows() {
            return 1;
        }
    }

    @Test
    void staysUpWhileTheBrokerIsAwayAndSaysSo() {
        HealthCheckResponse response = new OutboxReadiness(new BrokerAway()).call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> {
            assertThat(data).containsEntry("brokerReachable", false);
            assertThat(data).containsEntry("backlog", 42L);
            assertThat(data).containsEntry("parked", 1L);
        });
    }
}
