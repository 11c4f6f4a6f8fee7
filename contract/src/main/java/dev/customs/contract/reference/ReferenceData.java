package dev.customs.contract.reference;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The code lists every service shares: areas, supervision and transport modes, HS sections and chapters,
 * partner countries with their region groups, and monthly exchange rates. Loaded from the CSV files under
 * {@code reference/} on the classpath (see docs/reference-data.md for their sources); immutable and thread-safe.
 * Every list is sorted by its key.
 */
public final class ReferenceData {

    public static final String CNY = "CNY";

    static final String ZONES = "zones.csv";
    static final String TRADE_MODES = "trade-modes.csv";
    static final String TRANSPORT_MODES = "transport-modes.csv";
    static final String HS_SECTIONS = "hs-sections.csv";
    static final String HS_CHAPTERS = "hs-chapters.csv";
    static final String REGION_GROUPS = "region-groups.csv";
    static final String COUNTRIES = "countries.csv";
    static final String EXCHANGE_RATES = "exchange-rates.csv";
    static final String GAC_TRADE_MODES = "gac-trade-modes.csv";
    static final String AREA_TRANSPORT_CODES = "area-transport-codes.csv";
    static final String UNITS = "units.csv";
    static final String PROVINCES = "provinces.csv";
    static final String ENTERPRISES = "enterprises.csv";
    static final String CUSTOMS_DISTRICTS = "customs-districts.csv";
    static final String PRODUCT_GROUPS = "product-groups.csv";

    private static final String DIRECTORY = "reference/";
    /** Every consumed event looks its commodity codes up here: a length and digit check, not a regex. */
    private static final int COMMODITY_CODE_DIGITS = 10;

    private final Table<String, Zone> zones;
    private final Table<String, GacTradeMode> gacTradeModes;
    private final Table<String, TradeMode> tradeModes;
    private final Map<AreaMove, String> areaTransportCodes;
    private final Table<String, Unit> units;
    private final Set<String> unitNamesAndCodes;
    private final Table<String, TransportMode> transportModes;
    private final Table<Integer, HsSection> hsSections;
    private final Table<String, HsChapter> hsChapters;
    private final Table<String, RegionGroup> regionGroups;
    private final Table<String, Country> countries;
    private final Map<String, Map<YearMonth, BigDecimal>> rates;
    private final Set<String> currencies;
    private final Dimensions dimensions;

    private ReferenceData(Function<String, Reader> files) {
        zones = index(read(files, ZONES, "code", "name", "type", "province", "synthetic", "customs_office", "source"),
                row -> new Zone(
                row.matching("code", "\\d{4}"),
                row.required("name"),
                row.enumValue("type", ZoneType.class),
                row.required("province"),
                row.bool("synthetic"),
                row.matching("customs_office", "\\d{4}"),
                row.required("source")), Zone::code);
        gacTradeModes = index(read(files, GAC_TRADE_MODES, "code", "name", "rollup"), row -> new GacTradeMode(
                row.matching("code", "\\d{2}"),
                row.required("name"),
                row.enumValue("rollup", StatisticalRegime.class)), GacTradeMode::code);
        tradeModes = index(read(files, TRADE_MODES, "code", "name", "gac_trade_mode", "statistics", "direction",
                "outside_zone", "first_line", "second_line", "intra_zone", "area_types"), this::tradeMode, TradeMode::code);
        transportModes = index(read(files, TRANSPORT_MODES, "code", "name", "area_code"), row -> new TransportMode(
                row.matching("code", "[0-9A-Z]"),
                row.required("name"),
                row.bool("area_code")), TransportMode::code);
        areaTransportCodes = areaTransportCodes(read(files, AREA_TRANSPORT_CODES,
                "zone_type", "zone_flow", "direction", "transport_mode"));
        units = index(read(files, UNITS, "code", "name"), row -> new Unit(
                row.matching("code", "\\d{3}"),
                row.required("name")), Unit::code);
        Set<String> unitKeys = new TreeSet<>();
        for (Unit unit : units.all()) {
            unitKeys.add(unit.code());
            if (!unitKeys.add(unit.name())) {
                throw new IllegalStateException(DIRECTORY + UNITS + ": unit name " + unit.name() + " listed twice");
            }
        }
        unitNamesAndCodes = Collections.unmodifiableSet(unitKeys);
        hsSections = index(read(files, HS_SECTIONS, "number", "roman", "title", "first_chapter", "last_chapter"),
                ReferenceData::section, HsSection::number);
        hsChapters = index(read(files, HS_CHAPTERS, "code", "title", "section", "reserved"), this::chapter,
                HsChapter::code);
        regionGroups = index(read(files, REGION_GROUPS, "code", "name", "continent"), row -> new RegionGroup(
                row.matching("code", "[A-Z][A-Z_]*"),
                row.required("name"),
                row.bool("continent")), RegionGroup::code);
        countries = index(read(files, COUNTRIES, "alpha2", "name", "regions"), this::country, Country::alpha2);
        rates = rates(read(files, EXCHANGE_RATES, "month", "currency", "cny_per_unit"));
        Set<String> all = new TreeSet<>(rates.keySet());
        all.add(CNY);
        currencies = Collections.unmodifiableSet(all);
        dimensions = new Dimensions(read(files, PROVINCES, "division", "name", "region"),
                read(files, ENTERPRISES, "uscc", "name", "type", "province"),
                read(files, CUSTOMS_DISTRICTS, "code", "name", "province"),
                read(files, PRODUCT_GROUPS, "group", "hs_heading"));
    }

    /** The bundled reference data, loaded on first use. */
    public static ReferenceData standard() {
        return Standard.INSTANCE;
    }

    /** Loads the files from any source, by file name; lets tests feed in broken copies. */
    static ReferenceData load(Function<String, Reader> files) {
        return new ReferenceData(files);
    }

    static Reader classpathFile(String file) {
        InputStream in = ReferenceData.class.getResourceAsStream("/" + DIRECTORY + file);
        if (in == null) {
            throw new IllegalStateException(DIRECTORY + file + " is not on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    // The JVM initialises this class once, on first access, which makes the lazy load thread-safe without locks.
    private static final class Standard {
        static final ReferenceData INSTANCE = load(ReferenceData::classpathFile);
    }

    public List<Zone> zones() {
        return zones.all();
    }

    public Optional<Zone> zone(String code) {
        return zones.find(code);
    }

    public List<TradeMode> tradeModes() {
        return tradeModes.all();
    }

    public Optional<TradeMode> tradeMode(String code) {
        return tradeModes.find(code);
    }

    public List<GacTradeMode> gacTradeModes() {
        return gacTradeModes.all();
    }

    public Optional<GacTradeMode> gacTradeMode(String code) {
        return gacTradeModes.find(code);
    }

    /**
     * The transport code a move that crosses no border (second line, intra-zone) must carry in an area of this
     * type; empty for first-line trade and trade outside areas, which carry a real carrier instead.
     */
    public Optional<String> areaTransportCode(ZoneType type, ZoneFlow flow, Direction direction) {
        if (type == null || flow == null || direction == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(areaTransportCodes.get(new AreaMove(type, flow, direction)));
    }

    public List<Unit> units() {
        return units.all();
    }

    /** Whether an item's {@code unit} names a unit of the table, by its name (台) or its three-digit code (001). */
    public boolean isKnownUnit(String unit) {
        return unit != null && unitNamesAndCodes.contains(unit);
    }

    public List<TransportMode> transportModes() {
        return transportModes.all();
    }

    public Optional<TransportMode> transportMode(String code) {
        return transportModes.find(code);
    }

    public List<HsSection> hsSections() {
        return hsSections.all();
    }

    public List<HsChapter> hsChapters() {
        return hsChapters.all();
    }

    public Optional<HsChapter> hsChapter(String twoDigitCode) {
        return hsChapters.find(twoDigitCode);
    }

    /** The chapter of a 10-digit commodity code (first 2 digits) when the code is 10 digits and its chapter exists and is not reserved. */
    public Optional<HsChapter> chapterOfCommodity(String hsCode) {
        if (hsCode == null || !isDigits(hsCode, COMMODITY_CODE_DIGITS)) {
            return Optional.empty();
        }
        return hsChapter(hsCode.substring(0, 2)).filter(chapter -> !chapter.reserved());
    }

    /**
     * Exactly {@code length} ASCII digits, as the regex {@code \d{length}} matches: the shape of the
     * customs' numeric codes, checked for every consumed event, so without a regex.
     */
    public static boolean isDigits(String value, int length) {
        if (value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public HsSection sectionOf(HsChapter chapter) {
        return hsSections.find(chapter.section()).orElseThrow(() -> new IllegalArgumentException(
                "no HS section " + chapter.section() + " for chapter " + chapter.code()));
    }

    public List<RegionGroup> regionGroups() {
        return regionGroups.all();
    }

    public List<Country> countries() {
        return countries.all();
    }

    public Optional<Country> country(String alpha2) {
        return countries.find(alpha2);
    }

    /** Every currency with rates, plus {@code CNY}. */
    public Set<String> currencies() {
        return currencies;
    }

    /** CNY per one unit of currency in that month; CNY is always 1 (BigDecimal.ONE); empty when unknown. */
    public Optional<BigDecimal> cnyPerUnit(String currency, YearMonth month) {
        if (currency == null || month == null) {
            return Optional.empty();
        }
        if (CNY.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rates.getOrDefault(currency, Map.of()).get(month));
    }

    /** Provinces in division-code order. */
    public List<Province> provinces() {
        return dimensions.provinces();
    }

    /** A province by its name, as zones.csv and the register spell it. */
    public Optional<Province> province(String name) {
        return dimensions.province(name);
    }

    /** The enterprise register in code order. */
    public List<Enterprise> enterprises() {
        return dimensions.enterprises();
    }

    /** The register's enterprise with that unified social credit code; empty for any other code, null included. */
    public Optional<Enterprise> enterprise(String uscc) {
        return dimensions.enterprise(uscc);
    }

    public List<CustomsDistrict> customsDistricts() {
        return dimensions.customsDistricts();
    }

    /** The district of a 2-digit district code (a customs office code's first two digits). */
    public Optional<CustomsDistrict> customsDistrict(String code) {
        return dimensions.customsDistrict(code);
    }

    /** The product groups a commodity code is in by its 4-digit heading: none, one or both; never null. */
    public Set<ProductGroup> productGroupsOf(String hsCode) {
        return dimensions.productGroupsOf(hsCode);
    }

    /** The 4-digit headings of a product group, sorted. */
    public Set<String> productGroupHeadings(ProductGroup group) {
        return dimensions.headings(group);
    }

    private static List<CsvReader.Row> read(Function<String, Reader> files, String file, String... columns) {
        return CsvReader.read(DIRECTORY + file, files.apply(file), columns);
    }

    /** Rows keyed and sorted by key, with the sorted list kept so that accessors do not copy on every call. */
    private record Table<K, V>(Map<K, V> byKey, List<V> all) {

        // Map.copyOf's get(null) throws, and a null code is an ordinary "not found" for callers.
        Optional<V> find(K key) {
            return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
        }
    }

    private static <K extends Comparable<K>, V> Table<K, V> index(List<CsvReader.Row> rows,
                                                                  Function<CsvReader.Row, V> parse, Function<V, K> key) {
        Map<K, V> byKey = new TreeMap<>();
        for (CsvReader.Row row : rows) {
            V value = parse.apply(row);
            if (byKey.putIfAbsent(key.apply(value), value) != null) {
                throw row.fail("duplicate key " + key.apply(value));
            }
        }
        // Sorted for all(), hashed for find(): every consumed event looks up several codes.
        return new Table<>(Map.copyOf(byKey), List.copyOf(byKey.values()));
    }

    private TradeMode tradeMode(CsvReader.Row row) {
        String gacCode = row.required("gac_trade_mode");
        GacTradeMode gac = gacTradeModes.find(gacCode)
                .orElseThrow(() -> row.fail("unknown GAC trade mode '" + gacCode + "'"));
        String direction = row.required("direction");
        Direction only = switch (direction) {
            case "BOTH" -> null;
            case "IMPORT" -> Direction.IMPORT;
            case "EXPORT" -> Direction.EXPORT;
            default -> throw row.fail("direction must be BOTH, IMPORT or EXPORT, not '" + direction + "'");
        };
        Set<ZoneType> areaTypes = EnumSet.noneOf(ZoneType.class);
        String listed = row.get("area_types");
        for (String type : listed.isEmpty() ? new String[0] : listed.split("\\|", -1)) {
            try {
                areaTypes.add(ZoneType.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw row.fail("unknown ZoneType '" + type + "'");
            }
        }
        TradeMode mode = new TradeMode(row.matching("code", "\\d{4}"), row.required("name"), gac,
                row.enumValue("statistics", StatisticalInclusion.class), only, row.bool("outside_zone"), zoneFlows(row),
                areaTypes);
        if (!mode.allowedOutsideZones() && mode.allowedZoneFlows().isEmpty()) {
            throw row.fail("supervision mode " + mode.code() + " is allowed nowhere");
        }
        return mode;
    }

    /** One kind of move that crosses no border: the key of {@code area-transport-codes.csv}. */
    private record AreaMove(ZoneType type, ZoneFlow flow, Direction direction) {
    }

    private Map<AreaMove, String> areaTransportCodes(List<CsvReader.Row> rows) {
        Map<AreaMove, String> codes = new java.util.HashMap<>();
        for (CsvReader.Row row : rows) {
            ZoneFlow flow = row.enumValue("zone_flow", ZoneFlow.class);
            if (flow.crossesNationalBorder()) {
                throw row.fail("first-line trade carries a real carrier, not an area code");
            }
            String code = row.required("transport_mode");
            if (transportModes.find(code).filter(TransportMode::areaCode).isEmpty()) {
                throw row.fail("transport mode '" + code + "' is not an area code of " + TRANSPORT_MODES);
            }
            AreaMove move = new AreaMove(row.enumValue("zone_type", ZoneType.class), flow,
                    row.enumValue("direction", Direction.class));
            if (codes.putIfAbsent(move, code) != null) {
                throw row.fail("duplicate key " + move.type() + " " + move.flow() + " " + move.direction());
            }
        }
        for (ZoneType type : ZoneType.values()) {
            for (ZoneFlow flow : ZoneFlow.values()) {
                for (Direction direction : Direction.values()) {
                    if (!flow.crossesNationalBorder() && !codes.containsKey(new AreaMove(type, flow, direction))) {
                        throw new IllegalStateException(DIRECTORY + AREA_TRANSPORT_CODES + ": no transport code for "
                                + type + " " + flow + " " + direction);
                    }
                }
            }
        }
        return Map.copyOf(codes);
    }

    private static Set<ZoneFlow> zoneFlows(CsvReader.Row row) {
        Set<ZoneFlow> flows = EnumSet.noneOf(ZoneFlow.class);
        if (row.bool("first_line")) {
            flows.add(ZoneFlow.FIRST_LINE);
        }
        if (row.bool("second_line")) {
            flows.add(ZoneFlow.SECOND_LINE);
        }
        if (row.bool("intra_zone")) {
            flows.add(ZoneFlow.INTRA_ZONE);
        }
        return flows;
    }

    private static HsSection section(CsvReader.Row row) {
        HsSection section = new HsSection(row.integer("number"), row.matching("roman", "[IVXL]+"),
                row.required("title"), row.integer("first_chapter"), row.integer("last_chapter"));
        if (section.firstChapter() < 1 || section.firstChapter() > section.lastChapter()) {
            throw row.fail("invalid chapter range " + section.firstChapter() + ".." + section.lastChapter());
        }
        return section;
    }

    private HsChapter chapter(CsvReader.Row row) {
        HsChapter chapter = new HsChapter(row.matching("code", "\\d{2}"), row.required("title"),
                row.integer("section"), row.bool("reserved"));
        int number = Integer.parseInt(chapter.code());
        if (hsSections.find(chapter.section()).filter(section -> section.contains(number)).isEmpty()) {
            throw row.fail("chapter " + chapter.code() + " is not within section " + chapter.section());
        }
        return chapter;
    }

    private Country country(CsvReader.Row row) {
        String alpha2 = row.matching("alpha2", "[A-Z]{2}");
        if (alpha2.equals("CN")) {
            throw row.fail("China is never its own trading partner");
        }
        Set<String> regions = new TreeSet<>();
        String listed = row.get("regions");
        for (String region : listed.isEmpty() ? new String[0] : listed.split("\\|", -1)) {
            if (regionGroups.find(region).isEmpty()) {
                throw row.fail("unknown region group '" + region + "'");
            }
            if (!regions.add(region)) {
                throw row.fail("region group " + region + " listed twice");
            }
        }
        long continents = regions.stream().filter(region -> regionGroups.find(region).orElseThrow().continent()).count();
        if (continents != 1) {
            throw row.fail("a partner is on exactly one continent, " + alpha2 + " is on " + continents);
        }
        return new Country(alpha2, row.required("name"), regions);
    }

    private static Map<String, Map<YearMonth, BigDecimal>> rates(List<CsvReader.Row> rows) {
        Map<String, Map<YearMonth, BigDecimal>> byCurrency = new TreeMap<>();
        YearMonth first = null;
        YearMonth last = null;
        for (CsvReader.Row row : rows) {
            YearMonth month;
            BigDecimal rate;
            try {
                month = YearMonth.parse(row.get("month"));
            } catch (DateTimeParseException e) {
                throw row.fail("month is not yyyy-MM: '" + row.get("month") + "'");
            }
            String currency = row.matching("currency", "[A-Z]{3}");
            if (currency.equals(CNY)) {
                throw row.fail("CNY is implicit and must not be listed");
            }
            try {
                rate = new BigDecimal(row.get("cny_per_unit"));
            } catch (NumberFormatException e) {
                throw row.fail("cny_per_unit is not a number: '" + row.get("cny_per_unit") + "'");
            }
            if (rate.signum() <= 0) {
                throw row.fail("cny_per_unit must be positive");
            }
            if (byCurrency.computeIfAbsent(currency, c -> new TreeMap<>()).putIfAbsent(month, rate) != null) {
                throw row.fail("duplicate key " + month + " " + currency);
            }
            first = first == null || month.isBefore(first) ? month : first;
            last = last == null || month.isAfter(last) ? month : last;
        }
        // A gap would silently turn into "rate unknown" for some declarations; refuse it at load time instead.
        for (Map.Entry<String, Map<YearMonth, BigDecimal>> entry : byCurrency.entrySet()) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                if (!entry.getValue().containsKey(month)) {
                    throw new IllegalStateException(
                            DIRECTORY + EXCHANGE_RATES + ": no " + entry.getKey() + " rate for " + month);
                }
            }
            entry.setValue(Collections.unmodifiableMap(entry.getValue()));
        }
        return Collections.unmodifiableMap(byCurrency);
    }
}
