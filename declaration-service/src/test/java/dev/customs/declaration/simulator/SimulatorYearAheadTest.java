package dev.customs.declaration.simulator;

import dev.customs.contract.event.Violation;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.declarations.CheckedSubmission;
import dev.customs.declaration.declarations.DeclarationValidator;
import dev.customs.declaration.declarations.UnitValidators;
import dev.customs.declaration.rates.RateSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A year past the published rates (the table ends 2026-12) the simulator's declarations are still accepted. */
class SimulatorYearAheadTest {

    @Test
    void aYearAfterTheLastPublishedRatesEveryGeneratedDeclarationIsAccepted() {
        Clock clock = Clock.fixed(Instant.parse("2027-12-01T02:00:00Z"), ZoneOffset.UTC);
        DeclarationValidator validator = UnitValidators.at(clock);
        DeclarationGenerator generator = new DeclarationGenerator(RateSource.of(UnitValidators.CONTRACT_RATES), 42,
                DeclarationGenerator.meanValueCny(2000, 1));
        LocalDate today = LocalDate.now(clock.withZone(UnitValidators.CUSTOMS_TIME));
        List<List<Violation>> refused = new ArrayList<>();
        int provisional = 0;
        for (int i = 0; i < 2000; i++) {
            DeclarationRequest request = generator.next(today);
            CheckedSubmission checked = validator.check(request);
            if (!checked.valid()) {
                refused.add(checked.violations());
            } else if (checked.provisionalRate()) {
                provisional++;
            }
        }
        assertThat(refused).isEmpty();
        // Every declaration needs USD's rate, carried forward from 2026-12: all are provisional.
        assertThat(provisional).isEqualTo(2000);
    }
}
