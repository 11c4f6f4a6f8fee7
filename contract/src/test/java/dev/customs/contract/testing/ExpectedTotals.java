package dev.customs.contract.testing;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trade a test works out for itself from the declarations it sent, never through a service's code: plain
 * BigDecimal sums, shares and growth rates, and an assertion that one row of a JSON answer equals them to
 * the cent (scale included, so read the answer with rest-support's {@code ExactNumbers}).
 *
 * @param count     declarations, or goods items for commodity tables
 * @param synthetic how many of the declarations are synthetic (not counted for goods items)
 */
public record ExpectedTotals(long count, long synthetic, BigDecimal importCny, BigDecimal exportCny,
                             BigDecimal importUsd, BigDecimal exportUsd) {

    /** Shares and growth rates are fractions with this many decimals, rounded half-even, as the API documents. */
    public static final int RATIO_SCALE = 4;

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    public static final ExpectedTotals NONE = new ExpectedTotals(0, 0, ZERO, ZERO, ZERO, ZERO);

    /** Each declaration counted once, with its total values. */
    public static ExpectedTotals ofDeclarations(Collection<DeclarationState> sent) {
        ExpectedTotals sum = NONE;
        for (DeclarationState s : sent) {
            sum = sum.plus(s.direction(), s.synthetic() ? 1 : 0, s.totalValueCny(), s.totalValueUsd());
        }
        return sum;
    }

    /** Each goods item that {@code which} accepts counted once, with its values: how commodity tables count. */
    public static ExpectedTotals ofItems(Collection<DeclarationState> sent, Predicate<DeclarationItem> which) {
        ExpectedTotals sum = NONE;
        for (DeclarationState s : sent) {
            for (DeclarationItem item : s.items()) {
                if (which.test(item)) {
                    sum = sum.plus(s.direction(), 0, item.valueCny(), item.valueUsd());
                }
            }
        }
        return sum;
    }

    /** Declarations dated from {@code from} to {@code to}, both inclusive. */
    public static Predicate<DeclarationState> dated(String from, String to) {
        LocalDate first = LocalDate.parse(from);
        LocalDate last = LocalDate.parse(to);
        return s -> !s.declarationDate().isBefore(first) && !s.declarationDate().isAfter(last);
    }

    private ExpectedTotals plus(Direction direction, long syntheticCount, BigDecimal cny, BigDecimal usd) {
        return direction == Direction.IMPORT
                ? new ExpectedTotals(count + 1, synthetic + syntheticCount, importCny.add(cny), exportCny,
                        importUsd.add(usd), exportUsd)
                : new ExpectedTotals(count + 1, synthetic + syntheticCount, importCny, exportCny.add(cny), importUsd,
                        exportUsd.add(usd));
    }

    public BigDecimal totalCny() {
        return importCny.add(exportCny);
    }

    public BigDecimal totalUsd() {
        return importUsd.add(exportUsd);
    }

    /** {@code part / whole}; 0.0000 when there is no whole. */
    public static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(RATIO_SCALE)
                : part.divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@code now / before - 1}; null when there is no base. */
    public static BigDecimal growth(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null : now.subtract(before).divide(before, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Asserts that the row's {@code countField} and its six money fields equal these sums exactly. */
    public void assertRow(Map<String, ?> row, String countField, String what) {
        assertThat(((Number) row.get(countField)).longValue()).as(what + " " + countField).isEqualTo(count);
        assertThat(row.get("importCny")).as(what + " importCny").isEqualTo(importCny);
        assertThat(row.get("exportCny")).as(what + " exportCny").isEqualTo(exportCny);
        assertThat(row.get("totalCny")).as(what + " totalCny").isEqualTo(totalCny());
        assertThat(row.get("importUsd")).as(what + " importUsd").isEqualTo(importUsd);
        assertThat(row.get("exportUsd")).as(what + " exportUsd").isEqualTo(exportUsd);
        assertThat(row.get("totalUsd")).as(what + " totalUsd").isEqualTo(totalUsd());
    }

    /** Asserts a totals answer: its {@code declarations}, money fields and {@code syntheticDeclarations}. */
    public void assertTotals(Map<String, ?> answer, String what) {
        assertRow(answer, "declarations", what);
        assertThat(((Number) answer.get("syntheticDeclarations")).longValue()).as(what + " syntheticDeclarations")
                .isEqualTo(synthetic);
    }
}
