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
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.customs.contract.event.Direction.EXPORT;
import static dev.customs.contract.event.Direction.IMPORT;
import static dev.customs.contract.event.ZoneFlow.FIRST_LINE;
import static dev.customs.contract.event.ZoneFlow.SECOND_LINE;
import static dev.customs.contract.testing.ExpectedTotals.dated;
import static dev.customs.contract.testing.ExpectedTotals.growth;
import static dev.customs.contract.testing.ExpectedTotals.share;
import static dev.customs.contract.testing.TestDeclarations.amended;
import static dev.customs.contract.testing.TestDeclarations.cancelled;
import static dev.customs.contract.testing.TestDeclarations.declarationId;
import static dev.customs.contract.testing.TestDeclarations.declared;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The further breakdowns (enterprise type, domestic region, customs district, transport mode, product group)
 * over whole months and over cut ranges, and their monthly reports, each expected value summed here from the
 * declarations this class sends, with what the register and code lists say of them written out by hand below.
 * 2019 and 2020 are this class's alone; it runs in an application of its own, so classes that count every
 * declaration consumed never see these.
 */
@QuarkusTest
@TestProfile(SeparateAppProfile.class)
@ExtendWith(ExactNumbers.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = PostgresResource.DATABASE_ARG, value = "statistics"))
@ActAs(Roles.ANALYST)
class GacDimensionsTest {

    private static final String UNKNOWN = "UNKNOWN";

    /** Register rows used (enterprises.csv): code, type and the NBS region of its province (provinces.csv). */
    private record Registered(String type, String region) {
    }

    private static final String CHONGQING_PRIVATE = "91500000MA5U12346T";
    private static final String GUANGDONG_FOREIGN = "91440100NG7UNLATCK";
    private static final String LIAONING_STATE = "91210200LMQ9TGUB5T";
    private static final String HUBEI_OTHER = "91420400CUCWFD5GKP";
    /** Well-formed, but in no register: any producer may send it. */
    private static final String NOT_REGISTERED = "91440300MA5XXXXXX1";
    private static final Map<String, Registered> REGISTER = Map.of(
            CHONGQING_PRIVATE, new Registered("PRIVATE", "WEST"),
            GUANGDONG_FOREIGN, new Registered("FOREIGN_INVESTED", "EAST"),
            LIAONING_STATE, new Registered("STATE_OWNED", "NORTHEAST"),
            HUBEI_OTHER, new Registered("OTHER", "CENTRAL"));

    /** The groups of each heading used (product-groups.csv). */
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "8471", Set.of("ELECTROMECHANICAL", "HIGH_TECH"),
            "8542", Set.of("ELECTROMECHANICAL", "HIGH_TECH"),
            "8517", Set.of("ELECTROMECHANICAL", "HIGH_TECH"),
            "9018", Set.of("ELECTROMECHANICAL", "HIGH_TECH"),
            "8703", Set.of("ELECTROMECHANICAL"),
            "3002", Set.of("HIGH_TECH"),
            "6109", Set.of());

    private static final DeclarationState S4_FIRST = decl("2020-02-10", IMPORT, null, null, "0900", LIAONING_STATE, "3",
            item("8542310000", "3000.00", "420.00"));
    private static final DeclarationState S4_AMENDED = decl("2020-02-10", IMPORT, null, null, "0900", LIAONING_STATE, "5",
            item("8542310000", "3100.00", "434.00"));
    private static final DeclarationState S6_CANCELLED = decl("2020-03-25", EXPORT, null, null, "4700", HUBEI_OTHER, "4",
            item("8517620000", "600.00", "84.00"));
    private static final DeclarationState S5_SECOND_LINE = decl("2020-03-20", EXPORT, "8013", SECOND_LINE, "8013",
            CHONGQING_PRIVATE, "Y", item("8471300000", "888.88", "124.44"));

    /** What counts in the end: every national declaration as last revised, the cancelled one left out. */
    private static final List<DeclarationState> COUNTED = List.of(
            decl("2020-03-05", IMPORT, null, null, "8000", CHONGQING_PRIVATE, "2",
                    item("8471300000", "1000.00", "140.00"), item("6109100000", "234.56", "33.01")),
            decl("2020-03-31", EXPORT, null, null, "5300", GUANGDONG_FOREIGN, "5", item("8703230000", "5000.00", "700.00")),
            decl("2020-03-15", EXPORT, null, null, "2200", NOT_REGISTERED, "2", item("3002150000", "777.77", "109.00")),
            S4_AMENDED,
            decl("2020-04-02", IMPORT, null, null, "4700", HUBEI_OTHER, "4", item("9018900000", "450.45", "63.06")),
            decl("2020-03-10", IMPORT, "8013", FIRST_LINE, "8013", GUANGDONG_FOREIGN, "2",
                    item("8542310000", "2222.22", "311.11")),
            decl("2019-03-10", IMPORT, null, null, "8000", CHONGQING_PRIVATE, "2", item("8471300000", "500.00", "70.00")),
            decl("2019-01-15", EXPORT, null, null, "5300", GUANGDONG_FOREIGN, "5", item("8703230000", "2000.00", "280.00")),
            decl("2019-02-20", IMPORT, null, null, "0900", LIAONING_STATE, "3", item("8542310000", "1500.00", "210.00")));

    private static boolean published;

    private static DeclarationItem item(String hs, String cny, String usd) {
        return new DeclarationItem(1, hs, new BigDecimal("2"), "台", new BigDecimal(cny), new BigDecimal(usd));
    }

    private static DeclarationState decl(String date, Direction direction, String zone, ZoneFlow flow, String office,
                                         String declarant, String transport, DeclarationItem... items) {
        List<DeclarationItem> numbered = new ArrayList<>();
        BigDecimal cny = BigDecimal.ZERO.setScale(2);
        BigDecimal usd = BigDecimal.ZERO.setScale(2);
        for (DeclarationItem i : items) {
            numbered.add(new DeclarationItem(numbered.size() + 1, i.hsCode(), i.quantity(), i.unit(), i.valueCny(), i.valueUsd()));
            cny = cny.add(i.valueCny());
            usd = usd.add(i.valueUsd());
        }
        String mode = flow == null ? "0110" : flow == FIRST_LINE ? "5034" : "5100";
        return new DeclarationState(LocalDate.parse(date), direction, zone, flow, mode, office, declarant,
                direction == IMPORT ? "DE" : "US", transport, "CNY", numbered, cny, usd, false);
    }

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        try (RawPublisher kafka = new RawPublisher(KafkaResource::clientProperties)) {
            for (int i = 0; i < COUNTED.size(); i++) {
                DeclarationState s = COUNTED.get(i);
                if (s != S4_AMENDED) {
                    kafka.publish(declared(declarationId("8013", s.declarationDate().getYear(), s.direction(), 300 + i), s));
                }
            }
            String s4 = declarationId("8013", 2020, IMPORT, 400);
            String s5 = declarationId("8013", 2020, EXPORT, 401);
            String s6 = declarationId("8013", 2020, EXPORT, 402);
            kafka.publish(declared(s4, S4_FIRST));
            kafka.publish(declared(s5, S5_SECOND_LINE));
            kafka.publish(declared(s6, S6_CANCELLED));
            kafka.publish(amended(s4, 2, S4_AMENDED));
            kafka.publish(cancelled(s6, 2, S6_CANCELLED));
        }
        // Both the count and the value: the count alone is also reached before the amendment lands.
        ExpectedTotals all = expected("2019-01-01", "2020-12-31");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath totals = given().queryParam("from", "2019-01-01").queryParam("to", "2020-12-31")
                    .get("/api/statistics/totals").then().statusCode(200).extract().jsonPath();
            return totals.getLong("declarations") == all.count()
                    && new BigDecimal(totals.getString("totalCny")).compareTo(all.totalCny()) == 0;
        });
        published = true;
    }

    // --- what the test expects, from COUNTED alone ---

    private static List<DeclarationState> countedIn(String from, String to) {
        return COUNTED.stream().filter(dated(from, to)).toList();
    }

    private static ExpectedTotals expected(String from, String to) {
        return ExpectedTotals.ofDeclarations(countedIn(from, to));
    }

    private static Map<String, ExpectedTotals> expectedBy(String from, String to, Function<DeclarationState, String> key) {
        Map<String, List<DeclarationState>> groups = countedIn(from, to).stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        Map<String, ExpectedTotals> sums = new TreeMap<>();
        groups.forEach((k, sent) -> sums.put(k, ExpectedTotals.ofDeclarations(sent)));
        return sums;
    }

    private static String enterpriseType(DeclarationState s) {
        Registered r = REGISTER.get(s.declarantCode());
        return r == null ? UNKNOWN : r.type();
    }

    private static String domesticRegion(DeclarationState s) {
        Registered r = REGISTER.get(s.declarantCode());
        return r == null ? UNKNOWN : r.region();
    }

    private static String district(DeclarationState s) {
        return s.customsOffice().substring(0, 2);
    }

    private static Function<DeclarationState, String> keyOf(String path) {
        return switch (path) {
            case "enterprise-types" -> GacDimensionsTest::enterpriseType;
            case "domestic-regions" -> GacDimensionsTest::domesticRegion;
            case "customs-districts" -> GacDimensionsTest::district;
            case "transport-modes" -> DeclarationState::transportMode;
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static List<Map<String, Object>> rows(String path, String from, String to) {
        return given().queryParam("from", from).queryParam("to", to).get("/api/statistics/" + path)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    // --- the breakdowns over a range ---

    @ParameterizedTest(name = "{0} {1}..{2}")
    @CsvSource({
            "enterprise-types, 2020-01-01, 2020-12-31", "enterprise-types, 2020-03-10, 2020-04-30",
            "domestic-regions, 2020-01-01, 2020-12-31", "domestic-regions, 2020-03-10, 2020-04-30",
            "customs-districts, 2020-01-01, 2020-12-31", "customs-districts, 2020-03-10, 2020-04-30",
            "transport-modes, 2020-01-01, 2020-12-31", "transport-modes, 2020-03-10, 2020-04-30",
            "enterprise-types, 2019-01-01, 2020-12-31"})
    void everyCodeSumsToTheCent(String path, String from, String to) {
        Map<String, ExpectedTotals> expected = expectedBy(from, to, keyOf(path));
        BigDecimal national = expected(from, to).totalCny();
        List<Map<String, Object>> rows = rows(path, from, to);
        Set<String> codes = rows.stream().map(r -> (String) r.get("code")).collect(Collectors.toSet());
        assertThat(codes).as("every code with trade is listed").containsAll(expected.keySet());
        assertThat(codes).hasSameSizeAs(rows);
        for (Map<String, Object> row : rows) {
            String code = (String) row.get("code");
            ExpectedTotals totals = expected.getOrDefault(code, ExpectedTotals.NONE);
            totals.assertRow(row, "declarations", path + " " + code);
            assertThat(row.get("share")).as(path + " " + code + " share").isEqualTo(share(totals.totalCny(), national));
        }
    }

    @Test
    void enterpriseTypesListEveryTypeAndTheUnregisteredOnlyWhenTheyTraded() {
        List<Map<String, Object>> year = rows("enterprise-types", "2020-01-01", "2020-12-31");
        assertThat(year).extracting(r -> r.get("code"))
                .containsExactly("STATE_OWNED", "FOREIGN_INVESTED", "PRIVATE", "OTHER", UNKNOWN);
        assertThat(year).extracting(r -> r.get("name")).containsExactly("State-owned enterprises",
                "Foreign-invested enterprises", "Private enterprises", "Other enterprises",
                "Declarant not in the enterprise register");
        // The unregistered declarant traded only in March 2020.
        assertThat(rows("enterprise-types", "2019-01-01", "2019-12-31")).extracting(r -> r.get("code"))
                .containsExactly("STATE_OWNED", "FOREIGN_INVESTED", "PRIVATE", "OTHER");
        assertThat(rows("domestic-regions", "2020-01-01", "2020-12-31")).extracting(r -> r.get("code"))
                .containsExactly("EAST", "CENTRAL", "WEST", "NORTHEAST", UNKNOWN);
    }

    @Test
    void districtsAndModesAreNamedFromTheirCodeLists() {
        List<Map<String, Object>> districts = rows("customs-districts", "2020-01-01", "2020-12-31");
        assertThat(districts).hasSize(42);
        assertThat(districts).filteredOn(r -> r.get("code").equals("80")).extracting(r -> r.get("name"))
                .containsExactly("Chongqing");
        assertThat(districts).filteredOn(r -> r.get("code").equals("53")).extracting(r -> r.get("name"))
                .containsExactly("Shenzhen");
        List<Map<String, Object>> modes = rows("transport-modes", "2020-01-01", "2020-12-31");
        assertThat(modes).filteredOn(r -> r.get("code").equals("5")).extracting(r -> r.get("name"))
                .containsExactly("Air");
    }

    // --- product groups ---

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"2020-01-01, 2020-12-31", "2020-03-10, 2020-04-30", "2019-01-01, 2019-12-31"})
    void productGroupsCountItemsInBothGroups(String from, String to) {
        ExpectedTotals national = expected(from, to);
        List<Map<String, Object>> rows = rows("product-groups", from, to);
        assertThat(rows).extracting(r -> r.get("code")).containsExactly("ELECTROMECHANICAL", "HIGH_TECH");
        for (Map<String, Object> row : rows) {
            String group = (String) row.get("code");
            ExpectedTotals totals = ExpectedTotals.ofItems(countedIn(from, to),
                    item -> GROUPS.get(item.hsCode().substring(0, 4)).contains(group));
            totals.assertRow(row, "items", group);
            assertThat(row.get("shareOfExports")).as(group).isEqualTo(share(totals.exportCny(), national.exportCny()));
            assertThat(row.get("shareOfImports")).as(group).isEqualTo(share(totals.importCny(), national.importCny()));
        }
    }

    @Test
    void anItemInBothGroupsCountsInEach() {
        // 2020-03-05's declaration: one item of 8471 (both groups), one of 6109 (neither).
        List<Map<String, Object>> rows = rows("product-groups", "2020-03-05", "2020-03-05");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("items")).isEqualTo(1);
            assertThat(row.get("importCny")).isEqualTo(new BigDecimal("1000.00"));
            assertThat(row.get("importUsd")).isEqualTo(new BigDecimal("140.00"));
            // 1000.00 / 1234.56
            assertThat(row.get("shareOfImports")).isEqualTo(new BigDecimal("0.8100"));
            assertThat(row.get("shareOfExports")).isEqualTo(new BigDecimal("0.0000"));
        });
    }

    // --- monthly reports ---

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"enterprise-types, 2020-03", "domestic-regions, 2020-03", "customs-districts, 2020-02",
            "transport-modes, 2020-04"})
    void monthAndYearToDateWithGrowth(String path, String month) {
        YearMonth m = YearMonth.parse(month);
        String monthFrom = m.atDay(1).toString();
        String monthTo = m.atEndOfMonth().toString();
        String ytdFrom = m.withMonth(1).atDay(1).toString();
        YearMonth base = m.minusYears(1);
        Function<DeclarationState, String> key = keyOf(path);
        Map<String, ExpectedTotals> monthNow = expectedBy(monthFrom, monthTo, key);
        Map<String, ExpectedTotals> monthBefore = expectedBy(base.atDay(1).toString(), base.atEndOfMonth().toString(), key);
        Map<String, ExpectedTotals> ytdNow = expectedBy(ytdFrom, monthTo, key);
        Map<String, ExpectedTotals> ytdBefore = expectedBy(base.withMonth(1).atDay(1).toString(),
                base.atEndOfMonth().toString(), key);
        BigDecimal monthNational = expected(monthFrom, monthTo).totalCny();
        BigDecimal ytdNational = expected(ytdFrom, monthTo).totalCny();

        List<Map<String, Object>> rows = given().queryParam("month", month)
                .get("/api/statistics/" + path + "/monthly-report").then().statusCode(200).extract().jsonPath().getList("$");
        Set<String> codes = rows.stream().map(r -> (String) r.get("code")).collect(Collectors.toSet());
        assertThat(codes).containsAll(monthNow.keySet()).containsAll(ytdNow.keySet());
        for (Map<String, Object> row : rows) {
            String code = (String) row.get("code");
            String what = path + " " + month + " " + code;
            assertThat(row.get("month")).isEqualTo(month);
            assertThat(row.get("monthFrom")).isEqualTo(monthFrom);
            assertThat(row.get("ytdFrom")).isEqualTo(ytdFrom);
            assertThat(row.get("ytdTo")).isEqualTo(monthTo);
            assertPeriod(row, "month", monthNow.getOrDefault(code, ExpectedTotals.NONE),
                    monthBefore.getOrDefault(code, ExpectedTotals.NONE), monthNational, what);
            assertPeriod(row, "ytd", ytdNow.getOrDefault(code, ExpectedTotals.NONE),
                    ytdBefore.getOrDefault(code, ExpectedTotals.NONE), ytdNational, what);
        }
    }

    private static void assertPeriod(Map<String, Object> row, String prefix, ExpectedTotals now, ExpectedTotals before,
                                     BigDecimal national, String what) {
        String w = what + " " + prefix;
        assertThat(((Number) row.get(prefix + "Declarations")).longValue()).as(w).isEqualTo(now.count());
        assertThat(row.get(prefix + "ImportCny")).as(w).isEqualTo(now.importCny());
        assertThat(row.get(prefix + "ExportCny")).as(w).isEqualTo(now.exportCny());
        assertThat(row.get(prefix + "TotalCny")).as(w).isEqualTo(now.totalCny());
        assertThat(row.get(prefix + "ImportUsd")).as(w).isEqualTo(now.importUsd());
        assertThat(row.get(prefix + "ExportUsd")).as(w).isEqualTo(now.exportUsd());
        assertThat(row.get(prefix + "TotalUsd")).as(w).isEqualTo(now.totalUsd());
        assertThat(row.get(prefix + "Share")).as(w).isEqualTo(share(now.totalCny(), national));
        assertThat(row.get(prefix + "YoyImportCny")).as(w).isEqualTo(growth(now.importCny(), before.importCny()));
        assertThat(row.get(prefix + "YoyExportCny")).as(w).isEqualTo(growth(now.exportCny(), before.exportCny()));
        assertThat(row.get(prefix + "YoyTotalCny")).as(w).isEqualTo(growth(now.totalCny(), before.totalCny()));
    }

    @Test
    void theReportHasGrowthWhereTheBaseHadTrade() {
        // March 2020 private: 1234.56 imports against 500.00 in March 2019: 1234.56 / 500.00 - 1 = 1.46912.
        Map<String, Object> privateRow = given().queryParam("month", "2020-03")
                .get("/api/statistics/enterprise-types/monthly-report").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("$").stream().filter(r -> r.get("code").equals("PRIVATE")).findFirst()
                .orElseThrow();
        assertThat(privateRow.get("monthYoyImportCny")).isEqualTo(new BigDecimal("1.4691"));
        assertThat(privateRow.get("monthYoyExportCny")).isNull();
    }

    // --- CSV and bad parameters ---

    @Test
    void csvDownloads() {
        String from = "2020-01-01";
        String to = "2020-12-31";
        String csv = given().accept("text/csv").queryParam("from", from).queryParam("to", to)
                .get("/api/statistics/product-groups").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"product-groups-2020-01-01-2020-12-31.csv\"")
                .extract().asString();
        assertThat(csv).startsWith("\uFEFFcode,name,items,importCny,exportCny,totalCny,importUsd,exportUsd,totalUsd,"
                + "shareOfExports,shareOfImports\r\nELECTROMECHANICAL,Electromechanical products,");
        assertThat(csv.split("\r\n")).hasSize(3);

        String types = given().accept("text/csv").queryParam("from", from).queryParam("to", to)
                .get("/api/statistics/enterprise-types").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"enterprise-types-2020-01-01-2020-12-31.csv\"")
                .extract().asString();
        ExpectedTotals unknown = expectedBy(from, to, GacDimensionsTest::enterpriseType).get(UNKNOWN);
        assertThat(types.split("\r\n")[0]).isEqualTo("\uFEFFcode,name,share,declarations,importCny,exportCny,totalCny,"
                + "importUsd,exportUsd,totalUsd");
        assertThat(types).contains("\r\nUNKNOWN,Declarant not in the enterprise register,"
                + share(unknown.totalCny(), expected(from, to).totalCny()).toPlainString() + ",1,0.00,777.77,777.77,"
                + "0.00,109.00,109.00\r\n");

        given().accept("text/csv").queryParam("month", "2020-03").get("/api/statistics/domestic-regions/monthly-report")
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"domestic-regions-monthly-report-2020-03.csv\"");
    }

    @ParameterizedTest
    @CsvSource({"enterprise-types", "domestic-regions", "customs-districts", "transport-modes", "product-groups"})
    void badRangesAreProblemsNamingTheField(String path) {
        given().queryParam("from", "2020-13-01").get("/api/statistics/" + path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().queryParam("from", "2020-03-01").queryParam("to", "2020-02-01").get("/api/statistics/" + path)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @CsvSource({"enterprise-types", "domestic-regions", "customs-districts", "transport-modes"})
    void aReportNeedsAMonth(String path) {
        given().get("/api/statistics/" + path + "/monthly-report")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        given().queryParam("month", "2020-3").get("/api/statistics/" + path + "/monthly-report")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("month"));
    }
}
