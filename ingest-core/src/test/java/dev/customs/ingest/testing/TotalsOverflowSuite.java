package dev.customs.ingest.testing;

import dev.customs.contract.event.DeclarationEvent;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.testing.ExpectedTotals;
import dev.customs.ingest.DeclarationEventApplier;
import dev.customs.rest.testing.ExactNumbers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid declarations, each at the largest valid amount, on one totals key until it passes 10^18: read back
 * exactly. Each consumer runs it as a {@code @QuarkusTest} of its own, saying how its totals answer for area
 * 8013 over a range.
 */
@ExtendWith(ExactNumbers.class)
public abstract class TotalsOverflowSuite {

    private static final LocalDate DAY = LocalDate.of(2014, 3, 3);

    @Inject
    protected DeclarationEventApplier applier;

    @Test
    void totalsPastTenToTheEighteenReadBackExactly() throws Exception {
        String largest = DeclarationRules.MONEY_LIMIT.subtract(new BigDecimal("0.01")).toPlainString();
        List<DeclarationState> sent = new ArrayList<>();
        List<DeclarationEvent> batch = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            DeclarationState state = state(DAY, IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", largest, largest);
            batch.add(declared(declarationId("8013", 2014, IMPORT, 10_000 + i), state));
            sent.add(state);
            if (batch.size() == 250 || i == 1000) {
                applier.apply(batch);
                batch = new ArrayList<>();
            }
        }
        ExpectedTotals expected = ExpectedTotals.ofDeclarations(sent);
        assertThat(expected.importCny()).isGreaterThan(new BigDecimal("1e18"));

        expected.assertRow(totals(DAY, DAY), "declarations", "totals on " + DAY);
        // The monthly rows answer a whole month.
        expected.assertRow(totals(LocalDate.of(2014, 3, 1), LocalDate.of(2014, 3, 31)), "declarations", "totals in March 2014");
    }

    /** The service's totals answer for a range that holds area 8013's trade (its own or the national one). */
    protected abstract Map<String, Object> totals(LocalDate from, LocalDate to);
}
