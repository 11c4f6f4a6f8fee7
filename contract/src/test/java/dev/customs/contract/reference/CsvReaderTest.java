package dev.customs.contract.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvReader.Row> read(String text) {
        return CsvReader.read("test.csv", new StringReader(text), "a", "b", "c");
    }

    @Test
    void readsQuotedFieldsCommentsAndBlankLines() {
        List<CsvReader.Row> rows = read("\uFEFF# comment\na,b,c\n\n1,\"x, y\",\"say \"\"hi\"\"\"\n# more\n,,\"\"\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(4);
        assertThat(rows.get(0).values()).containsExactly("1", "x, y", "say \"hi\"");
        assertThat(rows.get(1).values()).containsExactly("", "", "");
        assertThat(rows.get(1).get("c")).isEmpty();
    }

    @Test
    void rejectsWrongFieldCountWithFileAndLine() {
        assertThatThrownBy(() -> read("a,b,c\n1,2,3\n1,2\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.csv line 3: expected 3 fields, found 2");
    }

    @Test
    void rejectsUnterminatedQuoteAndTextAfterQuote() {
        assertThatThrownBy(() -> read("a,b,c\n1,\"2,3\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.csv line 2: unterminated quoted field");
        assertThatThrownBy(() -> read("a,b,c\n1,\"2\"x,3\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.csv line 2: text after closing quote");
    }

    @Test
    void rejectsUnexpectedOrMissingHeader() {
        assertThatThrownBy(() -> read("a,c,b\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.csv line 1: expected header [a, b, c]");
        assertThatThrownBy(() -> read("# only a comment\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test.csv: no header row");
    }

    @Test
    void typedAccessorsNameTheLineOnBadValues() {
        CsvReader.Row row = read("a,b,c\nmaybe,x,\n").get(0);

        assertThatThrownBy(() -> row.bool("a")).hasMessage("test.csv line 2: a must be true or false, was 'maybe'");
        assertThatThrownBy(() -> row.integer("b")).hasMessage("test.csv line 2: b is not an integer: 'x'");
        assertThatThrownBy(() -> row.required("c")).hasMessage("test.csv line 2: c is empty");
        assertThatThrownBy(() -> row.enumValue("b", ZoneType.class))
                .hasMessage("test.csv line 2: unknown ZoneType 'x'");
    }

    @Test
    void numbersArePlainDecimalsAndNameTheLineOtherwise() {
        List<CsvReader.Row> rows = read("a,b,c\n0.05,1800,43.85e12\n1d,NaN, 2\n");

        assertThat(rows.get(0).number("a")).isEqualTo(0.05);
        assertThat(rows.get(0).number("b")).isEqualTo(1800.0);
        assertThat(rows.get(0).number("c")).isEqualTo(43.85e12);
        assertThatThrownBy(() -> rows.get(1).number("a")).hasMessage("test.csv line 3: a is not a number: '1d'");
        assertThatThrownBy(() -> rows.get(1).number("b")).hasMessage("test.csv line 3: b is not a number: 'NaN'");
        assertThatThrownBy(() -> rows.get(1).number("c")).hasMessage("test.csv line 3: c is not a number: ' 2'");
    }
}
