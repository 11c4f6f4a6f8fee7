package dev.customs.contract.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one JSON form of {@link DeclarationEvent}. Producers and consumers use this instead of their own
 * mappers, so money keeps its scale (never a double) and dates stay ISO strings.
 *
 * <p>Reading is strict, since any producer may publish: one UTF-8 JSON object per record (no byte order
 * mark, nothing after it, no duplicate keys, no NaN, no leading zeros), every value of its own JSON type
 * (no "2" for a number, no 2.0 for an integer, no number for a string, date or enum), and bounded in size
 * (a record of at most {@value #MAX_RECORD_BYTES} bytes, nesting at most {@value #MAX_NESTING_DEPTH} deep,
 * numbers of at most {@value #MAX_NUMBER_LENGTH} characters). Unknown fields are ignored: newer producers may
 * add some, and the schema version, not unknown fields, gates compatibility.
 */
public final class EventCodec {

    public static final int MAX_RECORD_BYTES = 1024 * 1024;
    /** The event itself is four levels deep; unknown fields get some room, a hostile record no stack. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Ample for any money or quantity, even in exponent form; keeps number parsing and messages short. */
    public static final int MAX_NUMBER_LENGTH = 64;
    private static final int MAX_NAME_LENGTH = 256;
    /** Longer than any ISO date or instant, even at the extremes of their ranges. */
    private static final int MAX_TEMPORAL_LENGTH = 64;
    private static final int MAX_REASON_DETAIL = 200;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_RECORD_BYTES)
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_RECORD_BYTES)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .build())
                    .build())
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("strict-dates")
                    .addDeserializer(Instant.class, new StrictTemporal<>(Instant.class,
                            text -> DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from)))
                    .addDeserializer(LocalDate.class, new StrictTemporal<>(LocalDate.class, LocalDate::parse)))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // Scalar coercion being off does not cover strings, which would otherwise take numbers and booleans.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfigDefaults(config -> config
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setAcceptBlankAsEmpty(false))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /**
     * Bound to the event type once, so parsing a record does not look up the type and its deserializer.
     * {@link #parse} looks for trailing content itself, to name it in its own words.
     */
    private static final ObjectReader EVENT_READER = MAPPER.readerFor(DeclarationEvent.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(DeclarationEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inverse of {@link #toJson}, for JSON this platform wrote itself (stored rows): unreadable is a bug. */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored JSON does not read back as " + type.getSimpleName(), e);
        }
    }

    /**
     * Parses a record value. Whatever the bytes, the result is an event (its fields may be missing or out of
     * range: that is for {@link DeclarationRules}) or an {@link InvalidEventException} naming what is wrong.
     */
    public static DeclarationEvent parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        if (value.length > MAX_RECORD_BYTES) {
            throw new InvalidEventException("record value exceeds " + MAX_RECORD_BYTES + " bytes");
        }
        requireUtf8(value);
        // Closed only after the catch clauses, which read the offending token from it.
        JsonParser parser = null;
        try {
            parser = MAPPER.createParser(value);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidEventException("empty record value");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidEventException("the record value must be a JSON object, not " + kind(first));
            }
            DeclarationEvent event = EVENT_READER.readValue(parser);
            requireEnd(parser);
            return event;
        } catch (InvalidEventException e) {
            throw e;
        } catch (MismatchedInputException e) {
            throw mismatch(e);
        } catch (JsonMappingException e) {
            throw unreadableValue(e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not valid JSON: " + detail(e));
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("unreadable record value: " + e.getClass().getSimpleName());
        } finally {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // a parser over a byte array holds nothing that could fail to close
            }
        }
    }

    public static DeclarationEvent parse(String value) {
        // Every char is at least one UTF-8 byte: a longer string is refused before it is encoded.
        if (value != null && value.length() > MAX_RECORD_BYTES) {
            throw new InvalidEventException("record value exceeds " + MAX_RECORD_BYTES + " bytes");
        }
        return parse(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) without a byte order
     * mark or NUL bytes, neither of which JSON allows; this also keeps Jackson from guessing UTF-16 or UTF-32.
     */
    private static void requireUtf8(byte[] value) {
        if (value.length >= 3 && (value[0] & 0xFF) == 0xEF && (value[1] & 0xFF) == 0xBB && (value[2] & 0xFF) == 0xBF) {
            throw new InvalidEventException("not valid JSON: starts with a byte order mark");
        }
        int i = 0;
        while (i < value.length) {
            int b = value[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                throw new InvalidEventException("not valid JSON: NUL byte at offset " + i);
            }
            int length = sequenceLength(value, i);
            if (length == 0) {
                throw new InvalidEventException("not valid JSON: invalid UTF-8 at byte offset " + i);
            }
            i += length;
        }
    }

    /** The length of the well-formed multi-byte sequence at {@code i}, or 0 when it is not one. */
    private static int sequenceLength(byte[] value, int i) {
        int lead = value[i] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            return 0;
        }
        if (i + length > value.length) {
            return 0;
        }
        int second = value[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((value[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    private static void requireEnd(JsonParser parser) {
        JsonToken next;
        try {
            next = parser.nextToken();
        } catch (IOException e) {
            next = JsonToken.NOT_AVAILABLE;
        }
        if (next != null) {
            throw new InvalidEventException("not valid JSON: content after the event object");
        }
    }

    /** A value of the wrong JSON type, or of the right type that does not convert (an unknown enum name, a bad date). */
    private static InvalidEventException mismatch(MismatchedInputException e) {
        String expected = expected(e.getTargetType());
        JsonToken found = e.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (found != null && !sameKind(expected, found)) {
            return new InvalidEventException("wrong type for " + path(e) + ": expected " + expected + ", found " + kind(found));
        }
        if (e instanceof InvalidFormatException invalid) {
            Object value = invalid.getValue();
            String echo = value instanceof String s ? Echo.quoted(s) : Echo.bounded(String.valueOf(value));
            return new InvalidEventException("invalid value " + echo + " for " + path(e));
        }
        return new InvalidEventException("invalid value for " + path(e));
    }

    /** A failure inside one field's value, which Jackson wraps with the field's path. */
    private static InvalidEventException unreadableValue(JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InputCoercionException || cause instanceof NumberFormatException
                || cause instanceof ArithmeticException) {
            return new InvalidEventException("number out of range for " + path(e));
        }
        if (cause instanceof JsonProcessingException processing) {
            return new InvalidEventException("not valid JSON: " + detail(processing));
        }
        return new InvalidEventException("invalid value for " + path(e));
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "the event" : path;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class || type.isEnum() || type == UUID.class || Temporal.class.isAssignableFrom(type)) {
            return "a string";
        }
        return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    private static boolean sameKind(String expected, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> expected.equals("a string");
            case VALUE_NUMBER_INT -> expected.equals("an integer") || expected.equals("a number");
            case VALUE_NUMBER_FLOAT -> expected.equals("a number");
            case START_ARRAY -> expected.equals("an array");
            case START_OBJECT -> expected.equals("an object");
            case VALUE_TRUE, VALUE_FALSE -> expected.equals("a boolean");
            default -> false;
        };
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction or exponent";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "a " + token;
        };
    }

    /** Jackson's own words without the location it appends, bounded: they may quote the record. */
    private static String detail(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end);
        return message.length() <= MAX_REASON_DETAIL ? message : message.substring(0, MAX_REASON_DETAIL) + "...";
    }

    /**
     * Dates and instants from ISO strings only: the stock deserializers also take numbers (epoch values, with
     * exponents a hostile producer chooses) and arrays, and report parse failures in their own exceptions.
     */
    private static final class StrictTemporal<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parser;

        StrictTemporal(Class<T> type, Function<String, T> parser) {
            super(type);
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                @SuppressWarnings("unchecked")
                T unexpected = (T) ctxt.handleUnexpectedToken(handledType(), p);
                return unexpected;
            }
            String text = p.getText();
            if (text.length() <= MAX_TEMPORAL_LENGTH) {
                try {
                    return parser.apply(text);
                } catch (DateTimeException e) {
                    // reported below, like a string too long to be a date
                }
            }
            throw InvalidFormatException.from(p, "not an ISO " + handledType().getSimpleName(),
                    Echo.bounded(text), handledType());
        }
    }
}
