package dev.customs.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks {@code /names-zh.csv} (kind,code,zh) against the reference lists of the contract module, read from the classpath
 * at {@code /reference/*.csv}. See docs/reference-data.md, "Chinese names".
 */
class ChineseNamesTest {

    private static final String NAMES = "/names-zh.csv";

    private static final Set<String> KINDS = Set.of("zone", "country", "region", "mode", "section", "province", "zonetype");

    /**
     * Areas deliberately without a Chinese name (the console shows the English one). Keep in step with the comment header
     * of names-zh.csv: the synthetic rows, the rows the docs flag as unverified, and the rows whose official Chinese name is
     * not known with confidence. Any other zone without a name is a mistake.
     */
    private static final Set<String> LEFT_OUT_ZONES = Set.of(
            // synthetic=true
            "2937", "4230", "4334", "5134", "5232", "6830",
            // flagged in docs/reference-data.md as recalled from memory and unverified
            "2238", "2239", "3532", "4633", "6432", "7931", "9034",
            // official Chinese name (or its exact form) not known with confidence
            "0132", "0233", "0234", "0932", "2234", "2235", "2236", "2237", "2332", "2336", "2338", "2348", "2349",
            "3132", "3133", "3331", "3531", "3731", "4231", "4232", "4233", "4331", "4731", "5131", "5230", "6431",
            "7231", "8031", "9032", "9033", "9036", "9433");

    private static byte[] namesBytes;
    private static List<List<String>> nameRows;
    private static Map<String, Set<String>> reference;
    private static Set<String> syntheticZones;

    @BeforeAll
    static void load() {
        namesBytes = bytes(NAMES);
        nameRows = rows(NAMES, namesBytes, List.of("kind", "code", "zh"));

        List<List<String>> zones = rows("/reference/zones.csv",
                List.of("code", "name", "type", "province", "synthetic", "customs_office", "source"));
        reference = new HashMap<>();
        reference.put("zone", column(zones, 0));
        reference.put("zonetype", column(zones, 2));
        reference.put("province", column(zones, 3));
        reference.put("country", column(rows("/reference/countries.csv", List.of("alpha2", "name", "regions")), 0));
        reference.put("region", column(rows("/reference/region-groups.csv", List.of("code", "name", "continent")), 0));
        reference.put("mode", column(rows("/reference/trade-modes.csv",
                List.of("code", "name", "gac_trade_mode", "statistics", "direction", "outside_zone", "first_line",
                        "second_line", "intra_zone", "area_types")), 0));
        reference.put("section", column(rows("/reference/hs-sections.csv",
                List.of("number", "roman", "title", "first_chapter", "last_chapter")), 0));
        syntheticZones = new TreeSet<>();
        for (List<String> zone : zones) {
            if (zone.get(4).equals("true")) {
                syntheticZones.add(zone.get(0));
            }
        }
    }

    @Test
    void fileIsUtf8WithoutByteOrderMark() {
        assertThat(namesBytes.length).isGreaterThan(3);
        assertThat(namesBytes[0] == (byte) 0xEF && namesBytes[1] == (byte) 0xBB && namesBytes[2] == (byte) 0xBF)
                .as("names-zh.csv starts with a UTF-8 byte order mark").isFalse();
    }

    @Test
    void referenceListsAreTheExpectedSize() {
        assertThat(reference.get("zone")).hasSize(174);
        assertThat(reference.get("province")).hasSize(31);
        assertThat(reference.get("section")).hasSize(21);
        assertThat(reference.get("country")).isNotEmpty();
        assertThat(reference.get("region")).isNotEmpty();
        assertThat(reference.get("mode")).isNotEmpty();
        assertThat(reference.get("zonetype")).isNotEmpty();
    }

    @Test
    void everyKindIsKnown() {
        for (List<String> row : nameRows) {
            assertThat(KINDS).as("kind of %s", row).contains(row.get(0));
        }
    }

    @Test
    void everyCodeExistsInItsReferenceList() {
        for (List<String> row : nameRows) {
            Set<String> known = reference.get(row.get(0));
            assertThat(known).as("reference list for kind of %s", row).isNotNull();
            assertThat(known).as("code of %s", row).contains(row.get(1));
        }
    }

    @Test
    void noDuplicateKindAndCode() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (List<String> row : nameRows) {
            String key = row.get(0) + "," + row.get(1);
            if (!seen.add(key)) {
                duplicates.add(key);
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void everyNameIsChineseAndTrimmed() {
        for (List<String> row : nameRows) {
            String zh = row.get(2);
            assertThat(zh).as("zh of %s", row).isNotEmpty();
            assertThat(zh.strip()).as("zh of %s has leading or trailing space", row).isEqualTo(zh);
            assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as("zh of %s contains CJK characters", row).isTrue();
        }
    }

    @Test
    void everyNonZoneReferenceEntryHasAName() {
        for (String kind : List.of("country", "region", "mode", "section", "province", "zonetype")) {
            Set<String> named = codesOf(kind);
            Set<String> missing = new TreeSet<>(reference.get(kind));
            missing.removeAll(named);
            assertThat(missing).as("%s codes without a Chinese name", kind).isEmpty();
        }
    }

    @Test
    void zonesAreMissingOnlyWhereListedAsLeftOut() {
        Set<String> missing = new TreeSet<>(reference.get("zone"));
        missing.removeAll(codesOf("zone"));
        assertThat(missing).as("zones without a Chinese name").isEqualTo(new TreeSet<>(LEFT_OUT_ZONES));
    }

    @Test
    void syntheticZonesHaveNoChineseName() {
        assertThat(syntheticZones).hasSize(6);
        assertThat(LEFT_OUT_ZONES).containsAll(syntheticZones);
        assertThat(codesOf("zone")).doesNotContainAnyElementsOf(syntheticZones);
    }

    @Test
    void commentHeaderNamesEveryLeftOutZone() {
        String comments = commentLines(namesBytes);
        for (String code : LEFT_OUT_ZONES) {
            assertThat(comments).as("comment header of names-zh.csv mentions left-out zone %s", code).contains(code);
        }
    }

    @Test
    void spotChecks() {
        assertThat(name("country", "US")).isEqualTo("美国");
        assertThat(name("country", "JP")).isEqualTo("日本");
        assertThat(name("country", "DE")).isEqualTo("德国");
        assertThat(name("country", "HK")).isEqualTo("中国香港");
        assertThat(name("region", "ASEAN")).isEqualTo("东盟");
        assertThat(name("region", "EU")).isEqualTo("欧盟");
        assertThat(name("mode", "0110")).isEqualTo("一般贸易");
        assertThat(name("mode", "0214")).isEqualTo("来料加工");
        assertThat(name("mode", "5034")).isEqualTo("区内物流货物");
        assertThat(name("mode", "9610")).isEqualTo("电子商务");
        assertThat(name("section", "1")).isEqualTo("活动物；动物产品");
        assertThat(name("section", "5")).isEqualTo("矿产品");
        assertThat(name("section", "15")).isEqualTo("贱金属及其制品");
        assertThat(name("province", "Guangdong")).isEqualTo("广东省");
        assertThat(name("province", "Inner Mongolia")).isEqualTo("内蒙古自治区");
        assertThat(name("province", "Xinjiang")).isEqualTo("新疆维吾尔自治区");
        assertThat(name("zonetype", "COMPREHENSIVE_BONDED_ZONE")).isEqualTo("综合保税区");
        assertThat(name("zonetype", "BONDED_PORT_AREA")).isEqualTo("保税港区");
        assertThat(name("zone", "0130")).isEqualTo("北京天竺综合保税区");
        assertThat(name("zone", "2230")).isEqualTo("上海外高桥保税区");
        assertThat(name("zone", "2369")).isEqualTo("昆山综合保税区");
        assertThat(name("zone", "8013")).isEqualTo("重庆西永综合保税区");
        assertThat(name("zone", "8010")).isEqualTo("重庆两路寸滩保税港区");
        assertThat(name("zone", "5349")).isEqualTo("深圳前海湾保税港区");
        assertThat(name("zone", "5731")).isEqualTo("珠澳跨境工业区珠海园区");
    }

    @Test
    void csvParserHandlesQuotedFields() {
        assertThat(parseLine("a,\"b, c\",d", "test", 1)).containsExactly("a", "b, c", "d");
        assertThat(parseLine("\"say \"\"hi\"\"\",,x", "test", 1)).containsExactly("say \"hi\"", "", "x");
        assertThat(parseLine("HK,\"Hong Kong, China\",", "test", 1)).containsExactly("HK", "Hong Kong, China", "");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String name(String kind, String code) {
        for (List<String> row : nameRows) {
            if (row.get(0).equals(kind) && row.get(1).equals(code)) {
                return row.get(2);
            }
        }
        return null;
    }

    private static Set<String> codesOf(String kind) {
        Set<String> codes = new TreeSet<>();
        for (List<String> row : nameRows) {
            if (row.get(0).equals(kind)) {
                codes.add(row.get(1));
            }
        }
        return codes;
    }

    private static Set<String> column(List<List<String>> rows, int index) {
        Set<String> values = new TreeSet<>();
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = ChineseNamesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> rows(String resource, List<String> header) {
        return rows(resource, bytes(resource), header);
    }

    /** Data rows of a CSV: '#' lines and blank lines skipped, the first other line must equal {@code header}. */
    private static List<List<String>> rows(String resource, byte[] content, List<String> header) {
        List<List<String>> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                List<String> fields = parseLine(line, resource, lineNo);
                if (!headerSeen) {
                    assertThat(fields).as("header of %s", resource).isEqualTo(header);
                    headerSeen = true;
                    continue;
                }
                assertThat(fields).as("%s line %d: %s", resource, lineNo, line).hasSize(header.size());
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(headerSeen).as("%s has a header row", resource).isTrue();
        return rows;
    }

    private static String commentLines(byte[] content) {
        StringBuilder comments = new StringBuilder();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("#")) {
                comments.append(line).append('\n');
            }
        }
        return comments.toString();
    }

    /** Splits one CSV line; a field may be quoted ("a, b"), with "" for a quote inside it. */
    static List<String> parseLine(String line, String resource, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new AssertionError(resource + " line " + lineNo + ": unterminated quoted field: " + line);
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new AssertionError(resource + " line " + lineNo + ": text after a closing quote: " + line);
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i));
                    i++;
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // skip the comma
        }
    }
}
