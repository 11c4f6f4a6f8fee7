package dev.customs.declaration.simulator;

import dev.customs.contract.event.Direction;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The published figures the generator is calibrated to, and the tables derived from them. Sources, and
 * which figures are approximate, are in docs/simulator-calibration.md; keep the two in step.
 */
final class Calibration {

    private Calibration() {
    }

    // --- National totals (GAC, 2024) ---

    static final double NATIONAL_TRADE_CNY = 43.85e12;
    static final double NATIONAL_EXPORTS_CNY = 25.45e12;
    static final double EXPORT_SHARE = NATIONAL_EXPORTS_CNY / NATIONAL_TRADE_CNY;
    static final double NATIONAL_TRADE_USD_BN = 6_160;
    static final double ANNUAL_GROWTH = 0.05;
    static final double DAYS_PER_YEAR = 365;

    /**
     * Relative daily trade by month (Spring Festival dip, year-end peak): an illustrative shape, normalised
     * by the generator so that a year averages 1.
     */
    static final double[] MONTH_FACTORS = {0.95, 0.85, 0.96, 1.00, 1.02, 1.01, 1.04, 1.04, 1.03, 0.96, 1.02, 1.12};

    // --- Special customs supervision areas ---

    /** Areas' first-line trade / national trade (SCIO 2025: "about one fifth"; 2022: 19.9%). */
    static final double ZONE_SHARE = 0.20;
    /** Of area declarations: the rest are first line. Second-line and intra-zone moves count only in area totals. */
    static final double SECOND_LINE_SHARE_OF_AREA = 0.30;
    static final double INTRA_ZONE_SHARE_OF_AREA = 0.10;
    /** Area first-line exports / area first-line trade (H1 2023: 1.88 of 3.83 trillion). */
    static final double ZONE_EXPORT_SHARE = 1.88 / 3.83;
    /** Exports' share of trade outside areas, so that the national share comes out at {@link #EXPORT_SHARE}. */
    static final double OUTSIDE_EXPORT_SHARE = (EXPORT_SHARE - ZONE_SHARE * ZONE_EXPORT_SHARE) / (1 - ZONE_SHARE);
    /** Of second-line moves: from the area into the domestic market (an import into the customs territory). */
    static final double SECOND_LINE_IMPORT_SHARE = 0.5;
    static final double INTRA_ZONE_IMPORT_SHARE = 0.5;

    /** 2022: the top 30 of the areas held 73.9% of area trade. */
    static final int TOP_AREAS = 30;
    static final double TOP_AREAS_SHARE = 0.739;
    /**
     * Flattens the head of the rank law so that the leaders are of similar size: the largest area then holds
     * about 6.5% and the 4th about 4.8% (Xiyong, 4th in 2021 with CNY 336.9 bn, about 4% of area trade).
     */
    static final double AREA_RANK_OFFSET = 20;

    /**
     * The leading areas, largest first; the remaining areas follow in code order. Kunshan, Zhengzhou Xinzheng,
     * Chongqing Xiyong and Chengdu High-Tech are the large electronics-processing zones; the rest of the order is
     * a plausible guess, not a published ranking.
     */
    static final List<String> LEADING_AREAS = List.of(
            "2369", "4630", "8013", "7930", "2331", "2232", "5349", "2230", "2233", "8010",
            "9031", "2333", "5131", "5330", "3730", "0230", "2332", "4730", "3330", "3131",
            "4231", "0231", "5230", "0130", "6431", "2335", "2930", "5231", "0931", "3132");

    // --- Flows ---

    static final double FIRST_LINE_SHARE_OF_AREA = 1 - SECOND_LINE_SHARE_OF_AREA - INTRA_ZONE_SHARE_OF_AREA;
    /** Area declarations per nationally counted declaration (outside + first line). */
    static final double AREA_PER_NATIONAL = ZONE_SHARE / FIRST_LINE_SHARE_OF_AREA;
    /** Fraction of all declarations that count in national totals. */
    static final double NATIONAL_FRACTION = 1 / (1 + AREA_PER_NATIONAL - ZONE_SHARE);

    // --- Supervision modes: share of the flow's value, relative size of one declaration ---

    /**
     * Outside areas. Set so that national shares come out at the published ones (general trade about 64.5%,
     * processing trade about 18% of 2024 trade) once the areas' first-line modes are added.
     */
    static final List<Weighted.Option<String>> OUTSIDE_MODES = List.of(
            Weighted.option("0110", 0.800),
            Weighted.option("0615", 0.120),
            Weighted.option("0214", 0.030),
            Weighted.option("6033", 0.020),
            Weighted.option("9610", 0.005, 0.05),
            Weighted.option("9710", 0.008, 0.2),
            Weighted.option("9810", 0.007, 0.5),
            Weighted.option("2600", 0.004, 0.5),
            Weighted.option("4561", 0.003, 0.3),
            Weighted.option("3100", 0.003, 0.3));

    static final List<Weighted.Option<String>> FIRST_LINE_MODES = List.of(
            Weighted.option("5034", 0.30),
            Weighted.option("5015", 0.25),
            Weighted.option("5014", 0.05),
            Weighted.option("5033", 0.10),
            Weighted.option("1233", 0.06),
            Weighted.option("1234", 0.06),
            Weighted.option("1200", 0.05),
            Weighted.option("1210", 0.05, 0.2),
            Weighted.option("5335", 0.03),
            Weighted.option("5300", 0.02),
            Weighted.option("5361", 0.01),
            Weighted.option("4561", 0.01, 0.3),
            Weighted.option("2600", 0.01, 0.5));

    static final List<Weighted.Option<String>> SECOND_LINE_MODES = List.of(
            Weighted.option("5000", 0.45),
            Weighted.option("5100", 0.55));

    static final List<Weighted.Option<String>> INTRA_ZONE_MODES = List.of(
            Weighted.option("1200", 0.5),
            Weighted.option("5034", 0.3),
            Weighted.option("5033", 0.2));

    /** Modes that only go one way; every other mode's direction is drawn so that the flow's export share holds. */
    static final Map<String, Direction> ONE_WAY_MODES = Map.of(
            "9710", Direction.EXPORT,
            "9810", Direction.EXPORT,
            "5361", Direction.EXPORT,
            "5335", Direction.IMPORT,
            "1210", Direction.IMPORT);

    // --- Partners: 2024 trade in USD bn, approximate ---

    static final Map<String, Double> PARTNER_TRADE_USD_BN = Map.<String, Double>ofEntries(
            // ASEAN (complete in the reference file)
            entry("VN", 261.0), entry("MY", 212.0), entry("ID", 148.0), entry("TH", 134.0), entry("SG", 111.0),
            entry("PH", 72.0), entry("MM", 27.0), entry("KH", 15.0), entry("LA", 9.0), entry("BN", 3.0),
            // EU (complete in the reference file)
            entry("DE", 202.0), entry("NL", 112.0), entry("FR", 78.0), entry("IT", 72.0), entry("ES", 48.0),
            entry("PL", 44.0), entry("BE", 40.0), entry("CZ", 22.0), entry("IE", 25.0), entry("SE", 17.0),
            entry("DK", 16.0), entry("HU", 15.0), entry("AT", 13.0), entry("SK", 11.0), entry("RO", 11.0),
            entry("GR", 11.0), entry("FI", 9.0), entry("SI", 9.0), entry("PT", 8.0), entry("BG", 4.0),
            entry("HR", 3.0), entry("LT", 2.0), entry("MT", 2.0), entry("LV", 1.5), entry("EE", 1.5),
            entry("LU", 1.5), entry("CY", 1.0),
            // Other major partners
            entry("US", 688.0), entry("KR", 328.0), entry("JP", 308.0), entry("HK", 305.0), entry("RU", 245.0),
            entry("AU", 212.0), entry("BR", 188.0), entry("IN", 138.0), entry("MX", 110.0), entry("SA", 107.0),
            entry("AE", 102.0), entry("GB", 98.0), entry("CA", 90.0), entry("CL", 66.0), entry("IQ", 55.0),
            entry("ZA", 52.0), entry("TR", 45.0), entry("KZ", 44.0), entry("CH", 40.0), entry("PE", 40.0),
            entry("OM", 36.0), entry("QA", 28.0), entry("BD", 25.0), entry("NG", 24.0), entry("AO", 24.0),
            entry("PK", 23.0), entry("KG", 23.0), entry("KW", 23.0), entry("IL", 23.0), entry("CD", 23.0),
            entry("NZ", 19.0), entry("CO", 19.0), entry("MN", 18.0), entry("EG", 17.0), entry("AR", 17.0),
            entry("PA", 15.0), entry("UZ", 14.0), entry("IR", 14.0), entry("EC", 14.0), entry("NO", 12.0),
            entry("GH", 12.0), entry("TM", 11.0), entry("DZ", 11.0), entry("UA", 10.0), entry("TZ", 9.0),
            entry("BY", 8.0), entry("MA", 8.0), entry("KE", 8.0), entry("RS", 7.0), entry("ZM", 7.0),
            entry("JO", 6.0), entry("VE", 6.0), entry("LK", 5.0), entry("PG", 5.0), entry("TJ", 4.0),
            entry("MO", 3.0), entry("ET", 3.0), entry("NP", 2.0));

    /** For a partner the table does not know (a row added to the reference file later). */
    static final double UNKNOWN_PARTNER_USD_BN = 1.0;

    /** Belt and Road partners: CNY 22 trillion of 43.85 in 2024. */
    static final double BELT_AND_ROAD_SHARE = 22.0 / 43.85;
    /** Groups the reference file lists completely, so no trade of unlisted partners belongs to them. */
    static final List<String> COMPLETE_GROUPS = List.of("ASEAN", "EU");

    // --- Currencies ---

    static final double CNY_CURRENCY_SHARE = 0.20;
    /** Of the rest: invoiced in the partner's own currency when the rate table has it, otherwise in USD. */
    static final double HOME_CURRENCY_SHARE = 0.30;
    static final String EU_CURRENCY = "EUR";
    static final String DEFAULT_CURRENCY = "USD";
    static final Map<String, String> HOME_CURRENCIES = Map.ofEntries(
            entry("JP", "JPY"), entry("HK", "HKD"), entry("GB", "GBP"), entry("KR", "KRW"), entry("AU", "AUD"),
            entry("SG", "SGD"), entry("CH", "CHF"), entry("CA", "CAD"), entry("RU", "RUB"), entry("MY", "MYR"),
            entry("TH", "THB"), entry("US", "USD"));

    // --- Transport and terms ---

    /** Carriers for trade that crosses the border (value shares; illustrative order: waterway, road, air, rail). */
    static final List<Weighted.Option<String>> CARRIERS = List.of(
            Weighted.option("2", 0.55),
            Weighted.option("4", 0.18),
            Weighted.option("5", 0.17),
            Weighted.option("3", 0.05),
            Weighted.option("6", 0.02),
            Weighted.option("G", 0.02),
            Weighted.option("9", 0.01));

    /** Second-line moves into an area from the domestic market come from a non-bonded area. */
    static final String NON_BONDED_AREA = "0";

    /** Statistics value imports CIF and exports FOB, and most contracts follow. */
    static final List<Weighted.Option<String>> IMPORT_TERMS = List.of(
            Weighted.option("CIF", 0.60), Weighted.option("CFR", 0.15), Weighted.option("FOB", 0.15),
            Weighted.option("DAP", 0.05), Weighted.option("EXW", 0.05));
    static final List<Weighted.Option<String>> EXPORT_TERMS = List.of(
            Weighted.option("FOB", 0.60), Weighted.option("CIF", 0.15), Weighted.option("CFR", 0.10),
            Weighted.option("FCA", 0.05), Weighted.option("EXW", 0.05), Weighted.option("DAP", 0.05));

    // --- Customs offices for trade outside areas: real district codes, with their province ---

    record Port(String office, String province) {
    }

    static final List<Weighted.Option<Port>> PORTS = List.of(
            Weighted.option(new Port("2200", "Shanghai"), 0.20),
            Weighted.option(new Port("5300", "Guangdong"), 0.14),
            Weighted.option(new Port("3100", "Zhejiang"), 0.08),
            Weighted.option(new Port("4200", "Shandong"), 0.08),
            Weighted.option(new Port("2300", "Jiangsu"), 0.07),
            Weighted.option(new Port("5200", "Guangdong"), 0.06),
            Weighted.option(new Port("5100", "Guangdong"), 0.06),
            Weighted.option(new Port("0100", "Beijing"), 0.06),
            Weighted.option(new Port("0200", "Tianjin"), 0.05),
            Weighted.option(new Port("3700", "Fujian"), 0.04),
            Weighted.option(new Port("2900", "Zhejiang"), 0.04),
            Weighted.option(new Port("0900", "Liaoning"), 0.03),
            Weighted.option(new Port("8000", "Chongqing"), 0.02),
            Weighted.option(new Port("7900", "Sichuan"), 0.02),
            Weighted.option(new Port("4600", "Henan"), 0.02),
            Weighted.option(new Port("4700", "Hubei"), 0.01),
            Weighted.option(new Port("5700", "Guangdong"), 0.01),
            Weighted.option(new Port("7200", "Guangxi"), 0.01),
            Weighted.option(new Port("9400", "Xinjiang"), 0.01),
            Weighted.option(new Port("0600", "Inner Mongolia"), 0.005),
            Weighted.option(new Port("8600", "Yunnan"), 0.005));

    /** First two digits of the administrative division code, for the declarant's unified social credit code. */
    static final Map<String, String> PROVINCE_DIVISIONS = Map.ofEntries(
            entry("Beijing", "11"), entry("Tianjin", "12"), entry("Hebei", "13"), entry("Shanxi", "14"),
            entry("Inner Mongolia", "15"), entry("Liaoning", "21"), entry("Jilin", "22"), entry("Heilongjiang", "23"),
            entry("Shanghai", "31"), entry("Jiangsu", "32"), entry("Zhejiang", "33"), entry("Anhui", "34"),
            entry("Fujian", "35"), entry("Jiangxi", "36"), entry("Shandong", "37"), entry("Henan", "41"),
            entry("Hubei", "42"), entry("Hunan", "43"), entry("Guangdong", "44"), entry("Guangxi", "45"),
            entry("Hainan", "46"), entry("Chongqing", "50"), entry("Sichuan", "51"), entry("Guizhou", "52"),
            entry("Yunnan", "53"), entry("Tibet", "54"), entry("Shaanxi", "61"), entry("Gansu", "62"),
            entry("Qinghai", "63"), entry("Ningxia", "64"), entry("Xinjiang", "65"));

    // --- Goods: indicative 10-digit codes, unit, unit price in CNY, share of the direction's value ---

    record Product(String hsCode, String unit, double unitPriceCny) {

        String chapter() {
            return hsCode.substring(0, 2);
        }
    }

    private static Weighted.Option<Product> product(String hsCode, String unit, double unitPriceCny, double share) {
        return Weighted.option(new Product(hsCode, unit, unitPriceCny), share);
    }

    /** Electromechanical goods: HS 84 and 85 hold 0.60 of export value. */
    static final List<Weighted.Option<Product>> EXPORT_GOODS = List.of(
            // 85: 0.34
            product("8517130000", "台", 1_800, 0.08),     // smartphones
            product("8517620000", "台", 1_200, 0.04),     // network equipment
            product("8542319000", "个", 40, 0.05),        // processors and controllers
            product("8507600000", "个", 500, 0.05),       // lithium-ion batteries
            product("8541430000", "块", 700, 0.02),       // photovoltaic modules
            product("8528721100", "台", 1_600, 0.02),     // colour television receivers
            product("8504409990", "个", 60, 0.03),        // power supplies
            product("8544429000", "千克", 40, 0.02),      // insulated cables
            product("8516500000", "台", 350, 0.01),       // microwave ovens
            product("8501520000", "台", 800, 0.02),       // AC motors
            // 84: 0.26
            product("8471300000", "台", 3_000, 0.07),     // laptops
            product("8473309000", "千克", 400, 0.04),     // computer parts
            product("8471500000", "台", 20_000, 0.02),    // servers
            product("8415102000", "台", 1_500, 0.02),     // air conditioners
            product("8418102000", "台", 1_800, 0.02),     // refrigerators
            product("8429521200", "台", 400_000, 0.02),   // excavators
            product("8481804090", "个", 100, 0.02),       // valves
            product("8414594000", "台", 100, 0.02),       // fans
            product("8443321000", "台", 800, 0.01),       // printers
            product("8450111000", "台", 1_200, 0.01),     // washing machines
            product("8483409000", "个", 300, 0.01),       // gearing
            // everything else: 0.40
            product("8703800010", "辆", 150_000, 0.04),   // electric cars
            product("8708299000", "千克", 40, 0.03),      // vehicle body parts
            product("8901909000", "艘", 200_000_000, 0.015), // cargo vessels
            product("9018909000", "千克", 300, 0.015),    // medical instruments
            product("9405119000", "个", 80, 0.01),        // lighting fittings
            product("9403609990", "件", 500, 0.025),      // furniture
            product("9503008900", "千克", 60, 0.02),      // toys
            product("9506911900", "千克", 40, 0.01),      // fitness equipment
            product("6110300090", "件", 40, 0.02),        // knitted jerseys
            product("6204430090", "件", 80, 0.015),       // dresses
            product("6402991900", "双", 40, 0.015),       // footwear
            product("6307900090", "千克", 50, 0.01),      // made-up textile articles
            product("3926909090", "千克", 30, 0.025),     // plastic articles
            product("7326909000", "千克", 20, 0.02),      // steel articles
            product("7208512000", "千克", 4, 0.02),       // hot-rolled steel plate
            product("7606123000", "千克", 25, 0.01),      // aluminium plate
            product("2933399090", "千克", 150, 0.015),    // heterocyclic compounds
            product("3004909099", "千克", 400, 0.005),    // medicaments
            product("4011100000", "条", 300, 0.015),      // car tyres
            product("4202220000", "个", 50, 0.01),        // handbags
            product("8302420000", "千克", 30, 0.01),      // furniture fittings
            product("2710191100", "千克", 6, 0.015),      // jet fuel
            product("0304999000", "千克", 40, 0.005),     // fish meat
            product("0703200000", "千克", 8, 0.005),      // garlic
            product("5402331000", "千克", 9, 0.01),       // polyester yarn
            product("6911101900", "千克", 15, 0.005),     // porcelain tableware
            product("7013370000", "千克", 15, 0.005));    // glassware

    /** Chips, crude oil, ores, soybeans and the long tail; normalised by the generator. */
    static final List<Weighted.Option<Product>> IMPORT_GOODS = List.of(
            product("8542319000", "个", 300, 0.10),       // processors and controllers
            product("8542329000", "个", 80, 0.03),        // memories
            product("8542390000", "个", 30, 0.02),        // other integrated circuits
            product("8517799000", "千克", 800, 0.03),     // telephone parts
            product("8541490000", "个", 5, 0.02),         // semiconductor devices
            product("8529909090", "千克", 300, 0.01),     // display parts
            product("8504409990", "个", 200, 0.01),       // power supplies
            product("8486201000", "台", 5_000_000, 0.03), // wafer processing equipment
            product("8471500000", "台", 20_000, 0.01),    // servers
            product("8473309000", "千克", 800, 0.01),     // computer parts
            product("8479899990", "台", 50_000, 0.025),   // machines n.e.s.
            product("8411910000", "千克", 2_000, 0.005),  // turbojet parts
            product("8483409000", "个", 300, 0.005),      // gearing
            product("8481804090", "个", 300, 0.005),      // valves
            product("2709000000", "千克", 4, 0.125),      // crude petroleum
            product("2711110000", "千克", 4, 0.02),       // liquefied natural gas
            product("2711210000", "千克", 3, 0.01),       // pipeline natural gas
            product("2701129000", "千克", 0.8, 0.015),    // bituminous coal
            product("2710192200", "千克", 4, 0.015),      // fuel oil
            product("2601110000", "千克", 0.8, 0.05),     // iron ore
            product("2603000010", "千克", 15, 0.025),     // copper concentrate
            product("2606000000", "千克", 0.5, 0.007),    // bauxite
            product("2604000000", "千克", 0.4, 0.008),    // nickel ore
            product("1201901000", "千克", 3.6, 0.02),     // soybeans
            product("7403111100", "千克", 70, 0.02),      // refined copper cathodes
            product("7404000090", "千克", 50, 0.01),      // copper scrap
            product("7108120000", "克", 500, 0.01),       // gold
            product("7110110000", "克", 220, 0.004),      // platinum
            product("7102399000", "克拉", 5_000, 0.004),  // diamonds
            product("8703234190", "辆", 300_000, 0.015),  // passenger cars
            product("8708409990", "千克", 200, 0.01),     // gear boxes
            product("8807300000", "千克", 5_000, 0.005),  // aircraft parts
            product("8802402000", "架", 500_000_000, 0.005), // aircraft
            product("9018909000", "千克", 1_000, 0.012),  // medical instruments
            product("9027890000", "台", 100_000, 0.013),  // analysers
            product("9031809090", "台", 50_000, 0.01),    // measuring instruments
            product("9001909090", "千克", 500, 0.005),    // optical elements
            product("9013809000", "千克", 500, 0.01),     // liquid crystal devices
            product("9032899090", "台", 3_000, 0.005),    // regulators
            product("3004909099", "千克", 1_500, 0.015),  // medicaments
            product("3002150000", "千克", 5_000, 0.008),  // immunological products
            product("3822190090", "千克", 2_000, 0.006),  // diagnostic reagents
            product("3824999999", "千克", 20, 0.006),     // chemical preparations
            product("3901100090", "千克", 9, 0.015),      // polyethylene
            product("3902100090", "千克", 9, 0.01),       // polypropylene
            product("3907610000", "千克", 8, 0.01),       // PET
            product("2902430000", "千克", 8, 0.008),      // p-xylene
            product("2905110000", "千克", 2, 0.005),      // methanol
            product("3104202000", "千克", 2.5, 0.005),    // potash
            product("4001220000", "千克", 12, 0.005),     // natural rubber
            product("4002199000", "千克", 12, 0.005),     // synthetic rubber
            product("4403990090", "立方米", 1_500, 0.005), // logs
            product("4407119090", "立方米", 1_800, 0.004), // sawn softwood
            product("4703210000", "千克", 5, 0.008),      // wood pulp
            product("7601100000", "千克", 20, 0.005),     // unwrought aluminium
            product("7502100000", "千克", 120, 0.005),    // unwrought nickel
            product("7219340000", "千克", 15, 0.005),     // stainless steel
            product("8409919990", "千克", 200, 0.005),    // engine parts
            product("0202300090", "千克", 35, 0.006),     // frozen beef
            product("0203299090", "千克", 15, 0.003),     // frozen pork
            product("0306171900", "千克", 45, 0.004),     // frozen shrimp
            product("0303899090", "千克", 15, 0.003),     // frozen fish
            product("0402210000", "千克", 30, 0.004),     // milk powder
            product("1901101000", "千克", 150, 0.004),    // infant formula
            product("1005901000", "千克", 2, 0.003),      // maize
            product("1001990000", "千克", 2.2, 0.003),    // wheat
            product("1003900000", "千克", 2, 0.003),      // barley
            product("1511900000", "千克", 7, 0.005),      // palm oil
            product("0810600000", "千克", 50, 0.005),     // durians
            product("2106909090", "千克", 50, 0.003),     // food preparations
            product("3304990099", "千克", 500, 0.005),    // cosmetics
            product("4202210000", "个", 8_000, 0.004),    // leather handbags
            product("6110110000", "件", 800, 0.003),      // wool jerseys
            product("2204210000", "升", 60, 0.002));      // wine

    /** How many items a declaration has (1 to 5), by count. */
    static final List<Weighted.Option<Integer>> ITEM_COUNTS = List.of(
            Weighted.option(1, 0.45), Weighted.option(2, 0.20), Weighted.option(3, 0.15),
            Weighted.option(4, 0.10), Weighted.option(5, 0.10));

    // --- Value spread ---

    /** Standard deviation of the log of a declaration's value around its mean. */
    static final double VALUE_SIGMA = 1.0;
    /** Every item is worth at least this, so that no conversion to CNY or USD rounds it to zero. */
    static final double MIN_ITEM_VALUE_CNY = 1;
}
