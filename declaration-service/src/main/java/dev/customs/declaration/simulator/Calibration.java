package dev.customs.declaration.simulator;

import dev.customs.contract.event.Direction;
import dev.customs.contract.reference.CsvReader;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TradeMode;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The published figures the generator is calibrated to, and the tables derived from them, read from the CSV
 * files in {@code calibration/} when the class is first used (a malformed row fails with its file and line).
 * Each file names its source; docs/simulator-calibration.md explains the figures. Only rules that are not
 * calibration (currency codes, the non-bonded area's code, the days of a year) stay in code.
 */
final class Calibration {

    static final String DIRECTORY = "calibration/";

    private Calibration() {
    }

    private static final Map<String, Double> FIGURES = figures(read("figures.csv", "name", "value", "source"));

    // --- National totals (GAC, 2024) ---

    private static final double TRILLION = 1e12;
    static final double NATIONAL_TRADE_CNY = figure("national_trade_cny_tn") * TRILLION;
    static final double NATIONAL_EXPORTS_CNY = figure("national_exports_cny_tn") * TRILLION;
    static final double EXPORT_SHARE = NATIONAL_EXPORTS_CNY / NATIONAL_TRADE_CNY;
    static final double NATIONAL_TRADE_USD_BN = figure("national_trade_usd_bn");
    /** Growth of one year's exports and imports over the year before. */
    record Growth(double exports, double imports) {

        double of(Direction direction) {
            return direction == Direction.EXPORT ? exports : imports;
        }
    }

    /** By year, in year order; 2024, the base year, must be among them. */
    static final NavigableMap<Integer, Growth> ANNUAL_GROWTH = annualGrowth(read("annual-growth.csv", "year", "exports", "imports"));
    static final double DAYS_PER_YEAR = 365;
    /** The year the published figures (national totals, partners, goods) describe: its level is 1. */
    static final int BASE_YEAR = 2024;

    /** Relative daily trade by month, January first; normalised by the generator so that a year averages 1. */
    static final double[] MONTH_FACTORS = monthFactors(read("month-factors.csv", "month", "factor"));

    // --- Special customs supervision areas ---

    /** Areas' first-line trade / national trade: about a fifth (19.0%), from the published export and import shares. */
    static final double ZONE_SHARE = figure("zone_share_of_national_exports") * EXPORT_SHARE
            + figure("zone_share_of_national_imports") * (1 - EXPORT_SHARE);
    /** Of area declarations: the rest are first line. Second-line and intra-zone moves count only in area totals. */
    static final double SECOND_LINE_SHARE_OF_AREA = figure("second_line_share_of_area");
    static final double INTRA_ZONE_SHARE_OF_AREA = figure("intra_zone_share_of_area");
    /** Area first-line exports / area first-line trade. */
    static final double ZONE_EXPORT_SHARE = figure("zone_share_of_national_exports") * EXPORT_SHARE / ZONE_SHARE;
    /** Exports' share of trade outside areas, so that the national share comes out at {@link #EXPORT_SHARE}. */
    static final double OUTSIDE_EXPORT_SHARE = (EXPORT_SHARE - ZONE_SHARE * ZONE_EXPORT_SHARE) / (1 - ZONE_SHARE);
    /** Of second-line moves: from the area into the domestic market (an import into the customs territory). */
    static final double SECOND_LINE_IMPORT_SHARE = figure("second_line_import_share");
    static final double INTRA_ZONE_IMPORT_SHARE = figure("intra_zone_import_share");

    static final int TOP_AREAS = wholeFigure("top_areas");
    static final double TOP_AREAS_SHARE = figure("top_areas_share");
    /** Flattens the head of the rank law so that the leaders are of similar size. */
    static final double AREA_RANK_OFFSET = figure("area_rank_offset");

    /** The leading areas, largest first; the remaining areas follow in code order. */
    static final List<String> LEADING_AREAS = leadingAreas(read("leading-areas.csv", "rank", "zone"));

    // --- Flows ---

    static final double FIRST_LINE_SHARE_OF_AREA = 1 - SECOND_LINE_SHARE_OF_AREA - INTRA_ZONE_SHARE_OF_AREA;
    /** Area declarations per nationally counted declaration (outside + first line). */
    static final double AREA_PER_NATIONAL = ZONE_SHARE / FIRST_LINE_SHARE_OF_AREA;
    /** Fraction of all declarations that count in national totals. */
    static final double NATIONAL_FRACTION = 1 / (1 + AREA_PER_NATIONAL - ZONE_SHARE);

    // --- Supervision modes: share of the flow's value, relative size of one declaration ---

    /** The flows of supervision-modes.csv; OUTSIDE is trade outside areas. */
    enum ModeFlow { OUTSIDE, FIRST_LINE, SECOND_LINE, INTRA_ZONE }

    private static final Map<ModeFlow, List<Weighted.Option<String>>> MODES =
            modes(read("supervision-modes.csv", "flow", "mode", "share", "relative_size"));

    /** Outside areas: set so that national regime shares come out at the published ones. */
    static final List<Weighted.Option<String>> OUTSIDE_MODES = MODES.get(ModeFlow.OUTSIDE);
    static final List<Weighted.Option<String>> FIRST_LINE_MODES = MODES.get(ModeFlow.FIRST_LINE);
    static final List<Weighted.Option<String>> SECOND_LINE_MODES = MODES.get(ModeFlow.SECOND_LINE);
    static final List<Weighted.Option<String>> INTRA_ZONE_MODES = MODES.get(ModeFlow.INTRA_ZONE);

    /**
     * Of the value of the flows that cross the border (outside areas, first line), the fraction whose supervision
     * mode counts in trade statistics (trade-modes.csv): temporary imports, returned goods and the like do not.
     */
    static final double COUNTED_FRACTION = (1 - ZONE_SHARE) * countedFraction(OUTSIDE_MODES)
            + ZONE_SHARE * countedFraction(FIRST_LINE_MODES);

    // --- Partners ---

    /** 2024 trade with one partner, USD bn: China's exports to it and its imports from it. */
    record PartnerTrade(double exportsUsdBn, double importsUsdBn) {

        double usdBn(Direction direction) {
            return direction == Direction.EXPORT ? exportsUsdBn : importsUsdBn;
        }
    }

    static final Map<String, PartnerTrade> PARTNER_TRADE = keyed(
            read("partners.csv", "partner", "exports_usd_bn", "imports_usd_bn"), "partner",
            row -> new PartnerTrade(positive(row, "exports_usd_bn"), positive(row, "imports_usd_bn")));

    /** A partner's share of national trade in a year where it differs from the 2024 weights: year -> partner -> share. */
    static final Map<Integer, Map<String, Double>> PARTNER_SHARES = partnerShares(read("partner-shares.csv", "year", "partner", "share"));

    /** One product that makes up a share of China's imports from one partner. */
    record Affinity(String hsCode, double share) {
    }

    /** Per partner, the products it mostly sells to China; the shares of one partner add up to less than 1. */
    static final Map<String, List<Affinity>> IMPORT_AFFINITIES = affinities(
            read("import-affinities.csv", "partner", "hs_code", "share"));

    /** For a partner the table does not know (a row added to the reference file later). */
    static final double UNKNOWN_PARTNER_USD_BN = figure("unknown_partner_usd_bn");

    /** Belt and Road partners' share of national trade. */
    static final double BELT_AND_ROAD_SHARE = figure("belt_and_road_trade_cny_tn") / figure("national_trade_cny_tn");
    /** Groups the reference file lists completely, so no trade of unlisted partners belongs to them. */
    static final List<String> COMPLETE_GROUPS = List.of("ASEAN", "EU");

    // --- Currencies ---

    static final double CNY_CURRENCY_SHARE = figure("cny_currency_share");
    /** Of the rest: invoiced in the partner's own currency when the rate table has it, otherwise in USD. */
    static final double HOME_CURRENCY_SHARE = figure("home_currency_share");
    static final String EU_CURRENCY = "EUR";
    static final String DEFAULT_CURRENCY = "USD";
    static final Map<String, String> HOME_CURRENCIES = keyed(read("home-currencies.csv", "partner", "currency"),
            "partner", row -> row.matching("currency", "[A-Z]{3}"));

    // --- Transport and terms ---

    /** Carriers for trade that crosses the border (value shares). */
    static final List<Weighted.Option<String>> CARRIERS = options(read("carriers.csv", "transport_mode", "share"),
            row -> row.required("transport_mode"));


    private static double countedFraction(List<Weighted.Option<String>> modes) {
        double all = 0;
        double counted = 0;
        for (Weighted.Option<String> mode : modes) {
            all += mode.share();
            counted += ReferenceData.standard().tradeMode(mode.value()).filter(TradeMode::countsInTradeStatistics)
                    .isPresent() ? mode.share() : 0;
        }
        return counted / all;
    }

    private static final Map<Direction, List<Weighted.Option<String>>> TERMS =
            byDirection(read("transaction-terms.csv", "direction", "terms", "share"), row -> row.required("terms"));
    static final List<Weighted.Option<String>> IMPORT_TERMS = TERMS.get(Direction.IMPORT);
    static final List<Weighted.Option<String>> EXPORT_TERMS = TERMS.get(Direction.EXPORT);

    // --- Customs offices for trade outside areas: real district codes, with their province ---

    record Port(String office, String province) {
    }

    static final List<Weighted.Option<Port>> PORTS = options(read("ports.csv", "office", "province", "share"),
            row -> new Port(row.matching("office", "\\d{4}"), row.required("province")));


    // --- Goods: indicative 10-digit codes, unit, unit price in CNY, share of the direction's value ---

    record Product(String hsCode, String unit, double unitPriceCny) {

        String chapter() {
            return hsCode.substring(0, 2);
        }
    }

    private static final Map<Direction, List<Weighted.Option<Product>>> GOODS = byDirection(
            read("goods.csv", "direction", "hs_code", "unit", "unit_price_cny", "share", "description"),
            row -> new Product(row.matching("hs_code", "\\d{10}"), row.required("unit"), positive(row, "unit_price_cny")));
    /** Electromechanical goods (HS 84 and 85) hold 0.60 of export value. */
    static final List<Weighted.Option<Product>> EXPORT_GOODS = GOODS.get(Direction.EXPORT);
    /** Chips, crude oil, ores, soybeans and the long tail; normalised by the generator. */
    static final List<Weighted.Option<Product>> IMPORT_GOODS = GOODS.get(Direction.IMPORT);

    /** How many items a declaration has, by count. */
    static final List<Weighted.Option<Integer>> ITEM_COUNTS = options(read("item-counts.csv", "items", "share"),
            row -> row.integer("items"));

    // --- Value spread ---

    /** Standard deviation of the log of a declaration's value around its mean. */
    static final double VALUE_SIGMA = figure("value_sigma");
    /** Every item is worth at least this, so that no conversion to CNY or USD rounds it to zero. */
    static final double MIN_ITEM_VALUE_CNY = figure("min_item_value_cny");

    // --- Reading ---

    static List<CsvReader.Row> read(String file, String... columns) {
        InputStream in = Calibration.class.getClassLoader().getResourceAsStream(DIRECTORY + file);
        if (in == null) {
            throw new IllegalStateException("calibration table " + DIRECTORY + file + " is not on the classpath");
        }
        return read(DIRECTORY + file, new InputStreamReader(in, StandardCharsets.UTF_8), columns);
    }

    static List<CsvReader.Row> read(String file, Reader source, String... columns) {
        List<CsvReader.Row> rows = CsvReader.read(file, source, columns);
        if (rows.isEmpty()) {
            throw new IllegalStateException(file + ": no rows");
        }
        return rows;
    }

    private static double figure(String name) {
        Double value = FIGURES.get(name);
        if (value == null) {
            throw new IllegalStateException(DIRECTORY + "figures.csv has no figure " + name);
        }
        return value;
    }

    private static int wholeFigure(String name) {
        double value = figure(name);
        if (value != Math.rint(value)) {
            throw new IllegalStateException(DIRECTORY + "figures.csv: " + name + " must be a whole number, was " + value);
        }
        return (int) value;
    }

    static Map<String, Double> figures(List<CsvReader.Row> rows) {
        Map<String, Double> figures = keyed(rows, "name", row -> row.number("value"));
        rows.forEach(row -> row.required("source"));
        return figures;
    }

    static double[] monthFactors(List<CsvReader.Row> rows) {
        double[] factors = new double[12];
        for (int i = 0; i < rows.size(); i++) {
            CsvReader.Row row = rows.get(i);
            if (row.integer("month") != i + 1) {
                throw row.fail("expected month " + (i + 1) + ", in calendar order");
            }
            if (i >= factors.length) {
                throw row.fail("a year has 12 months");
            }
            factors[i] = positive(row, "factor");
        }
        if (rows.size() != factors.length) {
            throw new IllegalStateException(rows.get(0).file() + ": expected 12 months, found " + rows.size());
        }
        return factors;
    }

    static List<String> leadingAreas(List<CsvReader.Row> rows) {
        List<String> areas = new ArrayList<>();
        for (CsvReader.Row row : rows) {
            if (row.integer("rank") != areas.size() + 1) {
                throw row.fail("expected rank " + (areas.size() + 1) + ", largest first");
            }
            String zone = row.matching("zone", "\\d{4}");
            if (areas.contains(zone)) {
                throw row.fail("area " + zone + " is ranked twice");
            }
            areas.add(zone);
        }
        return List.copyOf(areas);
    }

    static Map<ModeFlow, List<Weighted.Option<String>>> modes(List<CsvReader.Row> rows) {
        Map<ModeFlow, List<Weighted.Option<String>>> modes = new LinkedHashMap<>();
        for (CsvReader.Row row : rows) {
            modes.computeIfAbsent(row.enumValue("flow", ModeFlow.class), f -> new ArrayList<>()).add(Weighted.option(
                    row.matching("mode", "\\d{4}"), positive(row, "share"), positive(row, "relative_size")));
        }
        for (ModeFlow flow : ModeFlow.values()) {
            if (!modes.containsKey(flow)) {
                throw new IllegalStateException(rows.get(0).file() + ": no modes for flow " + flow);
            }
        }
        modes.replaceAll((flow, options) -> List.copyOf(options));
        return Collections.unmodifiableMap(modes);
    }

    static NavigableMap<Integer, Growth> annualGrowth(List<CsvReader.Row> rows) {
        NavigableMap<Integer, Growth> growth = new TreeMap<>();
        for (CsvReader.Row row : rows) {
            int year = row.integer("year");
            if (!growth.isEmpty() && year != growth.lastKey() + 1) {
                throw row.fail("expected year " + (growth.lastKey() + 1) + ", in order and without gaps");
            }
            growth.put(year, new Growth(rate(row, "exports"), rate(row, "imports")));
        }
        if (!growth.containsKey(BASE_YEAR)) {
            throw new IllegalStateException(rows.get(0).file() + ": no row for the base year " + BASE_YEAR);
        }
        return Collections.unmodifiableNavigableMap(growth);
    }

    private static double rate(CsvReader.Row row, String column) {
        double value = row.number(column);
        if (!(value > -1 && value < 1)) {
            throw row.fail(column + " must be a yearly rate between -1 and 1, was " + value);
        }
        return value;
    }

    static Map<Integer, Map<String, Double>> partnerShares(List<CsvReader.Row> rows) {
        Map<Integer, Map<String, Double>> shares = new TreeMap<>();
        for (CsvReader.Row row : rows) {
            double share = positive(row, "share");
            if (share >= 1) {
                throw row.fail("share must be below 1, was " + share);
            }
            String partner = row.matching("partner", "[A-Z]{2}");
            if (shares.computeIfAbsent(row.integer("year"), y -> new TreeMap<>()).put(partner, share) != null) {
                throw row.fail(partner + " appears twice in one year");
            }
        }
        shares.replaceAll((year, byPartner) -> Collections.unmodifiableMap(byPartner));
        return Collections.unmodifiableMap(shares);
    }

    static Map<String, List<Affinity>> affinities(List<CsvReader.Row> rows) {
        Map<String, List<Affinity>> byPartner = new LinkedHashMap<>();
        for (CsvReader.Row row : rows) {
            String partner = row.matching("partner", "[A-Z]{2}");
            Affinity affinity = new Affinity(row.matching("hs_code", "\\d{10}"), positive(row, "share"));
            List<Affinity> known = byPartner.computeIfAbsent(partner, p -> new ArrayList<>());
            if (known.stream().anyMatch(a -> a.hsCode().equals(affinity.hsCode()))) {
                throw row.fail("partner " + partner + " lists " + affinity.hsCode() + " twice");
            }
            known.add(affinity);
            if (known.stream().mapToDouble(Affinity::share).sum() >= 1) {
                throw row.fail("the shares of partner " + partner + " must add up to less than 1");
            }
        }
        byPartner.replaceAll((partner, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(byPartner);
    }

    static <T> List<Weighted.Option<T>> options(List<CsvReader.Row> rows, Function<CsvReader.Row, T> value) {
        return rows.stream().map(row -> Weighted.option(value.apply(row), positive(row, "share"))).toList();
    }

    /** Rows in file order, split by their direction column; both directions must have rows. */
    static <T> Map<Direction, List<Weighted.Option<T>>> byDirection(List<CsvReader.Row> rows,
                                                                   Function<CsvReader.Row, T> value) {
        Map<Direction, List<Weighted.Option<T>>> split = new LinkedHashMap<>();
        for (CsvReader.Row row : rows) {
            split.computeIfAbsent(row.enumValue("direction", Direction.class), d -> new ArrayList<>())
                    .add(Weighted.option(value.apply(row), positive(row, "share")));
        }
        for (Direction direction : Direction.values()) {
            if (!split.containsKey(direction)) {
                throw new IllegalStateException(rows.get(0).file() + ": no rows for " + direction);
            }
        }
        split.replaceAll((direction, options) -> List.copyOf(options));
        return Collections.unmodifiableMap(split);
    }

    static <V> Map<String, V> keyed(List<CsvReader.Row> rows, String keyColumn, Function<CsvReader.Row, V> value) {
        Map<String, V> map = new HashMap<>();
        for (CsvReader.Row row : rows) {
            String key = row.required(keyColumn);
            if (map.put(key, value.apply(row)) != null) {
                throw row.fail(keyColumn + " " + key + " appears twice");
            }
        }
        return Map.copyOf(map);
    }

    private static double positive(CsvReader.Row row, String column) {
        double value = row.number(column);
        if (!(value > 0)) {
            throw row.fail(column + " must be positive, was " + value);
        }
        return value;
    }
}
