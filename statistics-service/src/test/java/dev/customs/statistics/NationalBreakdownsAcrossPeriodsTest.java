package dev.customs.statistics;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.testing.ExpectedTotals;
import dev.customs.contract.testing.RawPublisher;
import dev.customs.localstack.testing.KafkaResource;
import dev.customs.localstack.testing.PostgresResource;
import dev.customs.rest.Roles;
import dev.customs.rest.testing.ActAs;
import dev.customs.rest.testing.ExactNumbers;
import dev.customs.rest.testing.LinkHeader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.event.ZoneFlow.INTRA_ZONE;
import static dev.customs.contract.event.ZoneFlow.SECOND_LINE;
import static dev.customs.contract.testing.ExpectedTotals.dated;
import static dev.customs.contract.testing.ExpectedTotals.growth;
import static dev.customs.contract.testing.ExpectedTotals.share;
import static dev.customs.contract.testing.TestDeclarations.DECLARANT;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static dev.customs.contract.testing.TestDeclarations.synthetic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every national breakdown over a range across the year boundary (December 2014 to January 2015) and over
 * one cut at the 15th at both ends, and the monthly report across the year boundary, each expected value
 * worked out here from the declarations this class sends (plain sums over {@link #SENT}), never through the
 * service's code. 2014 and 2015 are this class's alone.
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class NationalBreakdownsAcrossPeriodsTest {

    private static final String ACROSS_THE_YEAR_FROM = "2014-12-01";
    private static final String ACROSS_THE_YEAR_TO = "2015-01-31";
    private static final String HALF_MONTHS_FROM = "2014-12-15";
    private static final String HALF_MONTHS_TO = "2015-01-15";

    /** What the reference data says of the partners this class trades with (countries.csv). */
    private record PartnerFacts(String name, Set<String> regions) {
    }

    private static final Map<String, PartnerFacts> PARTNERS = Map.of(
            "US", new PartnerFacts("United States", Set.of("NORTH_AMERICA")),
            "DE", new PartnerFacts("Germany", Set.of("EU", "EUROPE")),
            "VN", new PartnerFacts("Vietnam", Set.of("ASEAN", "RCEP", "BELT_AND_ROAD", "ASIA")),
            "JP", new PartnerFacts("Japan", Set.of("RCEP", "ASIA")),
            "KZ", new PartnerFacts("Kazakhstan", Set.of("CENTRAL_ASIA", "BELT_AND_ROAD", "ASIA")),
            "ZA", new PartnerFacts("South Africa", Set.of("AFRICA", "BELT_AND_ROAD")),
            "BR", new PartnerFacts("Brazil", Set.of("LATIN_AMERICA")),
            "SA", new PartnerFacts("Saudi Arabia", Set.of("MIDDLE_EAST", "BELT_AND_ROAD", "ASIA")));

    private static final List<String> REGIONS = List.of("ASEAN", "EU", "BELT_AND_ROAD", "RCEP", "LATIN_AMERICA",
            "AFRICA", "CENTRAL_ASIA", "MIDDLE_EAST", "NORTH_AMERICA", "OCEANIA", "ASIA", "EUROPE");

    /** The HS section (roman numeral, and its number for ordering) of each chapter used (hs-sections.csv). */
    private static final Map<String, String> SECTION_OF_CHAPTER = Map.of(
            "27", "V", "61", "XI", "84", "XVI", "85", "XVI", "87", "XVII", "90", "XVIII");
    private static final Map<String, Integer> SECTION_NUMBER = Map.of(
            "V", 5, "XI", 11, "XVI", 16, "XVII", 17, "XVIII", 18);

    /** Each supervision mode used, with its GAC statistical trade mode (trade-modes.csv). */
    private static final Map<String, String> GAC_MODE_OF_MODE = Map.of(
            "0110", "10", "9610", "10", "9710", "10", "0214", "14", "0615", "15",
            "5034", "34", "5033", "34", "6033", "33", "2600", "39");
    /** Each GAC trade mode's roll-up (gac-trade-modes.csv), in code order. */
    private static final Map<String, String> REGIME_OF_GAC_MODE = new java.util.LinkedHashMap<>();

    static {
        REGIME_OF_GAC_MODE.put("10", "GENERAL_TRADE");
        REGIME_OF_GAC_MODE.put("14", "PROCESSING_TRADE");
        REGIME_OF_GAC_MODE.put("15", "PROCESSING_TRADE");
        REGIME_OF_GAC_MODE.put("19", "OTHER");
        REGIME_OF_GAC_MODE.put("23", "OTHER");
        REGIME_OF_GAC_MODE.put("33", "BONDED_LOGISTICS");
        REGIME_OF_GAC_MODE.put("34", "BONDED_LOGISTICS");
        REGIME_OF_GAC_MODE.put("35", "OTHER");
        REGIME_OF_GAC_MODE.put("39", "OTHER");
    }

    private static final List<String> REGIMES = List.of(
            "GENERAL_TRADE", "PROCESSING_TRADE", "BONDED_LOGISTICS", "OTHER");
    /** Supervision modes outside trade statistics (excluded, or single-item statistics): never national trade. */
    private static final java.util.Set<String> NOT_IN_TRADE_STATISTICS = java.util.Set.of(
            "2600", "3100", "4561", "1200", "1371", "5000", "5100", "5300");

    /**
     * Dates sit on the edges the ranges and growth bases cut at: the 1st, 14th, 15th, 16th and month ends. Some
     * are synthetic, in whole months and on cut days, so the synthetic count is summed from both sources.
     */
    private static final List<DeclarationState> SENT = List.of(
            // January and February 2014: the bases a year earlier of January and February 2015.
            national("2014-01-10", IMPORT, "0110", "US", "8471300000", "1000.00", "163.40"),
            national("2014-01-15", EXPORT, "0615", "DE", "8517620000", "500.50", "81.78"),
            national("2014-01-16", EXPORT, "9710", "VN", "6109100000", "250.25", "40.89"),
            area("2014-02-20", IMPORT, "8013", FIRST_LINE, "5034", "JP", "8542310000", "300.00", "49.02"),
            // November 2014: December's base a month earlier (15-30 November for the cut range).
            national("2014-11-14", EXPORT, "0110", "US", "8471300000", "700.00", "113.95"),
            national("2014-11-15", IMPORT, "0110", "DE", "8703230000", "420.42", "68.44"),
            area("2014-11-30", EXPORT, "8013", FIRST_LINE, "5033", "KZ", "6109100000", "150.15", "24.44"),
            area("2014-11-30", EXPORT, "8013", SECOND_LINE, "5100", "US", "8471300000", "9999.99", "1627.92"),
            // December 2014.
            synthetic(national("2014-12-01", IMPORT, "0110", "US", "8471300000", "2000.00", "325.57")),
            twoItems(national("2014-12-14", EXPORT, "0615", "DE", "8517620000", "500.00", "81.39"),
                    "8471300000", "300.80", "48.97"),
            synthetic(area("2014-12-15", IMPORT, "2369", FIRST_LINE, "5034", "VN", "8542310000", "1234.56", "200.97")),
            national("2014-12-15", EXPORT, "9610", "BR", "6109100000", "99.99", "16.28"),
            national("2014-12-31", EXPORT, "0110", "JP", "2709000000", "640.00", "104.18"),
            area("2014-12-31", IMPORT, "8013", INTRA_ZONE, "5034", "DE", "8471300000", "555.55", "90.44"),
            // January 2015.
            twoItems(national("2015-01-01", EXPORT, "0110", "US", "8471300000", "2500.00", "408.50"),
                    "8703230000", "500.00", "81.70"),
            area("2015-01-01", IMPORT, "8013", FIRST_LINE, "5034", "KZ", "6109100000", "410.41", "67.06"),
            national("2015-01-15", IMPORT, "0214", "ZA", "2709000000", "720.72", "117.76"),
            synthetic(area("2015-01-15", EXPORT, "2369", SECOND_LINE, "0110", "US", "8471300000", "333.33", "54.42")),
            synthetic(national("2015-01-16", EXPORT, "0615", "VN", "8517620000", "1500.00", "245.10")),
            national("2015-01-31", IMPORT, "2600", "DE", "9018900000", "88.88", "14.52"),
            // February 2015.
            national("2015-02-01", EXPORT, "0110", "US", "8471300000", "1111.11", "181.55"),
            national("2015-02-15", IMPORT, "6033", "SA", "2709000000", "222.22", "36.31"));

    /**
     * National trade: outside areas, or an area's first line, in a mode that counts in trade statistics; second-line
     * and intra-zone moves are not, nor temporary imports (2600) and the like.
     */
    private static final Predicate<DeclarationState> NATIONAL = s -> (s.zoneFlow() == null || s.zoneFlow() == FIRST_LINE)
            && !NOT_IN_TRADE_STATISTICS.contains(s.tradeMode());

    private static boolean published;

    private static DeclarationState national(String date, Direction direction, String mode, String partner, String hs,
                                             String cny, String usd) {
        return state(LocalDate.parse(date), direction, null, null, mode, partner, hs, cny, usd);
    }

    private static DeclarationState area(String date, Direction direction, String zone, ZoneFlow flow, String mode,
                                         String partner, String hs, String cny, String usd) {
        return state(LocalDate.parse(date), direction, zone, flow, mode, partner, hs, cny, usd);
    }

    /** The declaration with a second goods item in another chapter. */
    private static DeclarationState twoItems(DeclarationState one, String hs, String cny, String usd) {
        DeclarationItem first = one.items().get(0);
        DeclarationItem second = new DeclarationItem(2, hs, new BigDecimal("3"), "台", new BigDecimal(cny), new BigDecimal(usd));
        return new DeclarationState(one.declarationDate(), one.direction(), one.zoneCode(), one.zoneFlow(), one.tradeMode(),
                one.customsOffice(), DECLARANT, one.partnerCountry(), one.transportMode(), one.currency(),
                List.of(first, second), first.valueCny().add(second.valueCny()), first.valueUsd().add(second.valueUsd()),
                one.synthetic());
    }

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            for (int i = 0; i < SENT.size(); i++) {
                DeclarationState s = SENT.get(i);
                kafka.publish(declared(declarationId("8013", s.declarationDate().getYear(), s.direction(), 100 + i), s));
            }
        }
        // Second-line and intra-zone declarations change no national figure, whenever they land.
        long national = SENT.stream().filter(NATIONAL).count();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("from", "2014-01-01")
                .queryParam("to", "2015-12-31").get("/api/statistics/totals").then().statusCode(200)
                .extract().jsonPath().getLong("declarations") == national);
        published = true;
    }

    // --- what the test expects, from SENT alone ---

    private static List<DeclarationState> nationalIn(String from, String to) {
        return SENT.stream().filter(NATIONAL.and(dated(from, to))).toList();
    }

    private static ExpectedTotals expected(String from, String to) {
        return ExpectedTotals.ofDeclarations(nationalIn(from, to));
    }

    private static <K> Map<K, List<DeclarationState>> nationalBy(String from, String to, Function<DeclarationState, K> key) {
        return nationalIn(from, to).stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static List<Map<String, Object>> rows(ExtractableResponse<Response> response) {
        return response.jsonPath().getList("$");
    }

    private static ExtractableResponse<Response> get(String path, String from, String to) {
        return given().queryParam("from", from).queryParam("to", to).get(path).then().statusCode(200).extract();
    }

    // --- the breakdowns ---

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void nationalTotalsWithTheAreasShare(String from, String to) {
        JsonPath totals = get("/api/statistics/totals", from, to).jsonPath();
        ExpectedTotals expected = expected(from, to);
        expected.assertTotals(totals.getMap("$"), "totals " + from + ".." + to);
        assertThat(totals.getString("from")).isEqualTo(from);
        assertThat(totals.getString("to")).isEqualTo(to);
        assertThat(totals.<Object>get("balanceCny")).isEqualTo(expected.exportCny().subtract(expected.importCny()));
        assertThat(totals.<Object>get("balanceUsd")).isEqualTo(expected.exportUsd().subtract(expected.importUsd()));
        ExpectedTotals firstLine = ExpectedTotals.ofDeclarations(nationalIn(from, to).stream()
                .filter(s -> s.zoneFlow() == FIRST_LINE).toList());
        BigDecimal viaAreas = firstLine.totalCny();
        assertThat(viaAreas.signum()).as("the range has first-line trade").isPositive();
        assertThat(totals.<Object>get("zoneShare")).isEqualTo(share(viaAreas, expected.totalCny()));
        assertThat(totals.<Object>get("zoneExportShare")).isEqualTo(share(firstLine.exportCny(), expected.exportCny()));
        assertThat(totals.<Object>get("zoneImportShare")).isEqualTo(share(firstLine.importCny(), expected.importCny()));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void partnersRankedWithSharesOfNationalTrade(String from, String to) {
        List<Ranked> expected = expectedPartners(from, to);
        List<Map<String, Object>> partners = rows(given().queryParam("from", from).queryParam("to", to)
                .queryParam("limit", 250).get("/api/statistics/partners")
                .then().statusCode(200).header("X-Total-Count", String.valueOf(expected.size())).extract());
        assertThat(partners).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertPartner(partners.get(i), expected.get(i), from + ".." + to);
        }
    }

    private record Ranked(int rank, String partner, BigDecimal share, ExpectedTotals totals) {
    }

    private static List<Ranked> expectedPartners(String from, String to) {
        Map<String, ExpectedTotals> byPartner = new TreeMap<>();
        nationalBy(from, to, DeclarationState::partnerCountry)
                .forEach((partner, sent) -> byPartner.put(partner, ExpectedTotals.ofDeclarations(sent)));
        BigDecimal all = expected(from, to).totalCny();
        List<String> order = new ArrayList<>(byPartner.keySet());
        order.sort(Comparator.comparing((String p) -> byPartner.get(p).totalCny()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<Ranked> ranking = new ArrayList<>();
        for (String partner : order) {
            ranking.add(new Ranked(ranking.size() + 1, partner, share(byPartner.get(partner).totalCny(), all),
                    byPartner.get(partner)));
        }
        return ranking;
    }

    private static void assertPartner(Map<String, Object> row, Ranked expected, String what) {
        String which = what + " rank " + expected.rank();
        assertThat(row.get("rank")).as(which).isEqualTo(expected.rank());
        assertThat(row.get("partnerCountry")).as(which).isEqualTo(expected.partner());
        assertThat(row.get("name")).as(which).isEqualTo(PARTNERS.get(expected.partner()).name());
        assertThat(row.get("share")).as(which + " share").isEqualTo(expected.share());
        expected.totals().assertRow(row, "declarations", which);
    }

    @Test
    void aPartnerPageContinuesTheRankAndKeepsSharesOfAllPartners() {
        List<Ranked> expected = expectedPartners(ACROSS_THE_YEAR_FROM, ACROSS_THE_YEAR_TO);
        assertThat(expected).hasSizeGreaterThan(4);

        var second = given().queryParam("from", ACROSS_THE_YEAR_FROM).queryParam("to", ACROSS_THE_YEAR_TO)
                .queryParam("offset", 2).queryParam("limit", 2).get("/api/statistics/partners")
                .then().statusCode(200).header("X-Total-Count", String.valueOf(expected.size())).extract();
        assertThat(rows(second)).hasSize(2);
        assertPartner(rows(second).get(0), expected.get(2), "page 2");
        assertPartner(rows(second).get(1), expected.get(3), "page 2");
        Map<String, Map<String, String>> links = LinkHeader.parse(second.header("Link"));
        assertThat(links).containsOnlyKeys("next", "prev");
        assertThat(links.get("next")).containsEntry("offset", "4").containsEntry("limit", "2")
                .containsEntry("from", ACROSS_THE_YEAR_FROM).containsEntry("to", ACROSS_THE_YEAR_TO);
        assertThat(links.get("prev")).containsEntry("offset", "0").containsEntry("limit", "2");

        // The same page as CSV: the table's columns, the same rows.
        String csv = given().accept("text/csv").queryParam("from", ACROSS_THE_YEAR_FROM).queryParam("to", ACROSS_THE_YEAR_TO)
                .queryParam("offset", 2).queryParam("limit", 2).get("/api/statistics/partners")
                .then().statusCode(200).contentType("text/csv")
                .header("X-Total-Count", String.valueOf(expected.size()))
                .header("Content-Disposition", "attachment; filename=\"partners-2014-12-01-2015-01-31.csv\"")
                .extract().asString();
        StringBuilder expectedCsv = new StringBuilder(
                "\uFEFFrank,partnerCountry,name,share,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd\r\n");
        for (Ranked r : expected.subList(2, 4)) {
            ExpectedTotals t = r.totals();
            expectedCsv.append(String.join(",", String.valueOf(r.rank()), r.partner(), PARTNERS.get(r.partner()).name(),
                    r.share().toPlainString(), String.valueOf(t.count()), t.importCny().toPlainString(),
                    t.exportCny().toPlainString(), t.totalCny().toPlainString(), t.importUsd().toPlainString(),
                    t.exportUsd().toPlainString(), t.totalUsd().toPlainString())).append("\r\n");
        }
        assertThat(csv).isEqualTo(expectedCsv.toString());
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void regionGroupsOverlapAndKeepTheEmptyOnes(String from, String to) {
        List<Map<String, Object>> regions = rows(get("/api/statistics/regions", from, to));
        assertThat(regions).extracting(r -> (String) r.get("code")).containsExactlyInAnyOrderElementsOf(REGIONS);
        for (Map<String, Object> region : regions) {
            String code = (String) region.get("code");
            ExpectedTotals.ofDeclarations(nationalIn(from, to).stream()
                            .filter(s -> PARTNERS.get(s.partnerCountry()).regions().contains(code)).toList())
                    .assertRow(region, "declarations", "region " + code + " " + from + ".." + to);
            assertThat(region.get("continent")).as(code)
                    .isEqualTo(Set.of("ASIA", "EUROPE", "AFRICA", "LATIN_AMERICA", "NORTH_AMERICA", "OCEANIA").contains(code));
        }
    }

    @ParameterizedTest(name = "{0} to {1} by {2}")
    @CsvSource({
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",chapter",
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",section",
            HALF_MONTHS_FROM + "," + HALF_MONTHS_TO + ",chapter",
            HALF_MONTHS_FROM + "," + HALF_MONTHS_TO + ",section"})
    void commoditiesCountedPerGoodsItem(String from, String to, String level) {
        Function<DeclarationItem, String> codeOf = level.equals("chapter")
                ? item -> item.hsCode().substring(0, 2)
                : item -> SECTION_OF_CHAPTER.get(item.hsCode().substring(0, 2));
        List<DeclarationState> sent = nationalIn(from, to);
        List<String> codes = sent.stream().flatMap(s -> s.items().stream()).map(codeOf).distinct()
                .sorted(level.equals("chapter") ? Comparator.naturalOrder() : Comparator.comparing(SECTION_NUMBER::get))
                .toList();

        List<Map<String, Object>> commodities = rows(given().queryParam("level", level).queryParam("from", from)
                .queryParam("to", to).get("/api/statistics/commodities")
                .then().statusCode(200).header("X-Total-Count", String.valueOf(codes.size())).extract());
        assertThat(commodities).extracting(c -> (String) c.get("code")).containsExactlyElementsOf(codes);
        for (Map<String, Object> commodity : commodities) {
            String code = (String) commodity.get("code");
            ExpectedTotals.ofItems(sent, item -> codeOf.apply(item).equals(code))
                    .assertRow(commodity, "items", level + " " + code + " " + from + ".." + to);
        }
    }

    @Test
    void aChapterPageAsCsv() {
        List<String> chapters = nationalIn(ACROSS_THE_YEAR_FROM, ACROSS_THE_YEAR_TO).stream()
                .flatMap(s -> s.items().stream()).map(i -> i.hsCode().substring(0, 2)).distinct().sorted().toList();
        assertThat(chapters).hasSizeGreaterThan(3);
        var page = given().accept("text/csv").queryParam("level", "chapter")
                .queryParam("from", ACROSS_THE_YEAR_FROM).queryParam("to", ACROSS_THE_YEAR_TO)
                .queryParam("offset", 1).queryParam("limit", 2).get("/api/statistics/commodities")
                .then().statusCode(200).contentType("text/csv")
                .header("X-Total-Count", String.valueOf(chapters.size()))
                .header("Content-Disposition", "attachment; filename=\"commodities-2014-12-01-2015-01-31.csv\"").extract();
        List<String> lines = page.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFcode,title,items,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, 2))
                .containsExactlyElementsOf(chapters.subList(1, 3));
        assertThat(LinkHeader.parse(page.header("Link"))).containsOnlyKeys("next", "prev");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void tradeModesWithTheirRegime(String from, String to) {
        Map<String, List<DeclarationState>> byMode = nationalBy(from, to, DeclarationState::tradeMode);
        List<Map<String, Object>> modes = rows(get("/api/statistics/trade-modes", from, to));
        assertThat(modes).extracting(m -> (String) m.get("tradeMode")).containsExactlyElementsOf(byMode.keySet());
        for (Map<String, Object> mode : modes) {
            String code = (String) mode.get("tradeMode");
            assertThat(mode.get("gacTradeMode")).as(code).isEqualTo(GAC_MODE_OF_MODE.get(code));
            assertThat(mode.get("regime")).as(code).isEqualTo(REGIME_OF_GAC_MODE.get(GAC_MODE_OF_MODE.get(code)));
            ExpectedTotals.ofDeclarations(byMode.get(code)).assertRow(mode, "declarations", "mode " + code);
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void statisticalRegimesWithZerosForRegimesWithoutTrade(String from, String to) {
        Map<String, List<DeclarationState>> byRegime = nationalBy(from, to,
                s -> REGIME_OF_GAC_MODE.get(GAC_MODE_OF_MODE.get(s.tradeMode())));
        List<Map<String, Object>> regimes = rows(get("/api/statistics/regimes", from, to));
        assertThat(regimes).extracting(r -> (String) r.get("regime")).containsExactlyElementsOf(REGIMES);
        for (Map<String, Object> regime : regimes) {
            String code = (String) regime.get("regime");
            ExpectedTotals.ofDeclarations(byRegime.getOrDefault(code, List.of()))
                    .assertRow(regime, "declarations", "regime " + code + " " + from + ".." + to);
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void gacTradeModesWithTheirRollUpAndZeros(String from, String to) {
        Map<String, List<DeclarationState>> byGacMode = nationalBy(from, to, s -> GAC_MODE_OF_MODE.get(s.tradeMode()));
        List<Map<String, Object>> modes = rows(get("/api/statistics/gac-trade-modes", from, to));
        assertThat(modes).extracting(r -> (String) r.get("gacTradeMode"))
                .containsExactlyElementsOf(REGIME_OF_GAC_MODE.keySet());
        for (Map<String, Object> mode : modes) {
            String code = (String) mode.get("gacTradeMode");
            assertThat(mode.get("regime")).as(code).isEqualTo(REGIME_OF_GAC_MODE.get(code));
            ExpectedTotals.ofDeclarations(byGacMode.getOrDefault(code, List.of()))
                    .assertRow(mode, "declarations", "GAC trade mode " + code + " " + from + ".." + to);
        }
    }

    // --- the series: each point's own days, and the days its growth compares with, spelled out ---

    private record Point(String month, String from, String to, String yearFrom, String yearTo, String monthFrom,
                         String monthTo) {
    }

    @Test
    void seriesAcrossTheYearBoundaryComparesWholeMonths() {
        assertSeries("2014-11-01", "2015-02-28",
                new Point("2014-11", "2014-11-01", "2014-11-30", "2013-11-01", "2013-11-30", "2014-10-01", "2014-10-31"),
                new Point("2014-12", "2014-12-01", "2014-12-31", "2013-12-01", "2013-12-31", "2014-11-01", "2014-11-30"),
                new Point("2015-01", "2015-01-01", "2015-01-31", "2014-01-01", "2014-01-31", "2014-12-01", "2014-12-31"),
                new Point("2015-02", "2015-02-01", "2015-02-28", "2014-02-01", "2014-02-28", "2015-01-01", "2015-01-31"));
        assertSeries(ACROSS_THE_YEAR_FROM, ACROSS_THE_YEAR_TO,
                new Point("2014-12", "2014-12-01", "2014-12-31", "2013-12-01", "2013-12-31", "2014-11-01", "2014-11-30"),
                new Point("2015-01", "2015-01-01", "2015-01-31", "2014-01-01", "2014-01-31", "2014-12-01", "2014-12-31"));
    }

    @Test
    void seriesCutAtTheFifteenthComparesTheSameDays() {
        // 31 December less a month is 30 November.
        assertSeries(HALF_MONTHS_FROM, HALF_MONTHS_TO,
                new Point("2014-12", "2014-12-15", "2014-12-31", "2013-12-15", "2013-12-31", "2014-11-15", "2014-11-30"),
                new Point("2015-01", "2015-01-01", "2015-01-15", "2014-01-01", "2014-01-15", "2014-12-01", "2014-12-15"));
        // By hand: 15-31 December, 1234.56 + 99.99 + 640.00 = 1974.55 on 15-30 November's 420.42 + 150.15 = 570.57;
        // 1-15 January, 3000.00 + 410.41 + 720.72 = 4131.13 on 1-15 December's 2000.00 + 800.80 + 1234.56 + 99.99
        // = 4135.35 and on 1-15 January 2014's 1000.00 + 500.50 = 1500.50.
        String csv = given().accept("text/csv").queryParam("from", HALF_MONTHS_FROM).queryParam("to", HALF_MONTHS_TO)
                .get("/api/statistics/series").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"series-2014-12-15-2015-01-15.csv\"")
                .extract().asString();
        assertThat(csv).isEqualTo(
                "\uFEFFmonth,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd,yoyTotalCny,momTotalCny\r\n"
                        + "2014-12,3,1234.56,739.99,1974.55,200.97,120.46,321.43,,2.4607\r\n"
                        + "2015-01,3,1131.13,3000.00,4131.13,184.82,490.20,675.02,1.7532,-0.0010\r\n");
    }

    private static void assertSeries(String from, String to, Point... points) {
        List<Map<String, Object>> series = rows(get("/api/statistics/series", from, to));
        assertThat(series).hasSize(points.length);
        for (int i = 0; i < points.length; i++) {
            Point p = points[i];
            Map<String, Object> point = series.get(i);
            String what = p.month() + " of " + from + ".." + to;
            assertThat(point.get("month")).as(what).isEqualTo(p.month());
            ExpectedTotals now = expected(p.from(), p.to());
            now.assertRow(point, "declarations", what);
            assertThat(point.get("yoyTotalCny")).as(what + " yoy")
                    .isEqualTo(growth(now.totalCny(), expected(p.yearFrom(), p.yearTo()).totalCny()));
            assertThat(point.get("momTotalCny")).as(what + " mom")
                    .isEqualTo(growth(now.totalCny(), expected(p.monthFrom(), p.monthTo()).totalCny()));
        }
    }

    // --- the monthly report: a month and the year to its end, each against the same period a year earlier ---

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // month, its days, the year to date, and the same two a year earlier
            "2015-01, 2015-01-01, 2015-01-31, 2015-01-01, 2014-01-01, 2014-01-31, 2014-01-01",
            "2015-02, 2015-02-01, 2015-02-28, 2015-01-01, 2014-02-01, 2014-02-28, 2014-01-01",
            "2014-12, 2014-12-01, 2014-12-31, 2014-01-01, 2013-12-01, 2013-12-31, 2013-01-01"})
    void monthAndYearToDateAcrossTheYearBoundary(String month, String from, String to, String yearStart,
                                                 String baseFrom, String baseTo, String baseYearStart) {
        JsonPath report = given().queryParam("month", month).get("/api/statistics/monthly-report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("month")).isEqualTo(month);
        assertPeriod(report.getMap("currentMonth"), from, to, baseFrom, baseTo, month + " month");
        assertPeriod(report.getMap("yearToDate"), yearStart, to, baseYearStart, baseTo, month + " year to date");
    }

    private static void assertPeriod(Map<String, Object> period, String from, String to, String baseFrom, String baseTo,
                                     String what) {
        assertThat(period.get("from")).as(what).isEqualTo(from);
        assertThat(period.get("to")).as(what).isEqualTo(to);
        ExpectedTotals now = expected(from, to);
        ExpectedTotals before = expected(baseFrom, baseTo);
        now.assertRow(period, "declarations", what);
        assertThat(period.get("yoyImportCny")).as(what + " yoy imports").isEqualTo(growth(now.importCny(), before.importCny()));
        assertThat(period.get("yoyExportCny")).as(what + " yoy exports").isEqualTo(growth(now.exportCny(), before.exportCny()));
        assertThat(period.get("yoyTotalCny")).as(what + " yoy total").isEqualTo(growth(now.totalCny(), before.totalCny()));
    }
}
