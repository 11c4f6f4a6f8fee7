package dev.customs.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;

import java.util.List;

/** Declarations as a client files them over REST: no number (the service assigns one), item values in CNY. */
final class RestBodies {

    private RestBodies() {
    }

    static ObjectNode request(DeclarationState state) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("declarationDate", state.declarationDate().toString());
        body.put("direction", state.direction().name());
        if (state.zoneCode() != null) {
            body.put("zoneCode", state.zoneCode());
            body.put("zoneFlow", state.zoneFlow().name());
        }
        body.put("tradeMode", state.tradeMode());
        body.put("customsOffice", state.customsOffice());
        body.put("declarantCode", state.declarantCode());
        body.put("partnerCountry", state.partnerCountry());
        body.put("transportMode", state.transportMode());
        body.put("transactionTerms", "CIF");
        body.put("currency", state.currency());
        ArrayNode items = body.putArray("items");
        for (DeclarationItem item : state.items()) {
            ObjectNode node = items.addObject();
            node.put("itemNo", item.itemNo());
            node.put("hsCode", item.hsCode());
            node.put("quantity", item.quantity());
            node.put("unit", item.unit());
            node.put("value", item.valueCny());
        }
        return body;
    }

    static String single(DeclarationState state) {
        return request(state).toString();
    }

    static String batch(List<DeclarationState> states) {
        ArrayNode array = Http.JSON.createArrayNode();
        states.forEach(s -> array.add(request(s)));
        return array.toString();
    }
}
