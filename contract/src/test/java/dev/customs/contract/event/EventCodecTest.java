package dev.customs.contract.event;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
    void filedByAndSyntheticAreOptional() {
        DeclarationEvent event = EventCodec.parse(CONTRACT_EXAMPLE);
        assertThat(event.filedBy()).isNull();
        assertThat(event.declaration().synthetic()).isFalse();

        String written = new String(EventCodec.toBytes(event), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("filedBy").doesNotContain("synthetic");

        DeclarationEvent withNulls = EventCodec.parse(CONTRACT_EXAMPLE
                .replace("\"revision\": 1,", "\"revision\": 1, \"filedBy\": null,")
                .replace("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"synthetic\": null,"));
        assertThat(withNulls).isEqualTo(event);

        DeclarationEvent filed = EventCodec.parse(CONTRACT_EXAMPLE
                .replace("\"revision\": 1,",
                        "\"revision\": 1, \"filedBy\": {\"subject\": \"5f1c8d2e-0c1a-4a57-9d1e-8f3b2a6c7d40\", \"client\": \"customs-cli\"},")
                .replace("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"synthetic\": true,"));
        assertThat(filed.filedBy()).isEqualTo(new FiledBy("5f1c8d2e-0c1a-4a57-9d1e-8f3b2a6c7d40", "customs-cli"));
        assertThat(filed.declaration().synthetic()).isTrue();
        String json = new String(EventCodec.toBytes(filed), StandardCharsets.UTF_8);
        assertThat(json).contains("\"filedBy\":{\"subject\":\"5f1c8d2e-0c1a-4a57-9d1e-8f3b2a6c7d40\",\"client\":\"customs-cli\"}")
                .contains("\"synthetic\":true");
        assertThat(EventCodec.parse(json)).isEqualTo(filed);
    }

    @Test
    void filedByAndSyntheticAreOfTheirOwnJsonType() {
        String synthetic = "\"currency\": \"EUR\", \"synthetic\": %s,";
        assertRefused(CONTRACT_EXAMPLE.replace("\"currency\": \"EUR\",", synthetic.formatted("\"true\"")),
                "wrong type for declaration.synthetic: expected a boolean, found a string");
        assertRefused(CONTRACT_EXAMPLE.replace("\"currency\": \"EUR\",", synthetic.formatted("1")),
                "wrong type for declaration.synthetic: expected a boolean, found an integer");
        assertRefused(CONTRACT_EXAMPLE.replace("\"currency\": \"EUR\",", synthetic.formatted("{}")),
                "wrong type for declaration.synthetic: expected a boolean, found an object");
        assertRefused(CONTRACT_EXAMPLE.replace("\"currency\": \"EUR\",", synthetic.formatted("true") + " \"synthetic\": false,"),
                "not valid JSON: Duplicate field 'synthetic'");
        String filedBy = "\"revision\": 1, \"filedBy\": %s,";
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1,", filedBy.formatted("{\"subject\": 42, \"client\": \"customs-cli\"}")),
                "wrong type for filedBy.subject: expected a string, found an integer");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1,", filedBy.formatted("{\"subject\": \"u\", \"client\": true}")),
                "wrong type for filedBy.client: expected a string, found a boolean");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1,", filedBy.formatted("\"analyst\"")),
                "wrong type for filedBy: expected an object, found a string");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1,",
                        filedBy.formatted("{\"subject\": \"u\", \"subject\": \"v\", \"client\": \"c\"}")),
                "not valid JSON: Duplicate field 'subject'");
    }

    @Test
    void theRecordIsOneJsonObject() {
        assertRefused("null", "the record value must be a JSON object, not null");
        assertRefused("[]", "the record value must be a JSON object, not an array");
        assertRefused("\"x\"", "the record value must be a JSON object, not a string");
        assertRefused("42", "the record value must be a JSON object, not an integer");
        assertRefused(" \n ", "empty record value");
        assertRefused(CONTRACT_EXAMPLE + " " + CONTRACT_EXAMPLE, "not valid JSON: content after the event object");
        assertRefused(CONTRACT_EXAMPLE + "garbage", "not valid JSON: content after the event object");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1,", "\"revision\": 1, \"revision\": 1,"),
                "not valid JSON: Duplicate field 'revision'");
        assertRefused("{\"declaration\": []}", "wrong type for declaration: expected an object, found an array");
        assertThat(EventCodec.parse("{}")).isEqualTo(new DeclarationEvent(null, null, null, null, null, null, null, null));
    }

    @Test
    void revisionIsAJsonInteger() {
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1", "\"revision\": \"2\""),
                "wrong type for revision: expected an integer, found a string");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1", "\"revision\": 2.0"),
                "wrong type for revision: expected an integer, found a number with a fraction or exponent");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1", "\"revision\": 1e3"),
                "wrong type for revision: expected an integer, found a number with a fraction or exponent");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1", "\"revision\": 9223372036854775808"),
                "number out of range for revision");
    }

    @Test
    void valuesAreOfTheirOwnJsonType() {
        assertRefused(CONTRACT_EXAMPLE.replace("\"8471300000\"", "8471300000"),
                "wrong type for declaration.items[0].hsCode: expected a string, found an integer");
        assertRefused(CONTRACT_EXAMPLE.replace("\"IMPORT\"", "0"),
                "wrong type for declaration.direction: expected a string, found an integer");
        assertRefused(CONTRACT_EXAMPLE.replace("\"quantity\": 1200", "\"quantity\": \"1200\""),
                "wrong type for declaration.items[0].quantity: expected a number, found a string");
        assertRefused(CONTRACT_EXAMPLE.replace("\"2025-08-26T08:12:00Z\"", "1756195920"),
                "wrong type for occurredAt: expected a string, found an integer");
        assertRefused(CONTRACT_EXAMPLE.replace("\"2025-08-26\"", "\"2025-02-30\""),
                "invalid value '2025-02-30' for declaration.declarationDate");
    }

    @Test
    void strictUtf8() {
        byte[] example = CONTRACT_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[example.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(example, 0, withBom, 3, example.length);
        assertRefused(withBom, "not valid JSON: starts with a byte order mark");
        assertRefused(new byte[]{'{', (byte) 0xC0, (byte) 0x80, '}'}, "not valid JSON: invalid UTF-8 at byte offset 1");
        assertRefused(new byte[]{'{', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                "not valid JSON: invalid UTF-8 at byte offset 2");
        assertRefused(new byte[]{'{', (byte) 0xE4, (byte) 0xBD}, "not valid JSON: invalid UTF-8 at byte offset 1");
        assertRefused(new byte[]{'{', 0, '}'}, "not valid JSON: NUL byte at offset 1");
        assertRefused("{\"x\":\"" + "a".repeat(EventCodec.MAX_RECORD_BYTES) + "\"}",
                "record value exceeds 1048576 bytes");
    }

    @Test
    void boundedNumbersAndNesting() {
        assertRefused(CONTRACT_EXAMPLE.replace("\"totalValueCny\": 1850000.00", "\"totalValueCny\": 1" + "0".repeat(999)),
                "not valid JSON: Number value length (1000) exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNumberLength()`)");
        assertRefused(CONTRACT_EXAMPLE.replace("\"totalValueCny\": 1850000.00", "\"totalValueCny\": 1e-2147483648"),
                "number out of range for declaration.totalValueCny");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1", "\"revision\": NaN"),
                "not valid JSON: Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow");
        assertRefused(CONTRACT_EXAMPLE.replace("\"revision\": 1", "\"revision\": 01"),
                "not valid JSON: Invalid numeric value: Leading zeroes not allowed");
        assertRefused("{\"x\":" + "[".repeat(100) + "]".repeat(100) + "}",
                "not valid JSON: Document nesting depth (33) exceeds the maximum allowed (32, from `StreamReadConstraints.getMaxNestingDepth()`)");
        // Cheap to read: the rules judge these by precision and scale.
        DeclarationEvent tiny = EventCodec.parse(CONTRACT_EXAMPLE.replace("\"totalValueCny\": 1850000.00", "\"totalValueCny\": 1e-2147483647"));
        assertThat(tiny.declaration().totalValueCny().scale()).isEqualTo(Integer.MAX_VALUE);
        DeclarationEvent huge = EventCodec.parse(CONTRACT_EXAMPLE.replace("\"quantity\": 1200", "\"quantity\": 1e999999999"));
        assertThat(huge.declaration().items().get(0).quantity().scale()).isEqualTo(-999_999_999);
    }

    @Test
    void echoedValuesAreBounded() {
        String longName = "S".repeat(100_000);
        assertRefused(CONTRACT_EXAMPLE.replace("\"IMPORT\"", "\"" + longName + "\""),
                "invalid value '" + "S".repeat(40) + "...' for declaration.direction");
        assertRefused(CONTRACT_EXAMPLE.replace("\"IMPORT\"", "\"a\\u0000\\ud800b\""),
                "invalid value 'a??b' for declaration.direction");
    }

    @Test
    void extremeDatesReadForTheRulesToJudge() {
        assertThat(EventCodec.parse(CONTRACT_EXAMPLE.replace("\"2025-08-26\"", "\"0000-01-01\""))
                .declaration().declarationDate()).isEqualTo(LocalDate.of(0, 1, 1));
        assertThat(EventCodec.parse(CONTRACT_EXAMPLE.replace("\"2025-08-26\"", "\"-999999999-01-01\""))
                .declaration().declarationDate()).isEqualTo(LocalDate.MIN);
        assertThat(EventCodec.parse(CONTRACT_EXAMPLE.replace("2025-08-26T08:12:00Z", "+1000000000-12-31T23:59:59.999999999Z"))
                .occurredAt()).isEqualTo(Instant.MAX);
        assertRefused(CONTRACT_EXAMPLE.replace("2025-08-26T08:12:00Z", "+1000000001-01-01T00:00:00Z"),
                "invalid value '+1000000001-01-01T00:00:00Z' for occurredAt");
    }

    private static void assertRefused(String json, String reason) {
        assertThatThrownBy(() -> EventCodec.parse(json)).isInstanceOf(InvalidEventException.class).hasMessage(reason);
    }

    private static void assertRefused(byte[] value, String reason) {
        assertThatThrownBy(() -> EventCodec.parse(value)).isInstanceOf(InvalidEventException.class).hasMessage(reason);
    }

    @Test
    void schemaRequiresExactlyTheRecordsComponents() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/declaration-event.schema.json")) {
            schema = EventCodec.mapper().readTree(in);
        }
        assertThat(fields(schema.get("properties"))).isEqualTo(components(DeclarationEvent.class));
        assertThat(names(schema.get("required"))).isEqualTo(without(components(DeclarationEvent.class), "filedBy"));
        assertThat(fields(schema.at("/$defs/declaration/properties"))).isEqualTo(components(DeclarationState.class));
        assertThat(names(schema.at("/$defs/declaration/required")))
                .isEqualTo(without(components(DeclarationState.class), "synthetic"));
        assertThat(names(schema.at("/$defs/item/required"))).isEqualTo(components(DeclarationItem.class));
        assertThat(names(schema.at("/$defs/filedBy/required"))).isEqualTo(components(FiledBy.class));
    }

    @Test
    void schemaStatesTheRulesLimits() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/declaration-event.schema.json")) {
            schema = EventCodec.mapper().readTree(in);
        }
        assertThat(schema.at("/$defs/money/exclusiveMaximum").decimalValue()).isEqualByComparingTo(DeclarationRules.MONEY_LIMIT);
        assertThat(schema.at("/$defs/totalMoney/exclusiveMaximum").decimalValue())
                .isEqualByComparingTo(DeclarationRules.DECLARATION_MONEY_LIMIT);
        assertThat(schema.at("/$defs/money/multipleOf").decimalValue()).isEqualByComparingTo(BigDecimal.ONE.movePointLeft(DeclarationRules.MONEY_SCALE));
        JsonNode item = schema.at("/$defs/item/properties");
        assertThat(item.at("/quantity/exclusiveMaximum").decimalValue()).isEqualByComparingTo(DeclarationRules.QUANTITY_LIMIT);
        assertThat(item.at("/quantity/multipleOf").decimalValue())
                .isEqualByComparingTo(BigDecimal.ONE.movePointLeft(DeclarationRules.QUANTITY_SCALE));
        assertThat(item.at("/unit/maxLength").asInt()).isEqualTo(DeclarationRules.UNIT_MAX_LENGTH);
        assertThat(schema.at("/$defs/identity/maxLength").asInt()).isEqualTo(DeclarationRules.FILED_BY_MAX_LENGTH);
        assertThat(item.at("/hsCode/maxLength").asInt()).isEqualTo(DeclarationRules.HS_CODE_LENGTH);
        JsonNode declaration = schema.at("/$defs/declaration/properties");
        assertThat(declaration.at("/items/maxItems").asInt()).isEqualTo(DeclarationRules.MAX_ITEMS);
        assertThat(declaration.at("/zoneCode/maxLength").asInt()).isEqualTo(DeclarationRules.ZONE_CODE_LENGTH);
        assertThat(declaration.at("/tradeMode/maxLength").asInt()).isEqualTo(DeclarationRules.TRADE_MODE_LENGTH);
        assertThat(declaration.at("/customsOffice/maxLength").asInt()).isEqualTo(DeclarationRules.CUSTOMS_OFFICE_LENGTH);
        assertThat(declaration.at("/declarantCode/maxLength").asInt()).isEqualTo(DeclarationRules.DECLARANT_CODE_LENGTH);
        assertThat(declaration.at("/partnerCountry/maxLength").asInt()).isEqualTo(DeclarationRules.COUNTRY_CODE_LENGTH);
        assertThat(declaration.at("/transportMode/maxLength").asInt()).isEqualTo(DeclarationRules.TRANSPORT_MODE_LENGTH);
        assertThat(declaration.at("/currency/maxLength").asInt()).isEqualTo(DeclarationRules.CURRENCY_LENGTH);
        assertThat(schema.at("/properties/declarationId/maxLength").asInt()).isEqualTo(DeclarationRules.DECLARATION_ID_LENGTH);
        assertThat(schema.at("/properties/revision/minimum").asInt()).isEqualTo(1);
    }

    private static Set<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static Set<String> fields(JsonNode object) {
        Set<String> fields = new HashSet<>();
        object.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    private static Set<String> without(Set<String> names, String optional) {
        names.remove(optional);
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new HashSet<>(Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
    }
}
