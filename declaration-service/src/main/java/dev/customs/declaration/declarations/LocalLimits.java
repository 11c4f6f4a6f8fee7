package dev.customs.declaration.declarations;

import dev.customs.contract.event.DeclarationRules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Limits of the contract's "Plausibility" section that {@link DeclarationRules} does not expose as constants
 * (yet). They only bound a request cheaply before any arithmetic or serialisation; the contract's rules, run on
 * the converted event, stay the authority, so a stricter contract rule applies here without a change.
 * Replace each by the contract's constant once it exists.
 */
final class LocalLimits {

    /** The contract's quantity maximum is not a constant yet; the money limit bounds quantities meanwhile. */
    static final BigDecimal QUANTITY_LIMIT = DeclarationRules.MONEY_LIMIT;
    /** Integer digits of a quantity below {@link #QUANTITY_LIMIT} (10^15). */
    static final int QUANTITY_INTEGER_DIGITS = QUANTITY_LIMIT.precision() - 1;
    /** "quantities positive, at most 6 fractional digits". */
    static final int QUANTITY_SCALE = 6;
    /** "declarationDate from 1990-01-01". */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);

    private LocalLimits() {
    }
}
