package dev.customs.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    /** The contract's example, verbatim. */
    static final String CONTRACT_EXAMPLE = """
            {
              "schemaVersion": 1,
              "eventId": "1f0c6c1e-9b7a-4c8e-8d0a-2f4d6c1b9e11",
              "eventType": "DECLARED",
              "declarationId": "801320250100000042",
              "revision": 1,
              "occurredAt": "2025-08-26T08:12:00Z",
              "declaration": {
                "declarationDate": "2025-08-26",
                "direction": "IMPORT",
                "zoneCode": "8013",
                "zoneFlow": "FIRST_LINE",
                "tradeMode": "5034",
                "customsOffice": "8013",
                "declarantCode": "91500000MA5U12346T",
                "partnerCountry": "DE",
                "transportMode": "3",
                "currency": "EUR",
                "items": [
                  {"itemNo": 1, "hsCode": "8471300000", "quantity": 1200, "unit": "台",
                   "valueCny": 1850000.00, "valueUsd": 257500.00}
                ],
                "totalValueCny": 1850000.00,
                "totalValueUsd": 257500.00
              }
            }""";

    @Test
    void readsTheContractExampleAndWritesMoneyWithItsScale() {
        DeclarationEvent event = EventCodec.parse(CONTRACT_EXAMPLE);
        assertThat(event.declaration().totalValueCny()).isEqualTo(new BigDecimal("1850000.00"));
        assertThat(event.declaration().zoneFlow()).isEqualTo(ZoneFlow.FIRST_LINE);
        String json = new String(EventCodec.toBytes(event), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"totalValueCny\":1850000.00").contains("\"occurredAt\":\"2025-08-26T08:12:00Z\"")
                .contains("\"declarationDate\":\"2025-08-26\"");
        assertThat(EventCodec.parse(json)).isEqualTo(event);
    }

    @Test
    void namesWhatIsWrongWithABadRecord() {
        assertThatThrownBy(() -> EventCodec.parse("{not json")).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> EventCodec.parse(CONTRACT_EXAMPLE.replace("\"IMPORT\"", "\"SIDEWAYS\"")))
                .hasMessage("invalid value 'SIDEWAYS' for declaration.direction");
        assertThatThrownBy(() -> EventCodec.parse(new byte[0])).hasMessage("empty record value");
    }

    @Test
    void schemaRequiresExactlyTheRecordsComponents() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/declaration-event.schema.json")) {
            schema = EventCodec.mapper().readTree(in);
        }
        assertThat(names(schema.get("required"))).isEqualTo(components(DeclarationEvent.class));
        assertThat(names(schema.at("/$defs/declaration/required"))).isEqualTo(components(DeclarationState.class));
        assertThat(names(schema.at("/$defs/item/required"))).isEqualTo(components(DeclarationItem.class));
    }

    private static Set<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new HashSet<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
    }
}
