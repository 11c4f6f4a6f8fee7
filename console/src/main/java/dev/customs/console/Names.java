package dev.customs.console;

import dev.customs.contract.reference.CsvReader;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.ZoneType;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels the pages show, in English and Chinese: English from the contract's reference lists (the names the
 * APIs answer with), Chinese from {@code names-zh.csv} (sources in docs/reference-data.md). A code without a
 * Chinese name has only {@code en}; the pages fall back to it.
 */
public final class Names {

    public record Label(String en, String zh) {
    }

    static final String ZH_FILE = "names-zh.csv";

    private Names() {
    }

    /** kind (zone, country, region, mode, section by Roman numeral, province, zonetype) to code to label. */
    public static Map<String, Map<String, Label>> standard() {
        ReferenceData reference = ReferenceData.standard();
        Map<String, Map<String, String>> english = new LinkedHashMap<>();
        reference.zones().forEach(z -> english.computeIfAbsent("zone", k -> new TreeMap<>()).put(z.code(), z.name()));
        reference.zones().forEach(z -> english.computeIfAbsent("province", k -> new TreeMap<>()).put(z.province(), z.province()));
        Arrays.stream(ZoneType.values()).forEach(t -> english.computeIfAbsent("zonetype", k -> new TreeMap<>()).put(t.name(), title(t.name())));
        reference.countries().forEach(c -> english.computeIfAbsent("country", k -> new TreeMap<>()).put(c.alpha2(), c.name()));
        reference.regionGroups().forEach(r -> english.computeIfAbsent("region", k -> new TreeMap<>()).put(r.code(), r.name()));
        reference.tradeModes().forEach(m -> english.computeIfAbsent("mode", k -> new TreeMap<>()).put(m.code(), m.name()));
        reference.hsSections().forEach(s -> english.computeIfAbsent("section", k -> new TreeMap<>()).put(s.roman(), s.title()));

        Map<String, Map<String, String>> chinese = chinese();
        // The file numbers sections as hs-sections.csv does; the APIs name them by Roman numeral.
        Map<String, String> sectionsByNumber = chinese.getOrDefault("section", Map.of());
        Map<String, String> sectionsByRoman = new TreeMap<>();
        reference.hsSections().forEach(s -> {
            String zh = sectionsByNumber.get(Integer.toString(s.number()));
            if (zh != null) {
                sectionsByRoman.put(s.roman(), zh);
            }
        });
        chinese.put("section", sectionsByRoman);
        Map<String, Map<String, Label>> labels = new LinkedHashMap<>();
        english.forEach((kind, codes) -> {
            Map<String, Label> byCode = new TreeMap<>();
            codes.forEach((code, en) -> byCode.put(code, new Label(en, chinese.getOrDefault(kind, Map.of()).get(code))));
            labels.put(kind, byCode);
        });
        return labels;
    }

    /** kind to code to Chinese name, as the file has them. */
    static Map<String, Map<String, String>> chinese() {
        try (InputStream in = Names.class.getResourceAsStream("/" + ZH_FILE)) {
            if (in == null) {
                throw new IllegalStateException(ZH_FILE + " is missing from the classpath");
            }
            Map<String, Map<String, String>> names = new LinkedHashMap<>();
            for (CsvReader.Row row : CsvReader.read(ZH_FILE, new InputStreamReader(in, StandardCharsets.UTF_8), "kind", "code", "zh")) {
                String previous = names.computeIfAbsent(row.required("kind"), k -> new TreeMap<>()).put(row.required("code"), row.required("zh"));
                if (previous != null) {
                    throw row.fail("duplicate " + row.get("kind") + " " + row.get("code"));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(ZH_FILE, e);
        }
    }

    /** COMPREHENSIVE_BONDED_ZONE to "Comprehensive bonded zone". */
    private static String title(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
