package dev.customs.declaration.api;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A declaration as a client files it: item values in the declaration's currency, no totals (the service
 * converts and sums). Code lists are checked by {@code DeclarationRules}, shapes here.
 */
public record DeclarationRequest(
        @Pattern(regexp = "\\d{18}", message = "must be 18 digits") String declarationId,
        @NotNull LocalDate declarationDate,
        @NotNull Direction direction,
        String zoneCode,
        ZoneFlow zoneFlow,
        @NotBlank String tradeMode,
        @NotBlank String customsOffice,
        @NotBlank String declarantCode,
        @NotBlank String partnerCountry,
        @NotBlank String transportMode,
        @Pattern(regexp = "CIF|FOB|CFR|EXW|DAP|DDP|FCA|CPT|CIP", message = "must be an Incoterm: CIF, FOB, CFR, EXW, DAP, DDP, FCA, CPT or CIP")
        String transactionTerms,
        @NotBlank String currency,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid ItemRequest> items) {

    /** The same declaration under another number (or none): what "same content" is judged on. */
    public DeclarationRequest withDeclarationId(String id) {
        return new DeclarationRequest(id, declarationDate, direction, zoneCode, zoneFlow, tradeMode, customsOffice,
                declarantCode, partnerCountry, transportMode, transactionTerms, currency, items);
    }
}
