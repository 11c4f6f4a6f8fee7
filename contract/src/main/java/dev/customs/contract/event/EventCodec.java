package dev.customs.contract.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The one JSON form of {@link DeclarationEvent}. Producers and consumers use this instead of their own
 * mappers, so money keeps its scale (never a double) and dates stay ISO strings.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Newer producers may add fields; the schema version, not unknown fields, gates compatibility.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /** Bound to the event type once, so parsing a record does not look up the type and its deserializer. */
    private static final ObjectReader EVENT_READER = MAPPER.readerFor(DeclarationEvent.class);

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

    /** Parses a record value; a value that is not a well-formed event is an {@link InvalidEventException}. */
    public static DeclarationEvent parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        try {
            return EVENT_READER.readValue(value);
        } catch (InvalidFormatException e) {
            throw new InvalidEventException("invalid value " + quoted(e.getValue()) + " for " + path(e));
        } catch (MismatchedInputException e) {
            throw new InvalidEventException("wrong type for " + path(e));
        } catch (java.io.IOException e) {
            throw new InvalidEventException("not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    public static DeclarationEvent parse(String value) {
        return parse(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static String path(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "the event" : path;
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }


    private static String firstLine(String message) {
        int end = message == null ? -1 : message.indexOf('\n');
        return end < 0 ? String.valueOf(message) : message.substring(0, end);
    }
}
