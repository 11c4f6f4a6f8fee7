package dev.customs.platform;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.ZoneFlow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.event;
import static dev.customs.contract.testing.TestDeclarations.state;

/**
 * A seeded stream of events as a busy producer sends them: declarations, amendments, cancellations,
 * the same event twice and stale revisions late, recording the intended outcome in a {@link Ledger}.
 */
final class Workload {

    static final String[] ZONES = {"8013", "2369", "5349", "8010", "8008", "2230", "0130", "3130", "2330", "0230"};
    private static final double OUTSIDE_AREAS = 0.3;
    private static final double AMENDED = 0.02;
    private static final double CANCELLED = 0.005;
    private static final double DUPLICATED = 0.03;
    private static final double STALE = 0.01;

    private final Random random;
    private final Ledger ledger;
    private final String office;
    private final int year;
    private long serial;

    Workload(long seed, Ledger ledger, String office, int year) {
        this.random = new Random(seed);
        this.ledger = ledger;
        this.office = office;
        this.year = year;
    }

    /** The events of {@code count} more declarations, in publishing order. */
    List<DeclarationEvent> next(int count) {
        List<DeclarationEvent> events = new ArrayList<>();
        List<DeclarationEvent> late = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Direction direction = random.nextBoolean() ? Direction.IMPORT : Direction.EXPORT;
            String id = declarationId(office, year, direction, ++serial);
            DeclarationState state = randomState(direction);
            DeclarationEvent declared = event(EventType.DECLARED, id, 1, state);
            events.add(declared);
            ledger.apply(id, 1, state);
            long revision = 1;
            if (random.nextDouble() < AMENDED) {
                state = randomState(direction);
                events.add(event(EventType.AMENDED, id, ++revision, state));
                ledger.apply(id, revision, state);
            }
            if (random.nextDouble() < CANCELLED) {
                events.add(event(EventType.CANCELLED, id, ++revision, state));
                ledger.apply(id, revision, null);
            }
            if (random.nextDouble() < DUPLICATED) {
                late.add(declared);
            }
            if (revision > 1 && random.nextDouble() < STALE / AMENDED) {
                late.add(event(EventType.DECLARED, id, 1, randomState(direction)));
            }
        }
        events.addAll(late);
        return events;
    }

    private DeclarationState randomState(Direction direction) {
        LocalDate date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
        BigDecimal cny = BigDecimal.valueOf(100_000 + random.nextInt(50_000_000), 2);
        BigDecimal usd = BigDecimal.valueOf(cny.unscaledValue().longValue() / 7, 2);
        if (random.nextDouble() < OUTSIDE_AREAS) {
            return state(date, direction, null, null, "0110", "US", "8542310000", cny.toPlainString(), usd.toPlainString());
        }
        String zone = ZONES[random.nextInt(ZONES.length)];
        double flow = random.nextDouble();
        if (flow < 0.6) {
            return state(date, direction, zone, ZoneFlow.FIRST_LINE, "5034", "DE", "8471300000", cny.toPlainString(), usd.toPlainString());
        }
        if (flow < 0.9) {
            return state(date, direction, zone, ZoneFlow.SECOND_LINE, direction == Direction.IMPORT ? "5100" : "5000", "DE",
                    "8517620000", cny.toPlainString(), usd.toPlainString());
        }
        return state(date, direction, zone, ZoneFlow.INTRA_ZONE, "1200", "DE", "8471300000", cny.toPlainString(), usd.toPlainString());
    }
}
