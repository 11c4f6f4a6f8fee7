package dev.customs.zone;

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
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static dev.customs.contract.testing.TestDeclarations.state;
import static dev.customs.contract.testing.TestDeclarations.synthetic;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every area breakdown over a range across the year boundary (December 2012 to January 2013) and over one
 * cut at the 15th at both ends, each expected value worked out here from the declarations this class sends
 * (plain sums over {@link #SENT}), never through the service's code. 2012 and 2013 are this class's alone.
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class ZoneBreakdownsAcrossPeriodsTest {

    private static final String ACROSS_THE_YEAR_FROM = "2012-12-01";
    private static final String ACROSS_THE_YEAR_TO = "2013-01-31";
    private static final String HALF_MONTHS_FROM = "2012-12-15";
    private static final String HALF_MONTHS_TO = "2013-01-15";

    /** The areas this class trades in, with what the registry says of them (zones.csv). */
    private record AreaFacts(String name, String province, String type) {
    }

    private static final Map<String, AreaFacts> AREAS = Map.of(
            "8013", new AreaFacts("Chongqing Xiyong Comprehensive Bonded Zone", "Chongqing", "COMPREHENSIVE_BONDED_ZONE"),
            "8008", new AreaFacts("Chongqing Export Processing Zone", "Chongqing", "EXPORT_PROCESSING_ZONE"),
            "2369", new AreaFacts("Kunshan Comprehensive Bonded Zone", "Jiangsu", "COMPREHENSIVE_BONDED_ZONE"),
            "5349", new AreaFacts("Shenzhen Qianhai Bay Bonded Port Area", "Guangdong", "BONDED_PORT_AREA"),
            "0130", new AreaFacts("Beijing Tianzhu Comprehensive Bonded Zone", "Beijing", "COMPREHENSIVE_BONDED_ZONE"));

    /**
     * Dates sit on the edges the ranges and growth bases cut at: the 1st, 14th, 15th, 16th and month ends. Some
     * are synthetic, in whole months and on cut days, so the synthetic count is summed from both sources.
     */
    private static final List<DeclarationState> SENT = List.of(
            // January 2012: January 2013's base a year earlier (1-15 January for the cut range).
            sent("2012-01-10", IMPORT, "8013", FIRST_LINE, "5034", "840.00", "133.33"),
            sent("2012-01-15", EXPORT, "8013", FIRST_LINE, "5033", "300.50", "47.70"),
            sent("2012-01-16", IMPORT, "8013", SECOND_LINE, "5100", "1000.00", "158.73"),
            sent("2012-01-20", EXPORT, "8008", FIRST_LINE, "5014", "2000.00", "317.46"),
            // Leap day: in whole February 2013's base a year earlier.
            sent("2012-02-29", EXPORT, "8013", FIRST_LINE, "5034", "555.55", "88.18"),
            // November 2012: December's base a month earlier (15-30 November for the cut range).
            sent("2012-11-14", IMPORT, "8013", FIRST_LINE, "5034", "123.45", "19.61"),
            sent("2012-11-15", EXPORT, "8013", FIRST_LINE, "5034", "456.78", "72.55"),
            sent("2012-11-30", IMPORT, "8013", INTRA_ZONE, "1200", "789.01", "125.32"),
            sent("2012-11-30", EXPORT, "2369", FIRST_LINE, "1233", "65.43", "10.39"),
            // December 2012.
            synthetic(sent("2012-12-01", EXPORT, "8013", FIRST_LINE, "5034", "1500.25", "238.29")),
            sent("2012-12-14", IMPORT, "8008", FIRST_LINE, "5034", "999.99", "158.83"),
            sent("2012-12-15", IMPORT, "8013", SECOND_LINE, "0110", "250.00", "39.71"),
            sent("2012-12-15", EXPORT, "2369", FIRST_LINE, "1233", "3210.00", "509.86"),
            synthetic(sent("2012-12-16", EXPORT, "8013", FIRST_LINE, "5034", "640.40", "101.72")),
            sent("2012-12-31", IMPORT, "5349", FIRST_LINE, "1210", "75.05", "11.92"),
            sent("2012-12-31", EXPORT, "8013", INTRA_ZONE, "5033", "410.10", "65.14"),
            // January 2013.
            sent("2013-01-01", IMPORT, "8013", FIRST_LINE, "5034", "920.00", "146.13"),
            sent("2013-01-01", EXPORT, "0130", FIRST_LINE, "5033", "333.33", "52.94"),
            sent("2013-01-15", EXPORT, "8013", SECOND_LINE, "5100", "700.70", "111.30"),
            synthetic(sent("2013-01-15", IMPORT, "2369", FIRST_LINE, "5014", "1800.00", "285.90")),
            synthetic(sent("2013-01-16", IMPORT, "8013", FIRST_LINE, "5034", "5000.00", "794.19")),
            sent("2013-01-31", EXPORT, "8008", FIRST_LINE, "5015", "260.26", "41.34"),
            // February 2013.
            sent("2013-02-01", IMPORT, "8013", FIRST_LINE, "5034", "111.11", "17.65"),
            sent("2013-02-15", EXPORT, "8013", FIRST_LINE, "1233", "222.22", "35.30"));

    private static boolean published;

    private static DeclarationState sent(String date, Direction direction, String zone, ZoneFlow flow, String mode,
                                         String cny, String usd) {
        return state(LocalDate.parse(date), direction, zone, flow, mode, "DE", "8471300000", cny, usd);
    }

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            for (int i = 0; i < SENT.size(); i++) {
                DeclarationState s = SENT.get(i);
                kafka.publish(declared(declarationId(s.zoneCode(), s.declarationDate().getYear(), s.direction(), i + 1), s));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .queryParam("from", "2012-01-01").queryParam("to", "2013-12-31")
                .queryParam("metric", "declarations").queryParam("limit", 200).queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).extract().jsonPath().getList("declarations", Integer.class)
                .stream().mapToInt(Integer::intValue).sum() == SENT.size());
        published = true;
    }

    // --- what the test expects, from SENT alone ---

    private static List<DeclarationState> sentWhere(Predicate<DeclarationState> which) {
        return SENT.stream().filter(which).toList();
    }

    private static ExpectedTotals expected(String zone, String from, String to) {
        return ExpectedTotals.ofDeclarations(sentWhere(dated(from, to).and(s -> s.zoneCode().equals(zone))));
    }

    /** Every area with trade in the range, with its sums, in code order. */
    private static Map<String, ExpectedTotals> expectedByArea(String from, String to) {
        Map<String, ExpectedTotals> byArea = new TreeMap<>();
        for (String zone : AREAS.keySet()) {
            ExpectedTotals totals = expected(zone, from, to);
            if (totals.count() > 0) {
                byArea.put(zone, totals);
            }
        }
        return byArea;
    }

    private static BigDecimal money(Object json) {
        return new BigDecimal(String.valueOf(json));
    }

    private static List<Map<String, Object>> rows(ExtractableResponse<Response> response) {
        return response.jsonPath().getList("$");
    }

    // --- the breakdowns ---

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void areaTotalsByFlowAndBySupervisionMode(String from, String to) {
        for (String zone : AREAS.keySet()) {
            String what = zone + " " + from + ".." + to;
            List<DeclarationState> inRange = sentWhere(dated(from, to).and(s -> s.zoneCode().equals(zone)));
            var answer = given().queryParam("from", from).queryParam("to", to).get("/api/zones/" + zone + "/totals")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(answer.getString("zoneCode")).isEqualTo(zone);
            assertThat(answer.getString("from")).isEqualTo(from);
            assertThat(answer.getString("to")).isEqualTo(to);
            ExpectedTotals.ofDeclarations(inRange).assertTotals(answer.getMap("$"), what);

            Map<String, List<DeclarationState>> byFlow = inRange.stream()
                    .collect(Collectors.groupingBy(s -> s.zoneFlow() + "/" + s.direction(), TreeMap::new, Collectors.toList()));
            List<Map<String, Object>> flows = answer.getList("byFlow");
            assertThat(flows).extracting(f -> f.get("flow") + "/" + f.get("direction"))
                    .as(what).containsExactlyInAnyOrderElementsOf(byFlow.keySet());
            for (Map<String, Object> flow : flows) {
                List<DeclarationState> group = byFlow.get(flow.get("flow") + "/" + flow.get("direction"));
                assertThat(((Number) flow.get("declarations")).longValue()).as(what).isEqualTo(group.size());
                assertThat(flow.get("valueCny")).as(what).isEqualTo(sum(group, DeclarationState::totalValueCny));
                assertThat(flow.get("valueUsd")).as(what).isEqualTo(sum(group, DeclarationState::totalValueUsd));
            }

            Map<String, List<DeclarationState>> byMode = inRange.stream()
                    .collect(Collectors.groupingBy(DeclarationState::tradeMode, TreeMap::new, Collectors.toList()));
            List<Map<String, Object>> modes = answer.getList("byTradeMode");
            assertThat(modes).extracting(m -> (String) m.get("tradeMode")).as(what)
                    .containsExactlyInAnyOrderElementsOf(byMode.keySet());
            for (Map<String, Object> mode : modes) {
                ExpectedTotals.ofDeclarations(byMode.get((String) mode.get("tradeMode")))
                        .assertRow(mode, "declarations", what + " mode " + mode.get("tradeMode"));
            }
        }
    }

    private static BigDecimal sum(List<DeclarationState> group, Function<DeclarationState, BigDecimal> value) {
        return group.stream().map(value).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    @ParameterizedTest(name = "{0} to {1} by {2}")
    @CsvSource({
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",totalCny",
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",exportUsd",
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",declarations",
            HALF_MONTHS_FROM + "," + HALF_MONTHS_TO + ",totalCny",
            HALF_MONTHS_FROM + "," + HALF_MONTHS_TO + ",importUsd"})
    void rankingWithSharesOfAllAreas(String from, String to, String metric) {
        List<Map<String, Object>> ranking = rows(given().queryParam("from", from).queryParam("to", to)
                .queryParam("metric", metric).queryParam("limit", 200).queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).header("X-Total-Count", String.valueOf(expectedByArea(from, to).size())).extract());

        List<Ranked> expected = expectedRanking(from, to, metric);
        assertThat(ranking).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertRanked(ranking.get(i), expected.get(i), from + ".." + to + " " + metric);
        }
    }

    private record Ranked(int rank, String zone, BigDecimal value, BigDecimal share, ExpectedTotals totals) {
    }

    private static List<Ranked> expectedRanking(String from, String to, String metric) {
        Map<String, ExpectedTotals> byArea = expectedByArea(from, to);
        Function<ExpectedTotals, BigDecimal> measure = switch (metric) {
            case "declarations" -> t -> BigDecimal.valueOf(t.count());
            case "importCny" -> ExpectedTotals::importCny;
            case "exportCny" -> ExpectedTotals::exportCny;
            case "totalCny" -> ExpectedTotals::totalCny;
            case "importUsd" -> ExpectedTotals::importUsd;
            case "exportUsd" -> ExpectedTotals::exportUsd;
            case "totalUsd" -> ExpectedTotals::totalUsd;
            default -> throw new IllegalArgumentException(metric);
        };
        BigDecimal all = byArea.values().stream().map(measure).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> order = new ArrayList<>(byArea.keySet());
        order.sort(Comparator.comparing((String zone) -> measure.apply(byArea.get(zone))).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<Ranked> ranking = new ArrayList<>();
        for (String zone : order) {
            BigDecimal value = measure.apply(byArea.get(zone));
            ranking.add(new Ranked(ranking.size() + 1, zone, value, share(value, all), byArea.get(zone)));
        }
        return ranking;
    }

    private static void assertRanked(Map<String, Object> row, Ranked expected, String what) {
        String which = what + " rank " + expected.rank();
        assertThat(row.get("rank")).as(which).isEqualTo(expected.rank());
        assertThat(row.get("zoneCode")).as(which).isEqualTo(expected.zone());
        assertThat(row.get("name")).as(which).isEqualTo(AREAS.get(expected.zone()).name());
        assertThat(money(row.get("value"))).as(which + " value").isEqualTo(expected.value());
        assertThat(row.get("share")).as(which + " share").isEqualTo(expected.share());
        expected.totals().assertRow(row, "declarations", which);
    }

    @Test
    void aRankingPageContinuesTheRankAndKeepsSharesOfAllAreas() {
        List<Ranked> expected = expectedRanking(ACROSS_THE_YEAR_FROM, ACROSS_THE_YEAR_TO, "totalCny");
        assertThat(expected).hasSize(5);

        var second = given().queryParam("from", ACROSS_THE_YEAR_FROM).queryParam("to", ACROSS_THE_YEAR_TO)
                .queryParam("offset", 2).queryParam("limit", 2).queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).header("X-Total-Count", "5").extract();
        List<Map<String, Object>> page = rows(second);
        assertThat(page).hasSize(2);
        assertRanked(page.get(0), expected.get(2), "page 2");
        assertRanked(page.get(1), expected.get(3), "page 2");
        Map<String, Map<String, String>> links = LinkHeader.parse(second.header("Link"));
        assertThat(links).containsOnlyKeys("next", "prev");
        assertThat(links.get("next")).containsEntry("offset", "4").containsEntry("limit", "2")
                .containsEntry("from", ACROSS_THE_YEAR_FROM).containsEntry("to", ACROSS_THE_YEAR_TO);
        assertThat(links.get("prev")).containsEntry("offset", "0").containsEntry("limit", "2");

        // Following next: the last page, rank 5, with a link back only.
        var last = given().get(LinkHeader.target(second.header("Link"), "next"))
                .then().statusCode(200).header("X-Total-Count", "5").extract();
        assertThat(rows(last)).hasSize(1);
        assertRanked(rows(last).get(0), expected.get(4), "page 3");
        assertThat(LinkHeader.parse(last.header("Link"))).containsOnlyKeys("prev");

        // An empty range: no areas, no links.
        given().queryParam("from", "1999-01-01").queryParam("to", "1999-12-31").queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).header("X-Total-Count", "0").header("Link", (String) null);
    }

    @Test
    void aRankingPageAsCsv() {
        List<Ranked> expected = expectedRanking(HALF_MONTHS_FROM, HALF_MONTHS_TO, "totalCny");
        String csv = given().accept("text/csv").queryParam("from", HALF_MONTHS_FROM).queryParam("to", HALF_MONTHS_TO)
                .queryParam("offset", 1).queryParam("limit", 2).queryParam("flow", "ALL").get("/api/zones/ranking")
                .then().statusCode(200).contentType("text/csv")
                .header("X-Total-Count", String.valueOf(expected.size()))
                .header("Content-Disposition", "attachment; filename=\"ranking-" + HALF_MONTHS_FROM + "-" + HALF_MONTHS_TO + ".csv\"")
                .extract().asString();
        StringBuilder expectedCsv = new StringBuilder(
                "\uFEFFrank,zoneCode,name,value,share,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd\r\n");
        for (Ranked r : expected.subList(1, 3)) {
            ExpectedTotals t = r.totals();
            expectedCsv.append(String.join(",", String.valueOf(r.rank()), r.zone(), AREAS.get(r.zone()).name(),
                    r.value().toPlainString(), r.share().toPlainString(), String.valueOf(t.count()),
                    t.importCny().toPlainString(), t.exportCny().toPlainString(), t.totalCny().toPlainString(),
                    t.importUsd().toPlainString(), t.exportUsd().toPlainString(), t.totalUsd().toPlainString())).append("\r\n");
        }
        assertThat(csv).isEqualTo(expectedCsv.toString());
    }

    @ParameterizedTest(name = "{0} to {1} by {2}")
    @CsvSource({
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",province",
            ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO + ",type",
            HALF_MONTHS_FROM + "," + HALF_MONTHS_TO + ",province",
            HALF_MONTHS_FROM + "," + HALF_MONTHS_TO + ",type"})
    void rollupsWithSharesOfAllAreaTrade(String from, String to, String by) {
        Function<AreaFacts, String> keyOf = by.equals("province") ? AreaFacts::province : AreaFacts::type;
        Map<String, List<DeclarationState>> byGroup = sentWhere(dated(from, to)).stream()
                .collect(Collectors.groupingBy(s -> keyOf.apply(AREAS.get(s.zoneCode()))));
        BigDecimal all = ExpectedTotals.ofDeclarations(sentWhere(dated(from, to))).totalCny();

        List<Map<String, Object>> groups = rows(given().queryParam("by", by).queryParam("from", from).queryParam("to", to)
                .queryParam("flow", "ALL").get("/api/zones/rollup").then().statusCode(200).extract());
        assertThat(groups).extracting(g -> (String) g.get("key")).containsAll(byGroup.keySet());
        for (Map<String, Object> group : groups) {
            String key = (String) group.get("key");
            ExpectedTotals expected = ExpectedTotals.ofDeclarations(byGroup.getOrDefault(key, List.of()));
            expected.assertRow(group, "declarations", by + " " + key);
            assertThat(group.get("share")).as(by + " " + key + " share").isEqualTo(share(expected.totalCny(), all));
        }
        // Largest first, ties (the groups without trade) by key.
        List<String> expectedOrder = groups.stream().map(g -> (String) g.get("key"))
                .sorted(Comparator.comparing((String key) -> ExpectedTotals.ofDeclarations(
                        byGroup.getOrDefault(key, List.of())).totalCny()).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        assertThat(groups).extracting(g -> (String) g.get("key")).containsExactlyElementsOf(expectedOrder);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({ACROSS_THE_YEAR_FROM + "," + ACROSS_THE_YEAR_TO, HALF_MONTHS_FROM + "," + HALF_MONTHS_TO})
    void concentrationInTheLargestAreas(String from, String to) {
        List<BigDecimal> largestFirst = expectedByArea(from, to).values().stream().map(ExpectedTotals::totalCny)
                .sorted(Comparator.reverseOrder()).toList();
        BigDecimal all = largestFirst.stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
        for (int top : new int[]{1, 2, 30}) {
            BigDecimal topSum = largestFirst.stream().limit(top).reduce(new BigDecimal("0.00"), BigDecimal::add);
            var answer = given().queryParam("from", from).queryParam("to", to).queryParam("top", top)
                    .queryParam("flow", "ALL").get("/api/zones/concentration").then().statusCode(200).extract().jsonPath();
            assertThat(answer.getInt("top")).isEqualTo(top);
            assertThat(answer.getInt("areas")).isEqualTo(largestFirst.size());
            assertThat(answer.<Object>get("topTotalCny")).as("top " + top).isEqualTo(topSum);
            assertThat(answer.<Object>get("allTotalCny")).isEqualTo(all);
            assertThat(answer.<Object>get("share")).as("top " + top).isEqualTo(share(topSum, all));
        }
    }

    // --- the series: each point's own days, and the days its growth compares with, spelled out ---

    private record Point(String month, String from, String to, String yearFrom, String yearTo, String monthFrom,
                         String monthTo) {
    }

    @Test
    void seriesAcrossTheYearBoundaryComparesWholeMonths() {
        assertSeries("8013", "2012-11-01", "2013-02-28",
                new Point("2012-11", "2012-11-01", "2012-11-30", "2011-11-01", "2011-11-30", "2012-10-01", "2012-10-31"),
                new Point("2012-12", "2012-12-01", "2012-12-31", "2011-12-01", "2011-12-31", "2012-11-01", "2012-11-30"),
                new Point("2013-01", "2013-01-01", "2013-01-31", "2012-01-01", "2012-01-31", "2012-12-01", "2012-12-31"),
                new Point("2013-02", "2013-02-01", "2013-02-28", "2012-02-01", "2012-02-29", "2013-01-01", "2013-01-31"));
        // February 2013: 111.11 + 222.22 = 333.33 on the leap February's 555.55.
        assertThat(given().queryParam("from", "2013-02-01").queryParam("to", "2013-02-28").get("/api/zones/8013/series")
                .then().statusCode(200).extract().jsonPath().<Object>get("[0].yoyTotalCny")).isEqualTo(new BigDecimal("-0.4000"));
        for (String zone : AREAS.keySet()) {
            assertSeries(zone, ACROSS_THE_YEAR_FROM, ACROSS_THE_YEAR_TO,
                    new Point("2012-12", "2012-12-01", "2012-12-31", "2011-12-01", "2011-12-31", "2012-11-01", "2012-11-30"),
                    new Point("2013-01", "2013-01-01", "2013-01-31", "2012-01-01", "2012-01-31", "2012-12-01", "2012-12-31"));
        }
    }

    @Test
    void seriesCutAtTheFifteenthComparesTheSameDays() {
        for (String zone : AREAS.keySet()) {
            // 31 December less a month is 30 November.
            assertSeries(zone, HALF_MONTHS_FROM, HALF_MONTHS_TO,
                    new Point("2012-12", "2012-12-15", "2012-12-31", "2011-12-15", "2011-12-31", "2012-11-15", "2012-11-30"),
                    new Point("2013-01", "2013-01-01", "2013-01-15", "2012-01-01", "2012-01-15", "2012-12-01", "2012-12-15"));
        }
        // The figures the cut matters for, worked out by hand for Xiyong:
        // December 15-31: 250.00 + 640.40 + 410.10 = 1300.50 on 15-30 November's 456.78 + 789.01 = 1245.79;
        // January 1-15: 920.00 + 700.70 = 1620.70 on 1-15 December's 1500.25 + 250.00 = 1750.25 and on
        // 1-15 January 2012's 840.00 + 300.50 = 1140.50.
        var series = given().queryParam("from", HALF_MONTHS_FROM).queryParam("to", HALF_MONTHS_TO)
                .get("/api/zones/8013/series").then().statusCode(200).extract().jsonPath();
        assertThat(series.<Object>get("[0].totalCny")).isEqualTo(new BigDecimal("1300.50"));
        assertThat(series.<Object>get("[0].momTotalCny")).isEqualTo(new BigDecimal("0.0439"));
        assertThat(series.<Object>get("[0].yoyTotalCny")).isNull();
        assertThat(series.<Object>get("[1].totalCny")).isEqualTo(new BigDecimal("1620.70"));
        assertThat(series.<Object>get("[1].momTotalCny")).isEqualTo(new BigDecimal("-0.0740"));
        assertThat(series.<Object>get("[1].yoyTotalCny")).isEqualTo(new BigDecimal("0.4210"));
    }

    @Test
    void seriesAsCsvCarriesBothGrowthRates() {
        String csv = given().accept("text/csv").queryParam("from", HALF_MONTHS_FROM).queryParam("to", HALF_MONTHS_TO)
                .get("/api/zones/8013/series").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"zones-8013-series-" + HALF_MONTHS_FROM + "-" + HALF_MONTHS_TO + ".csv\"")
                .extract().asString();
        assertThat(csv).isEqualTo(
                "\uFEFFmonth,declarations,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd,yoyTotalCny,momTotalCny\r\n"
                        + "2012-12,3,250.00,1050.50,1300.50,39.71,166.86,206.57,,0.0439\r\n"
                        + "2013-01,2,920.00,700.70,1620.70,146.13,111.30,257.43,0.4210,-0.0740\r\n");
    }

    private void assertSeries(String zone, String from, String to, Point... points) {
        List<Map<String, Object>> series = rows(given().queryParam("from", from).queryParam("to", to)
                .get("/api/zones/" + zone + "/series").then().statusCode(200).extract());
        assertThat(series).as(zone).hasSize(points.length);
        for (int i = 0; i < points.length; i++) {
            Point p = points[i];
            Map<String, Object> point = series.get(i);
            String what = zone + " " + p.month() + " of " + from + ".." + to;
            assertThat(point.get("month")).as(what).isEqualTo(p.month());
            ExpectedTotals now = expected(zone, p.from(), p.to());
            now.assertRow(point, "declarations", what);
            assertThat(point.get("yoyTotalCny")).as(what + " yoy")
                    .isEqualTo(growth(now.totalCny(), expected(zone, p.yearFrom(), p.yearTo()).totalCny()));
            assertThat(point.get("momTotalCny")).as(what + " mom")
                    .isEqualTo(growth(now.totalCny(), expected(zone, p.monthFrom(), p.monthTo()).totalCny()));
        }
    }
}
