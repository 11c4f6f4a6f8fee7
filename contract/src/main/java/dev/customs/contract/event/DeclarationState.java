package dev.customs.contract.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The declaration as it stands at one revision: the {@code declaration} object of the event.
 *
 * @param synthetic whether the platform's simulator generated it rather than a declarant filing it; absent
 *                  or null in the JSON reads as false. It belongs to the state, not the event, so that a
 *                  CANCELLED event, which carries the state withdrawn, says what to take out of the counts.
 *                  Written only when true, so a real declaration's JSON is the same as before the field
 *                  existed (declaration-service compares stored state JSON to tell an unchanged amendment).
 */
public record DeclarationState(
        LocalDate declarationDate,
        Direction direction,
        String zoneCode,
        ZoneFlow zoneFlow,
        String tradeMode,
        String customsOffice,
        String declarantCode,
        String partnerCountry,
        String transportMode,
        String currency,
        List<DeclarationItem> items,
        BigDecimal totalValueCny,
        BigDecimal totalValueUsd,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean synthetic) {

    /** Whether this state counts in national import/export totals (second-line and intra-zone moves do not). */
    public boolean countsNationally() {
        return zoneFlow == null || zoneFlow.crossesNationalBorder();
    }
}
