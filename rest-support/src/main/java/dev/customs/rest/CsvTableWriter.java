package dev.customs.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes a table answer (a {@code List} of records, or one record as a one-row table) as RFC 4180 CSV:
 * a header row, then one row per record, columns in record component order with {@code @JsonUnwrapped}
 * records flattened in place, so the columns match the JSON field names. UTF-8 with a byte order mark (so
 * spreadsheets such as Excel read non-ASCII text, e.g. Chinese names, as UTF-8), CRLF line ends, BigDecimal in
 * plain notation, null as an empty field. {@link CsvDownloadFilter} names the download.
 */
@Provider
@Produces(CsvTableWriter.TEXT_CSV)
public class CsvTableWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";
    public static final MediaType TEXT_CSV_TYPE = new MediaType("text", "csv");

    public static final String CONTENT_TYPE = TEXT_CSV + ";charset=UTF-8";
    /** The UTF-8 byte order mark every CSV answer starts with. */
    public static final String BOM = "\uFEFF";

    private static final String LINE_END = "\r\n";
    private static final char SEPARATOR = ',';
    private static final char QUOTE = '"';

    /** One column: its header and how to reach its value from the row record. */
    private record Column(String header, List<RecordComponent> path) {
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        if (!TEXT_CSV_TYPE.isCompatible(mediaType)) {
            return false;
        }
        return type.isRecord() || (Collection.class.isAssignableFrom(type) && rowType(genericType) != null);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException, WebApplicationException {
        headers.putSingle("Content-Type", CONTENT_TYPE);
        out.write((BOM + toCsv(value, genericType)).getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV text (without the byte order mark) of a list of records or of one record; {@code genericType} names the row type of an empty list. */
    public static String toCsv(Object value, Type genericType) {
        List<?> rows = value instanceof Collection<?> c ? new ArrayList<>(c) : List.of(value);
        Class<?> rowType = value instanceof Collection<?> ? rowType(genericType) : value.getClass();
        if (rowType == null && !rows.isEmpty() && rows.get(0) != null) {
            rowType = rows.get(0).getClass();
        }
        if (rowType == null || !rowType.isRecord()) {
            throw new IllegalArgumentException("CSV needs a list of records, got " + genericType);
        }
        List<Column> columns = new ArrayList<>();
        collectColumns(rowType, List.of(), columns);
        StringBuilder csv = new StringBuilder();
        appendRow(csv, columns.stream().map(Column::header).toList());
        for (Object row : rows) {
            List<String> fields = new ArrayList<>(columns.size());
            for (Column column : columns) {
                fields.add(format(valueOf(row, column.path())));
            }
            appendRow(csv, fields);
        }
        return csv.toString();
    }

    /**
     * The record type of a list's rows, looking through a wrapper around the list: Quarkus REST passes a
     * method's declared return type, so a paged answer's is {@code RestResponse<List<Row>>}, not {@code List<Row>}.
     */
    private static Class<?> rowType(Type genericType) {
        if (!(genericType instanceof ParameterizedType p) || p.getActualTypeArguments().length != 1) {
            return null;
        }
        Type argument = p.getActualTypeArguments()[0];
        if (p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return argument instanceof Class<?> element && element.isRecord() ? element : null;
        }
        return rowType(argument);
    }

    private static void collectColumns(Class<?> recordType, List<RecordComponent> prefix, List<Column> columns) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            List<RecordComponent> path = new ArrayList<>(prefix);
            path.add(component);
            if (isUnwrapped(component) && component.getType().isRecord()) {
                collectColumns(component.getType(), path, columns);
            } else {
                columns.add(new Column(nameOf(component), path));
            }
        }
    }

    private static boolean isUnwrapped(RecordComponent component) {
        JsonUnwrapped unwrapped = annotation(component, JsonUnwrapped.class);
        return unwrapped != null && unwrapped.enabled();
    }

    private static String nameOf(RecordComponent component) {
        JsonProperty property = annotation(component, JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    /** Jackson's annotations do not target record components; Java puts them on the field and the accessor. */
    private static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
        A onAccessor = component.getAccessor().getAnnotation(type);
        if (onAccessor != null) {
            return onAccessor;
        }
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Object valueOf(Object row, List<RecordComponent> path) {
        Object current = row;
        for (RecordComponent component : path) {
            if (current == null) {
                return null;
            }
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                current = accessor.invoke(current);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + row.getClass(), e);
            }
        }
        return current;
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    private static void appendRow(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(SEPARATOR);
            }
            csv.append(quote(fields.get(i)));
        }
        csv.append(LINE_END);
    }

    /** RFC 4180: a field with a separator, a quote or a line break is quoted, its quotes doubled. */
    static String quote(String field) {
        boolean needsQuotes = field.indexOf(SEPARATOR) >= 0 || field.indexOf(QUOTE) >= 0
                || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
        if (!needsQuotes) {
            return field;
        }
        return QUOTE + field.replace(String.valueOf(QUOTE), String.valueOf(QUOTE) + QUOTE) + QUOTE;
    }
}
