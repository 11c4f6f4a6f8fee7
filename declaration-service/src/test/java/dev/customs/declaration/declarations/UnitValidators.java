package dev.customs.declaration.declarations;

import dev.customs.declaration.rates.RateSource;
import dev.customs.declaration.rates.RateTable;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.time.Clock;
import java.time.ZoneId;

/** The service's request checks without CDI: Bean Validation, the contract's table of rates, a given clock. */
public final class UnitValidators {

    public static final ZoneId CUSTOMS_TIME = ZoneId.of("Asia/Shanghai");
    public static final int MAX_EVENT_BYTES = 1_000_000;
    public static final RateTable CONTRACT_RATES = RateTable.contract();
    private static final Validator BEAN_VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private UnitValidators() {
    }

    public static DeclarationValidator at(Clock clock) {
        return new DeclarationValidator(BEAN_VALIDATOR, CUSTOMS_TIME,
                new CurrencyConverter(RateSource.of(CONTRACT_RATES)), MAX_EVENT_BYTES, clock);
    }
}
