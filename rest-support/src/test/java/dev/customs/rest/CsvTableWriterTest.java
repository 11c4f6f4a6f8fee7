package dev.customs.rest;

import dev.customs.totals.TradeTotals;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableWriterTest {

    public record Row(String code, String name, @JsonUnwrapped TradeTotals totals, BigDecimal share, LocalDate day) {
    }

    public record Plain(String text, Integer count) {
    }

    private static final TradeTotals TOTALS = new TradeTotals(3, new BigDecimal("100.50"), new BigDecimal("1E+3"),
            new BigDecimal("1100.50"), new BigDecimal("14.00"), new BigDecimal("140.00"), new BigDecimal("154.00"));

    @Test
    void flattensUnwrappedTotalsInPlaceWithHeader() {
        String csv = CsvTableWriter.toCsv(List.of(new Row("8013", "Chongqing", TOTALS, new BigDecimal("0.2500"),
                LocalDate.of(2016, 1, 31))), null);
        assertThat(csv).isEqualTo(
                "code,name,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd,share,day\r\n"
                        + "8013,Chongqing,3,100.50,1000,1100.50,14.00,140.00,154.00,0.2500,2016-01-31\r\n");
    }

    @Test
    void quotesPerRfc4180() {
        String csv = CsvTableWriter.toCsv(List.of(
                new Plain("a,b", 1), new Plain("say \"hi\"", 2), new Plain("two\r\nlines", 3), new Plain("lone\n", 4),
                new Plain("保税区", 5)), null);
        assertThat(csv).isEqualTo("text,count\r\n"
                + "\"a,b\",1\r\n"
                + "\"say \"\"hi\"\"\",2\r\n"
                + "\"two\r\nlines\",3\r\n"
                + "\"lone\n\",4\r\n"
                + "保税区,5\r\n");
    }

    @Test
    void nullsAreEmptyIncludingAnAbsentUnwrappedRecord() {
        String csv = CsvTableWriter.toCsv(List.of(new Row(null, "x", null, null, null)), null);
        assertThat(csv).endsWith("\r\n,x,,,,,,,,,\r\n");
    }

    @Test
    void oneRecordIsOneRowAndAnEmptyListIsAHeader() throws Exception {
        assertThat(CsvTableWriter.toCsv(new Plain("a", null), Plain.class)).isEqualTo("text,count\r\na,\r\n");
        var listOfPlain = Holder.class.getDeclaredField("plains").getGenericType();
        assertThat(CsvTableWriter.toCsv(List.of(), listOfPlain)).isEqualTo("text,count\r\n");
        assertThat(new CsvTableWriter().isWriteable(List.class, listOfPlain, null, CsvTableWriter.TEXT_CSV_TYPE)).isTrue();
        assertThat(new CsvTableWriter().isWriteable(List.class, listOfPlain, null,
                jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    @Test
    void theAnswerStartsWithAByteOrderMarkAndSaysUtf8() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var headers = new jakarta.ws.rs.core.MultivaluedHashMap<String, Object>();
        new CsvTableWriter().writeTo(List.of(new Plain("保税区", 5)), List.class,
                Holder.class.getDeclaredField("plains").getGenericType(), new java.lang.annotation.Annotation[0],
                CsvTableWriter.TEXT_CSV_TYPE, headers, out);
        byte[] bytes = out.toByteArray();
        assertThat(java.util.Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFFtext,count\r\n保税区,5\r\n");
        assertThat(headers.getFirst("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
    }

    @Test
    void aDownloadIsNamedAfterItsTableAndPeriod() {
        var query = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        assertThat(CsvDownloadFilter.fileName(List.of("api", "zones"), query)).isEqualTo("zones.csv");
        query.add("from", "2025-01-01");
        query.add("to", "2025-12-31");
        query.add("limit", "5");
        assertThat(CsvDownloadFilter.fileName(List.of("api", "zones", "ranking"), query))
                .isEqualTo("ranking-2025-01-01-2025-12-31.csv");
        assertThat(CsvDownloadFilter.fileName(List.of("api", "statistics", "partners"), query))
                .isEqualTo("partners-2025-01-01-2025-12-31.csv");
        assertThat(CsvDownloadFilter.fileName(List.of("api", "zones", "8013", "totals"), query))
                .isEqualTo("zones-8013-totals-2025-01-01-2025-12-31.csv");
        var month = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        month.add("month", "2025-03\"; x=\"y");
        assertThat(CsvDownloadFilter.fileName(List.of("api", "statistics", "monthly-report"), month))
                .isEqualTo("monthly-report-2025-03xy.csv");
    }

    @Test
    void findsTheRowTypeOfAListInsideARestResponse() throws Exception {
        var pagedPlains = Holder.class.getDeclaredField("pagedPlains").getGenericType();
        assertThat(new CsvTableWriter().isWriteable(ArrayList.class, pagedPlains, null, CsvTableWriter.TEXT_CSV_TYPE)).isTrue();
        assertThat(CsvTableWriter.toCsv(List.of(), pagedPlains)).isEqualTo("text,count\r\n");
        var pagedStrings = Holder.class.getDeclaredField("pagedStrings").getGenericType();
        assertThat(new CsvTableWriter().isWriteable(ArrayList.class, pagedStrings, null, CsvTableWriter.TEXT_CSV_TYPE)).isFalse();
    }

    static class Holder {
        List<Plain> plains;
        RestResponse<List<Plain>> pagedPlains;
        RestResponse<List<String>> pagedStrings;
    }
}
