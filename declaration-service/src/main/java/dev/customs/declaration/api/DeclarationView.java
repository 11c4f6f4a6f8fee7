package dev.customs.declaration.api;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.declaration.declarations.DeclarationStatus;
import dev.customs.declaration.declarations.StoredDeclaration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored declaration: what was filed, in its currency, next to the converted CNY and USD values, and the
 * month whose rates converted them; {@code provisionalRate} when that month's rates were not published yet
 * and the latest ones were carried forward.
 */
public record DeclarationView(
        String declarationId,
        long revision,
        DeclarationStatus status,
        LocalDate declarationDate,
        Direction direction,
        String zoneCode,
        ZoneFlow zoneFlow,
        String tradeMode,
        String customsOffice,
        String declarantCode,
        String partnerCountry,
        String transportMode,
        String transactionTerms,
        String currency,
        List<ItemView> items,
        BigDecimal totalValueCny,
        BigDecimal totalValueUsd,
        YearMonth rateMonth,
        boolean provisionalRate) {

    public record ItemView(Integer itemNo, String hsCode, BigDecimal quantity, String unit,
                           BigDecimal value, BigDecimal valueCny, BigDecimal valueUsd) {
    }

    public static DeclarationView of(StoredDeclaration declaration) {
        DeclarationRequest r = declaration.request();
        DeclarationState state = declaration.state();
        List<ItemView> items = new ArrayList<>(r.items().size());
        for (int i = 0; i < r.items().size(); i++) {
            ItemRequest filed = r.items().get(i);
            DeclarationItem converted = state.items().get(i);
            items.add(new ItemView(filed.itemNo(), filed.hsCode(), filed.quantity(), filed.unit(), filed.value(),
                    converted.valueCny(), converted.valueUsd()));
        }
        return new DeclarationView(declaration.declarationId(), declaration.revision(), declaration.status(),
                r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(), r.customsOffice(),
                r.declarantCode(), r.partnerCountry(), r.transportMode(), r.transactionTerms(), r.currency(), items,
                state.totalValueCny(), state.totalValueUsd(), declaration.rateMonth(), declaration.provisionalRate());
    }
}
