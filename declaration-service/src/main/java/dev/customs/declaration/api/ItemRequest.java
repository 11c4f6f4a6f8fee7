package dev.customs.declaration.api;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/** One goods item; {@code value} is the declared value in the declaration's currency. */
public record ItemRequest(
        @NotNull @Positive Integer itemNo,
        @NotBlank String hsCode,
        @NotNull @Positive BigDecimal quantity,
        @NotBlank String unit,
        @NotNull @Positive @Digits(integer = 16, fraction = 2) BigDecimal value) {
}
