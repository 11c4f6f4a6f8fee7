package dev.customs.contract.event;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as a tree of JSON text written by hand, not by the codec (which refuses to write some hostile
 * values), so any field can be replaced by any JSON text, removed, or given twice.
 */
final class RawJson {

    /** JSON text used verbatim. */
    record Raw(String json) {
    }

    /** A key given twice: the first value, then the second. */
    record Twice(Object first, Raw second) {
    }

    private final Map<String, Object> root;

    private RawJson(Map<String, Object> root) {
        this.root = root;
    }

    static RawJson of(DeclarationEvent e) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", new Raw(String.valueOf(e.schemaVersion())));
        root.put("eventId", string(e.eventId().toString()));
        root.put("eventType", string(e.eventType().name()));
        root.put("declarationId", string(e.declarationId()));
        root.put("revision", new Raw(String.valueOf(e.revision())));
        root.put("occurredAt", string(e.occurredAt().toString()));
        if (e.filedBy() != null) {
            Map<String, Object> filedBy = new LinkedHashMap<>();
            filedBy.put("subject", string(e.filedBy().subject()));
            filedBy.put("client", string(e.filedBy().client()));
            root.put("filedBy", filedBy);
        }
        DeclarationState s = e.declaration();
        Map<String, Object> declaration = new LinkedHashMap<>();
        declaration.put("declarationDate", string(s.declarationDate().toString()));
        declaration.put("direction", string(s.direction().name()));
        declaration.put("zoneCode", s.zoneCode() == null ? new Raw("null") : string(s.zoneCode()));
        declaration.put("zoneFlow", s.zoneFlow() == null ? new Raw("null") : string(s.zoneFlow().name()));
        declaration.put("tradeMode", string(s.tradeMode()));
        declaration.put("customsOffice", string(s.customsOffice()));
        declaration.put("declarantCode", string(s.declarantCode()));
        declaration.put("partnerCountry", string(s.partnerCountry()));
        declaration.put("transportMode", string(s.transportMode()));
        declaration.put("currency", string(s.currency()));
        List<Object> items = new ArrayList<>();
        for (DeclarationItem item : s.items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("itemNo", new Raw(String.valueOf(item.itemNo())));
            i.put("hsCode", string(item.hsCode()));
            i.put("quantity", number(item.quantity()));
            i.put("unit", string(item.unit()));
            i.put("valueCny", number(item.valueCny()));
            i.put("valueUsd", number(item.valueUsd()));
            items.add(i);
        }
        declaration.put("items", items);
        declaration.put("totalValueCny", number(s.totalValueCny()));
        declaration.put("totalValueUsd", number(s.totalValueUsd()));
        // Absent means false: what a producer that predates the field sends.
        if (s.synthetic()) {
            declaration.put("synthetic", new Raw("true"));
        }
        root.put("declaration", declaration);
        return new RawJson(root);
    }

    /** A JSON string; everything outside printable ASCII is escaped, so lone surrogates survive as such. */
    static Raw string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return new Raw(out.append('"').toString());
    }

    static Raw number(BigDecimal value) {
        return new Raw(value.toPlainString());
    }

    /**
     * Applies {@code change} to the value at {@code path} ("revision", "declaration.items[0].unit"): the
     * function gets the current value and returns the new one, or null to remove the field.
     */
    RawJson with(String path, java.util.function.UnaryOperator<Object> change) {
        Map<String, Object> copy = deepCopy(root);
        String[] parts = path.split("\\.");
        Object container = copy;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            boolean last = p == parts.length - 1;
            int bracket = part.indexOf('[');
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) container;
            if (bracket < 0) {
                if (last) {
                    replace(map, part, change);
                } else {
                    container = map.get(part);
                }
            } else {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) map.get(part.substring(0, bracket));
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                if (last) {
                    Object replaced = change.apply(list.get(index));
                    if (replaced == null) {
                        list.remove(index);
                    } else {
                        list.set(index, replaced);
                    }
                } else {
                    container = list.get(index);
                }
            }
        }
        return new RawJson(copy);
    }

    private static void replace(Map<String, Object> map, String key, java.util.function.UnaryOperator<Object> change) {
        Object replaced = change.apply(map.get(key));
        if (replaced == null) {
            map.remove(key);
        } else {
            map.put(key, replaced);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    String json() {
        StringBuilder out = new StringBuilder();
        write(out, root);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                String key = string((String) entry.getKey()).json();
                if (entry.getValue() instanceof Twice twice) {
                    out.append(key).append(':');
                    write(out, twice.first());
                    out.append(',').append(key).append(':').append(twice.second().json());
                } else {
                    out.append(key).append(':');
                    write(out, entry.getValue());
                }
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON tree node: " + value);
        }
    }
}
