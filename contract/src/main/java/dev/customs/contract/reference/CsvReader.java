package dev.customs.contract.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RFC 4180 reader for the bundled reference files, so the contract module needs no CSV library.
 * One record per line (quoted fields may hold commas and doubled quotes, not line breaks); blank lines and
 * lines starting with {@code #} are skipped. Every error names the file and the physical line. Public so that
 * other modules' bundled tables (the simulator's calibration) are read, and fail, the same way.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /** One data record; {@link #fail} builds the exception that points a reader at the offending line. */
    public record Row(String file, int line, List<String> header, List<String> values) {

        public String get(String column) {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + file);
            }
            return values.get(index);
        }

        public String required(String column) {
            String value = get(column);
            if (value.isBlank()) {
                throw fail(column + " is empty");
            }
            return value;
        }

        public String matching(String column, String regex) {
            String value = get(column);
            if (!value.matches(regex)) {
                throw fail(column + " '" + value + "' does not match " + regex);
            }
            return value;
        }

        public boolean bool(String column) {
            return switch (get(column)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw fail(column + " must be true or false, was '" + get(column) + "'");
            };
        }

        public int integer(String column) {
            try {
                return Integer.parseInt(get(column));
            } catch (NumberFormatException e) {
                throw fail(column + " is not an integer: '" + get(column) + "'");
            }
        }

        /** A plain decimal number, such as {@code 0.05}, {@code 1800} or {@code 6.5e12}. */
        public double number(String column) {
            String value = get(column);
            if (!value.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
                throw fail(column + " is not a number: '" + value + "'");
            }
            return Double.parseDouble(value);
        }

        public <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            try {
                return Enum.valueOf(type, get(column));
            } catch (IllegalArgumentException e) {
                throw fail("unknown " + type.getSimpleName() + " '" + get(column) + "'");
            }
        }

        public IllegalStateException fail(String message) {
            return new IllegalStateException(file + " line " + line + ": " + message);
        }
    }

    /** Reads all records, requiring the header to be exactly {@code columns}. */
    public static List<Row> read(String file, Reader source, String... columns) {
        List<String> header = List.of(columns);
        List<Row> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(source)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = split(file, lineNumber, line);
                if (!headerSeen) {
                    if (!fields.equals(header)) {
                        throw new IllegalStateException(
                                file + " line " + lineNumber + ": expected header " + header + ", found " + fields);
                    }
                    headerSeen = true;
                } else if (fields.size() != header.size()) {
                    throw new IllegalStateException(file + " line " + lineNumber + ": expected " + header.size()
                            + " fields, found " + fields.size());
                } else {
                    rows.add(new Row(file, lineNumber, header, List.copyOf(fields)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!headerSeen) {
            throw new IllegalStateException(file + ": no header row");
        }
        return rows;
    }

    static List<String> split(String file, int lineNumber, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (wasQuoted) {
                throw new IllegalStateException(
                        file + " line " + lineNumber + ": text after closing quote at column " + (i + 1));
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(file + " line " + lineNumber + ": unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
