package dev.customs.contract.testing;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.EventType;
import dev.customs.contract.event.ZoneFlow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Builds valid events for tests; values are given as strings so expected sums stay exact. */
public final class TestDeclarations {

    public static final String DECLARANT = "91500000MA5U12346T";

    private TestDeclarations() {
    }

    /** An 18-digit declaration number: customs office, year, direction digit, 9-digit serial. */
    public static String declarationId(String office, int year, Direction direction, long serial) {
        return office + year + (direction == Direction.IMPORT ? "1" : "0") + String.format("%09d", serial);
    }

    /** A one-item declaration in CNY. */
    public static DeclarationState state(LocalDate date, Direction direction, String zoneCode, ZoneFlow flow,
                                         String tradeMode, String partner, String hsCode, String cny, String usd) {
        BigDecimal valueCny = new BigDecimal(cny);
        BigDecimal valueUsd = new BigDecimal(usd);
        return new DeclarationState(date, direction, zoneCode, flow, tradeMode, zoneCode == null ? "8013" : zoneCode,
                DECLARANT, partner, "3", "CNY",
                List.of(new DeclarationItem(1, hsCode, new BigDecimal("10"), "台", valueCny, valueUsd)),
                valueCny, valueUsd);
    }

    public static DeclarationEvent declared(String id, DeclarationState state) {
        return event(EventType.DECLARED, id, 1, state);
    }

    public static DeclarationEvent amended(String id, long revision, DeclarationState state) {
        return event(EventType.AMENDED, id, revision, state);
    }

    public static DeclarationEvent cancelled(String id, long revision, DeclarationState state) {
        return event(EventType.CANCELLED, id, revision, state);
    }

    public static DeclarationEvent event(EventType type, String id, long revision, DeclarationState state) {
        return new DeclarationEvent(DeclarationEvent.SCHEMA_VERSION, UUID.randomUUID(), type, id, revision,
                Instant.now(), state);
    }
}
