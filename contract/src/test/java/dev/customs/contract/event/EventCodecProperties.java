package dev.customs.contract.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a producer publishes, {@link EventCodec#parse} returns an event the rules can judge, or throws an
 * {@link InvalidEventException} with a bounded reason; and what the codec writes, it reads back unchanged.
 */
class EventCodecProperties {

    /** Pieces of JSON, hostile and ordinary, for records that are almost JSON or JSON of the wrong shape. */
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", " ", "\n", "null", "true",
            "\"schemaVersion\"", "\"revision\"", "\"declaration\"", "\"items\"", "\"quantity\"", "\"occurredAt\"",
            "\"declarationDate\"", "1", "-0", "01", "2.0", "1e3", "1e999999999", "1e-2147483647", "1e-2147483648",
            "9223372036854775808", "NaN", "\"2\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "\"0000-01-01\"",
            "\"+1000000000-12-31T23:59:59.999999999Z\"", "\"", "\\", "\uFEFF", "\u0000", "/*", "'");

    private final DeclarationRules rules = ValidEvents.rules();

    @Property(tries = 1000)
    void anyBytesParseOrFailWithABoundedReason(@ForAll("records") byte[] value) {
        parseAndCheck(() -> EventCodec.parse(value));
    }

    @Property(tries = 1000)
    void anyStringParsesOrFailsWithABoundedReason(@ForAll("texts") String value) {
        parseAndCheck(() -> EventCodec.parse(value));
    }

    @Property(tries = 500)
    void validEventsRoundTripAndPass(@ForAll("events") DeclarationEvent event) {
        DeclarationEvent read = EventCodec.parse(EventCodec.toBytes(event));
        assertThat(read).isEqualTo(event);
        assertThat(rules.check(read)).isEmpty();
        // The hand-written JSON the hostile properties start from is the same event.
        assertThat(EventCodec.parse(RawJson.of(event).json())).isEqualTo(event);
    }

    /** Any other exception (or error) escaping fails the property. */
    private void parseAndCheck(Supplier<DeclarationEvent> parse) {
        try {
            DeclarationEvent event = parse.get();
            assertThat(event).isNotNull();
            assertThat(rules.check(event)).isNotNull();
        } catch (InvalidEventException e) {
            assertThat(e.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(InvalidEventException.MAX_MESSAGE_LENGTH);
        }
    }

    @Provide
    Arbitrary<DeclarationEvent> events() {
        return ValidEvents.events();
    }

    /** Random bytes, token soup, and valid records with bytes overwritten, inserted or cut. */
    @Provide
    Arbitrary<byte[]> records() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> soup = soup().map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> damaged = Combinators.combine(ValidEvents.events(),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.bytes().list().ofMinSize(4).ofMaxSize(4))
                .as((event, positions, bytes) -> {
                    List<Byte> out = new ArrayList<>();
                    for (byte b : EventCodec.toBytes(event)) {
                        out.add(b);
                    }
                    for (int k = 0; k < positions.size(); k++) {
                        int at = positions.get(k) % out.size();
                        switch (positions.get(k) % 3) {
                            case 0 -> out.set(at, bytes.get(k));
                            case 1 -> out.add(at, bytes.get(k));
                            default -> out.subList(at, Math.min(out.size(), at + 1 + positions.get(k) % 40)).clear();
                        }
                        if (out.isEmpty()) {
                            out.add((byte) '{');
                        }
                    }
                    byte[] result = new byte[out.size()];
                    for (int i = 0; i < result.length; i++) {
                        result[i] = out.get(i);
                    }
                    return result;
                });
        return Arbitraries.oneOf(random, soup, damaged);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200), soup(),
                Arbitraries.of("null", "[]", "\"x\"", "42", "{}", "{\"declaration\": []}", "{\"declaration\": {\"items\": [[]]}}",
                        "[".repeat(100_000), "{\"a\":".repeat(10_000), "{\"x\":\"" + "a".repeat(2_000_000) + "\"}",
                        "{\"revision\":1e-2147483648}", "{\"revision\":" + "9".repeat(1000) + "}", "{} {}", "{}garbage",
                        "{\"revision\":1,\"revision\":1}", "\uFEFF{}", "{\"a\":\"\ud800\"}"));
    }

    private static Arbitrary<String> soup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(80).map(tokens -> String.join("", tokens));
    }
}
