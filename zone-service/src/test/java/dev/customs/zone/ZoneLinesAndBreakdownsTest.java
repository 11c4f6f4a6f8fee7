package dev.customs.zone;

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
import dev.customs.rest.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.event.ZoneFlow.INTRA_ZONE;
import static dev.customs.contract.event.ZoneFlow.SECOND_LINE;
import static dev.customs.contract.testing.ExpectedTotals.dated;
import static dev.customs.contract.testing.ExpectedTotals.share;
import static dev.customs.contract.testing.TestDeclarations.DECLARANT;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * An area's first line, second line and intra-zone trade apart; rankings and concentration on the first line by
 * default; per-area partners (first line) and HS chapters. Every expected figure is summed here from
 * {@link #SENT}, never through the service's code. 2008 is this class's alone; the ranges cut months at the 15th
 * (daily rows) and take whole months (monthly rows).
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "zones"))
@ActAs(Roles.ANALYST)
class ZoneLinesAndBreakdownsTest {

    private static final String YEAR_FROM = "2008-01-01";
    private static final String YEAR_TO = "2008-12-31";
    private static final String CUT_FROM = "2008-01-15";
    private static final String CUT_TO = "2008-03-14";
    private static final List<String> AREAS = List.of("8013", "2369", "5349");

    /** One declaration; its items are (HS code, CNY, USD) triples and its totals their sums. */
    private static DeclarationState sent(String date, Direction direction, String zone, ZoneFlow flow, String mode,
                                         String partner, String... items) {
        List<DeclarationItem> goods = new ArrayList<>();
        BigDecimal cny = new BigDecimal("0.00");
        BigDecimal usd = new BigDecimal("0.00");
        for (int i = 0; i < items.length; i += 3) {
            BigDecimal itemCny = new BigDecimal(items[i + 1]);
            BigDecimal itemUsd = new BigDecimal(items[i + 2]);
            goods.add(new DeclarationItem(i / 3 + 1, items[i], new BigDecimal("5"), "台", itemCny, itemUsd));
            cny = cny.add(itemCny);
            usd = usd.add(itemUsd);
        }
        // A carrier on the first line; a move that crosses no border carries its area's code, Y for these areas.
        String transport = flow == FIRST_LINE ? "3" : "Y";
        return new DeclarationState(LocalDate.parse(date), direction, zone, flow, mode, "8000", DECLARANT, partner,
                transport, "CNY", goods, cny, usd, false);
    }

    private static final List<DeclarationState> SENT = List.of(
            sent("2008-01-10", IMPORT, "8013", FIRST_LINE, "5034", "DE", "8471300000", "1000.10", "140.01"),
            sent("2008-01-15", EXPORT, "8013", FIRST_LINE, "5034", "US",
                    "8517620000", "2500.25", "350.04", "8542310000", "499.75", "69.96", "8517130000", "100.00", "14.00"),
            sent("2008-01-20", IMPORT, "8013", SECOND_LINE, "5100", "FR", "8471300000", "700.07", "98.01"),
            sent("2008-02-01", EXPORT, "8013", SECOND_LINE, "5000", "FR", "3926909090", "300.03", "42.00"),
            sent("2008-02-10", IMPORT, "8013", INTRA_ZONE, "1200", "FR", "8471300000", "123.45", "17.28"),
            sent("2008-02-28", IMPORT, "8013", FIRST_LINE, "5015", "JP",
                    "8542310000", "3333.33", "466.67", "2709000000", "66.67", "9.33"),
            sent("2008-03-14", EXPORT, "8013", FIRST_LINE, "5033", "DE", "6110200000", "55.50", "7.77"),
            sent("2008-03-15", IMPORT, "8013", FIRST_LINE, "5034", "KR", "8542310000", "9000.00", "1260.00"),
            sent("2008-01-31", EXPORT, "2369", FIRST_LINE, "5034", "US", "8471300000", "4000.00", "560.00"),
            sent("2008-02-15", IMPORT, "2369", SECOND_LINE, "5100", "FR", "8471300000", "20000.00", "2800.00"),
            sent("2008-03-01", IMPORT, "2369", FIRST_LINE, "5034", "VN", "8517620000", "1500.50", "210.07"),
            sent("2008-02-14", EXPORT, "5349", FIRST_LINE, "1233", "HK", "0303000000", "2500.00", "350.00"),
            sent("2008-02-20", EXPORT, "5349", INTRA_ZONE, "1200", "FR", "0303000000", "6000.00", "840.00"));

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            for (int i = 0; i < SENT.size(); i++) {
                DeclarationState s = SENT.get(i);
                kafka.publish(declared(declarationId(s.zoneCode(), 2008, s.direction(), i + 1), s));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given()
                .queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO).queryParam("flow", "ALL")
                .queryParam("metric", "declarations").queryParam("limit", 200).get("/api/zones/ranking")
                .then().statusCode(200).extract().jsonPath().getList("declarations", Integer.class)
                .stream().mapToInt(Integer::intValue).sum() == SENT.size());
        published = true;
    }

    private static List<DeclarationState> sentWhere(Predicate<DeclarationState> which) {
        return SENT.stream().filter(which).toList();
    }

    private static Predicate<DeclarationState> in(String zone, String from, String to, ZoneFlow flow) {
        return dated(from, to).and(s -> s.zoneCode().equals(zone))
                .and(s -> flow == null || s.zoneFlow() == flow);
    }

    private static BigDecimal sum(List<DeclarationState> states, Direction direction, boolean usd) {
        return states.stream().filter(s -> s.direction() == direction)
                .map(s -> usd ? s.totalValueUsd() : s.totalValueCny()).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({YEAR_FROM + "," + YEAR_TO, CUT_FROM + "," + CUT_TO})
    void totalsReportEachLineApart(String from, String to) {
        for (String zone : AREAS) {
            String what = zone + " " + from + ".." + to;
            var answer = given().queryParam("from", from).queryParam("to", to).get("/api/zones/" + zone + "/totals")
                    .then().statusCode(200).extract().jsonPath();
            ExpectedTotals.ofDeclarations(sentWhere(in(zone, from, to, null))).assertTotals(answer.getMap("$"), what);

            List<DeclarationState> first = sentWhere(in(zone, from, to, FIRST_LINE));
            Map<String, Object> firstLine = answer.getMap("firstLine");
            assertThat(((Number) firstLine.get("declarations")).longValue()).as(what).isEqualTo(first.size());
            assertThat(firstLine.get("entryCny")).as(what + " entry").isEqualTo(sum(first, IMPORT, false));
            assertThat(firstLine.get("exitCny")).as(what + " exit").isEqualTo(sum(first, EXPORT, false));
            assertThat(firstLine.get("totalCny")).as(what).isEqualTo(sum(first, IMPORT, false).add(sum(first, EXPORT, false)));
            assertThat(firstLine.get("entryUsd")).as(what).isEqualTo(sum(first, IMPORT, true));
            assertThat(firstLine.get("exitUsd")).as(what).isEqualTo(sum(first, EXPORT, true));
            assertThat(firstLine.get("totalUsd")).as(what).isEqualTo(sum(first, IMPORT, true).add(sum(first, EXPORT, true)));

            // Second line: into the area from the domestic market is declared EXPORT, out of it IMPORT.
            List<DeclarationState> second = sentWhere(in(zone, from, to, SECOND_LINE));
            Map<String, Object> secondLine = answer.getMap("secondLine");
            assertThat(((Number) secondLine.get("declarations")).longValue()).as(what).isEqualTo(second.size());
            assertThat(secondLine.get("inCny")).as(what + " in").isEqualTo(sum(second, EXPORT, false));
            assertThat(secondLine.get("outCny")).as(what + " out").isEqualTo(sum(second, IMPORT, false));
            assertThat(secondLine.get("totalCny")).as(what).isEqualTo(sum(second, IMPORT, false).add(sum(second, EXPORT, false)));
            assertThat(secondLine.get("inUsd")).as(what).isEqualTo(sum(second, EXPORT, true));
            assertThat(secondLine.get("outUsd")).as(what).isEqualTo(sum(second, IMPORT, true));

            ExpectedTotals.ofDeclarations(sentWhere(in(zone, from, to, INTRA_ZONE)))
                    .assertRow(answer.getMap("intraZone"), "declarations", what + " intraZone");
        }
    }

    /** Every area with trade of the flow (null for all) in the range, with its sums. */
    private static Map<String, ExpectedTotals> byArea(String from, String to, ZoneFlow flow) {
        Map<String, ExpectedTotals> byArea = new TreeMap<>();
        for (String zone : AREAS) {
            List<DeclarationState> sent = sentWhere(in(zone, from, to, flow));
            if (!sent.isEmpty()) {
                byArea.put(zone, ExpectedTotals.ofDeclarations(sent));
            }
        }
        return byArea;
    }

    @ParameterizedTest(name = "{0} to {1} flow {2}")
    @CsvSource({
            YEAR_FROM + "," + YEAR_TO + ",",
            YEAR_FROM + "," + YEAR_TO + ",FIRST_LINE",
            YEAR_FROM + "," + YEAR_TO + ",SECOND_LINE",
            YEAR_FROM + "," + YEAR_TO + ",INTRA_ZONE",
            YEAR_FROM + "," + YEAR_TO + ",ALL",
            CUT_FROM + "," + CUT_TO + ",",
            CUT_FROM + "," + CUT_TO + ",SECOND_LINE",
            CUT_FROM + "," + CUT_TO + ",ALL"})
    void rankingAndConcentrationCountTheFirstLineUnlessAskedOtherwise(String from, String to, String flow) {
        ZoneFlow counted = flow == null ? FIRST_LINE : flow.equals("ALL") ? null : ZoneFlow.valueOf(flow);
        Map<String, ExpectedTotals> expected = byArea(from, to, counted);
        BigDecimal all = expected.values().stream().map(ExpectedTotals::totalCny).reduce(new BigDecimal("0.00"), BigDecimal::add);
        List<String> order = new ArrayList<>(expected.keySet());
        order.sort(Comparator.comparing((String z) -> expected.get(z).totalCny()).reversed().thenComparing(Comparator.naturalOrder()));
        String what = from + ".." + to + " " + flow;

        var request = given().queryParam("from", from).queryParam("to", to).queryParam("limit", 200);
        if (flow != null) {
            request.queryParam("flow", flow);
        }
        List<Map<String, Object>> ranking = request.get("/api/zones/ranking").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertThat(ranking).extracting(r -> (String) r.get("zoneCode")).as(what).containsExactlyElementsOf(order);
        for (Map<String, Object> row : ranking) {
            ExpectedTotals zone = expected.get((String) row.get("zoneCode"));
            zone.assertRow(row, "declarations", what + " " + row.get("zoneCode"));
            assertThat(row.get("share")).as(what).isEqualTo(share(zone.totalCny(), all));
        }

        var concentration = given().queryParam("from", from).queryParam("to", to).queryParam("top", 1);
        if (flow != null) {
            concentration.queryParam("flow", flow);
        }
        BigDecimal top = order.isEmpty() ? new BigDecimal("0.00") : expected.get(order.get(0)).totalCny();
        var answer = concentration.get("/api/zones/concentration").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("areas")).as(what).isEqualTo(order.size());
        assertThat(answer.<Object>get("topTotalCny")).as(what).isEqualTo(top);
        assertThat(answer.<Object>get("allTotalCny")).as(what).isEqualTo(all);
        assertThat(answer.<Object>get("share")).as(what).isEqualTo(share(top, all));
    }

    @Test
    void rollupByTypeCountsTheFirstLineByDefault() {
        List<DeclarationState> cbz = sentWhere(dated(YEAR_FROM, YEAR_TO).and(s -> !s.zoneCode().equals("5349"))
                .and(s -> s.zoneFlow() == FIRST_LINE));
        List<DeclarationState> bpa = sentWhere(dated(YEAR_FROM, YEAR_TO).and(s -> s.zoneCode().equals("5349"))
                .and(s -> s.zoneFlow() == FIRST_LINE));
        BigDecimal all = ExpectedTotals.ofDeclarations(cbz).totalCny().add(ExpectedTotals.ofDeclarations(bpa).totalCny());
        var answer = given().queryParam("by", "type").queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO)
                .get("/api/zones/rollup").then().statusCode(200).extract().jsonPath();
        Map<String, Object> cbzRow = answer.getMap("find { it.key == 'COMPREHENSIVE_BONDED_ZONE' }");
        ExpectedTotals.ofDeclarations(cbz).assertRow(cbzRow, "declarations", "CBZ");
        assertThat(cbzRow.get("share")).isEqualTo(share(ExpectedTotals.ofDeclarations(cbz).totalCny(), all));
        ExpectedTotals.ofDeclarations(bpa).assertRow(answer.getMap("find { it.key == 'BONDED_PORT_AREA' }"),
                "declarations", "BPA");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({YEAR_FROM + "," + YEAR_TO, CUT_FROM + "," + CUT_TO})
    void partnersAreTheFirstLinesLargestFirst(String from, String to) {
        for (String zone : AREAS) {
            String what = zone + " " + from + ".." + to;
            Map<String, List<DeclarationState>> byPartner = sentWhere(in(zone, from, to, FIRST_LINE)).stream()
                    .collect(Collectors.groupingBy(DeclarationState::partnerCountry));
            BigDecimal all = ExpectedTotals.ofDeclarations(sentWhere(in(zone, from, to, FIRST_LINE))).totalCny();
            List<String> order = new ArrayList<>(byPartner.keySet());
            order.sort(Comparator.comparing((String p) -> ExpectedTotals.ofDeclarations(byPartner.get(p)).totalCny())
                    .reversed().thenComparing(Comparator.naturalOrder()));

            List<Map<String, Object>> partners = given().queryParam("from", from).queryParam("to", to)
                    .get("/api/zones/" + zone + "/partners").then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(partners).extracting(p -> (String) p.get("partnerCountry")).as(what).containsExactlyElementsOf(order);
            assertThat(partners).extracting(p -> (String) p.get("partnerCountry")).doesNotContain("FR");
            for (int i = 0; i < partners.size(); i++) {
                Map<String, Object> row = partners.get(i);
                ExpectedTotals partner = ExpectedTotals.ofDeclarations(byPartner.get(order.get(i)));
                assertThat(row.get("rank")).isEqualTo(i + 1);
                partner.assertRow(row, "declarations", what + " " + order.get(i));
                assertThat(row.get("share")).as(what).isEqualTo(share(partner.totalCny(), all));
            }
        }
    }

    @Test
    void partnersAsCsvWithALimit() {
        // 8013's first line in 2008: KR 9000.00, JP 3400.00, US 3100.00, DE 1055.60.
        String csv = given().accept("text/csv").queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO)
                .queryParam("limit", 2).get("/api/zones/8013/partners")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).isEqualTo("\uFEFFrank,partnerCountry,declarations,importCny,exportCny,totalCny,importUsd,"
                + "exportUsd,totalUsd,share\r\n"
                + "1,KR,1,9000.00,0.00,9000.00,1260.00,0.00,1260.00,0.5436\r\n"
                + "2,JP,1,3400.00,0.00,3400.00,476.00,0.00,476.00,0.2054\r\n");
    }

    @ParameterizedTest(name = "{0} to {1} flow {2}")
    @CsvSource({
            YEAR_FROM + "," + YEAR_TO + ",",
            YEAR_FROM + "," + YEAR_TO + ",ALL",
            YEAR_FROM + "," + YEAR_TO + ",SECOND_LINE",
            CUT_FROM + "," + CUT_TO + ",",
            CUT_FROM + "," + CUT_TO + ",INTRA_ZONE"})
    void commoditiesByChapterCountItems(String from, String to, String flow) {
        ZoneFlow counted = flow == null ? FIRST_LINE : flow.equals("ALL") ? null : ZoneFlow.valueOf(flow);
        for (String zone : AREAS) {
            String what = zone + " " + from + ".." + to + " " + flow;
            List<DeclarationState> sent = sentWhere(in(zone, from, to, counted));
            Map<String, ExpectedTotals> byChapter = new TreeMap<>();
            sent.stream().flatMap(s -> s.items().stream()).map(i -> i.hsCode().substring(0, 2)).distinct()
                    .forEach(ch -> byChapter.put(ch, ExpectedTotals.ofItems(sent, i -> i.hsCode().startsWith(ch))));
            BigDecimal all = ExpectedTotals.ofItems(sent, i -> true).totalCny();

            var request = given().queryParam("from", from).queryParam("to", to);
            if (flow != null) {
                request.queryParam("flow", flow);
            }
            List<Map<String, Object>> chapters = request.get("/api/zones/" + zone + "/commodities")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(chapters).extracting(c -> (String) c.get("hsChapter")).as(what)
                    .containsExactlyElementsOf(byChapter.keySet());
            for (Map<String, Object> row : chapters) {
                ExpectedTotals chapter = byChapter.get((String) row.get("hsChapter"));
                chapter.assertRow(row, "items", what + " " + row.get("hsChapter"));
                assertThat(row.get("share")).as(what).isEqualTo(share(chapter.totalCny(), all));
            }
        }
    }

    @Test
    void anAreaAdministratorSeesOnlyItsOwnBreakdowns() {
        String admin8013 = TestTokens.areaAdminOf("8013");
        given().auth().oauth2(admin8013).queryParam("from", YEAR_FROM).queryParam("to", YEAR_TO)
                .get("/api/zones/8013/partners").then().statusCode(200).body("size()", equalTo(4));
        given().auth().oauth2(admin8013).get("/api/zones/8013/commodities").then().statusCode(200);
        given().auth().oauth2(admin8013).get("/api/zones/2369/partners")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", equalTo(List.of("code")));
        given().auth().oauth2(admin8013).get("/api/zones/2369/commodities")
                .then().statusCode(403).contentType("application/problem+json").body("errors.field", equalTo(List.of("code")));
        given().auth().oauth2(TestTokens.of(Roles.DECLARANT)).get("/api/zones/8013/partners").then().statusCode(403);
    }

    @Test
    void badParametersAreNamed() {
        for (String path : List.of("/api/zones/ranking", "/api/zones/concentration", "/api/zones/8013/commodities")) {
            given().queryParam("flow", "BOTH").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("flow"));
        }
        given().queryParam("by", "type").queryParam("flow", "first").get("/api/zones/rollup")
                .then().statusCode(400).body("errors[0].field", equalTo("flow"));
        given().queryParam("limit", 0).get("/api/zones/8013/partners")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 301).get("/api/zones/8013/partners")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/api/zones/0000/partners").then().statusCode(404);
        given().get("/api/zones/80a3/commodities").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }
}
