package dev.customs.contract.event;

import java.math.BigDecimal;

/** One goods item; both values are carried so no consumer ever converts currency itself. */
public record DeclarationItem(
        Integer itemNo,
        String hsCode,
        BigDecimal quantity,
        String unit,
        BigDecimal valueCny,
        BigDecimal valueUsd) {
}
