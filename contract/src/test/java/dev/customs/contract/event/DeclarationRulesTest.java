package dev.customs.contract.event;

import dev.customs.contract.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeclarationRulesTest {

    private final DeclarationRules rules = new DeclarationRules(ReferenceData.standard());

    private static DeclarationEvent example() {
        return EventCodec.parse(EventCodecTest.CONTRACT_EXAMPLE);
    }

    private static DeclarationEvent withState(DeclarationEvent e, DeclarationState s) {
        return new DeclarationEvent(e.schemaVersion(), e.eventId(), e.eventType(), e.declarationId(), e.revision(), e.occurredAt(), s);
    }

    private static DeclarationState withItems(DeclarationState s, List<DeclarationItem> items, String totalCny, String totalUsd) {
        return new DeclarationState(s.declarationDate(), s.direction(), s.zoneCode(), s.zoneFlow(), s.tradeMode(),
                s.customsOffice(), s.declarantCode(), s.partnerCountry(), s.transportMode(), s.currency(), items,
                new BigDecimal(totalCny), new BigDecimal(totalUsd));
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(rules.check(example())).isEmpty();
    }

    @Test
    void reportsEveryBrokenRule() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        DeclarationState bad = new DeclarationState(s.declarationDate(), s.direction(), "9999", null, "5100", "80", "x",
                "XX", "Q", "ABC", List.of(new DeclarationItem(1, "7712345678", BigDecimal.ONE, "kg",
                new BigDecimal("1.001"), new BigDecimal("0.14"))), new BigDecimal("1.00"), new BigDecimal("0.14"));
        List<String> fields = rules.check(withState(e, bad)).stream().map(Violation::field).toList();
        assertThat(fields).containsExactlyInAnyOrder("declaration.zoneFlow", "declaration.zoneCode",
                "declaration.customsOffice", "declaration.declarantCode", "declaration.partnerCountry",
                "declaration.transportMode", "declaration.currency", "declaration.items[0].hsCode",
                "declaration.items[0].valueCny");
    }

    @Test
    void totalsMustEqualTheItemsAndStayBelowTheLimit() {
        DeclarationEvent e = example();
        DeclarationItem item = e.declaration().items().get(0);
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(item), "1850000.01", "257500.00"))))
                .containsExactly(new Violation("declaration.totalValueCny", "is 1850000.01 but the items sum to 1850000.00"));
        DeclarationItem huge = new DeclarationItem(1, "8471300000", BigDecimal.ONE, "台",
                new BigDecimal("1000000000000000.00"), new BigDecimal("1.00"));
        assertThat(rules.check(withState(e, withItems(e.declaration(), List.of(huge), "1000000000000000.00", "1.00"))))
                .extracting(Violation::field).contains("declaration.items[0].valueCny");
    }

    @Test
    void revisionsFollowTheEventType() {
        DeclarationEvent e = example();
        DeclarationEvent amendedAsOne = new DeclarationEvent(1, e.eventId(), EventType.AMENDED, e.declarationId(), 1L,
                e.occurredAt(), e.declaration());
        assertThat(rules.check(amendedAsOne)).containsExactly(new Violation("revision", "must be at least 2 for AMENDED"));
        DeclarationEvent future = new DeclarationEvent(2, e.eventId(), e.eventType(), e.declarationId(), 1L, e.occurredAt(), null);
        assertThat(rules.check(future)).containsExactly(new Violation("schemaVersion", "unsupported version 2"));
    }

    @Test
    void secondLineModesAreRejectedOnTheFirstLine() {
        DeclarationEvent e = example();
        DeclarationState s = e.declaration();
        DeclarationState secondLineMode = new DeclarationState(s.declarationDate(), s.direction(), s.zoneCode(), s.zoneFlow(),
                "5000", s.customsOffice(), s.declarantCode(), s.partnerCountry(), s.transportMode(), s.currency(),
                s.items(), s.totalValueCny(), s.totalValueUsd());
        assertThat(rules.check(withState(e, secondLineMode)))
                .containsExactly(new Violation("declaration.tradeMode", "supervision mode 5000 is not allowed for FIRST_LINE flow"));
    }
}
