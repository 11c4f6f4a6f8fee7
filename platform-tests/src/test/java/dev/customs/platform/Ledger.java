package dev.customs.platform;

import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;

import java.math.BigDecimal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The ground truth a test keeps for itself: each declaration's newest revision, summed by hand. */
final class Ledger {

    private record Applied(long revision, DeclarationState state) {
    }

    /** Expected totals, added up here rather than by any code the services use. */
    record Sums(long declarations, BigDecimal importCny, BigDecimal exportCny, BigDecimal importUsd, BigDecimal exportUsd) {

        static final Sums ZERO = new Sums(0, money(0), money(0), money(0), money(0));

        Sums plus(DeclarationState s) {
            boolean imports = s.direction() == Direction.IMPORT;
            return new Sums(declarations + 1,
                    imports ? importCny.add(s.totalValueCny()) : importCny,
                    imports ? exportCny : exportCny.add(s.totalValueCny()),
                    imports ? importUsd.add(s.totalValueUsd()) : importUsd,
                    imports ? exportUsd : exportUsd.add(s.totalValueUsd()));
        }

        BigDecimal totalCny() {
            return importCny.add(exportCny);
        }

        private static BigDecimal money(long units) {
            return BigDecimal.valueOf(units, 2);
        }
    }

    private final Map<String, Applied> newest = new HashMap<>();

    synchronized void apply(String declarationId, long revision, DeclarationState stateOrNullIfCancelled) {
        Applied current = newest.get(declarationId);
        if (current == null || revision > current.revision()) {
            newest.put(declarationId, new Applied(revision, stateOrNullIfCancelled));
        }
    }

    /** Declarations the consumers have seen, cancelled ones included. */
    synchronized int declarations() {
        return newest.size();
    }

    synchronized Sums zone(String zoneCode, LocalDate from, LocalDate to) {
        return sum(s -> Objects.equals(s.zoneCode(), zoneCode), from, to);
    }

    synchronized Sums national(LocalDate from, LocalDate to) {
        return sum(DeclarationState::countsNationally, from, to);
    }

    private Sums sum(java.util.function.Predicate<DeclarationState> counted, LocalDate from, LocalDate to) {
        Sums totals = Sums.ZERO;
        for (Applied applied : newest.values()) {
            DeclarationState s = applied.state();
            if (s != null && counted.test(s) && !s.declarationDate().isBefore(from) && !s.declarationDate().isAfter(to)) {
                totals = totals.plus(s);
            }
        }
        return totals;
    }

}
