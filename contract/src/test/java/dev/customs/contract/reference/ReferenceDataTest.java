package dev.customs.contract.reference;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final ReferenceData DATA = ReferenceData.standard();

    private static final Set<String> MAINLAND_REGIONS = Set.of(
            "Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang",
            "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan",
            "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet", "Shaanxi",
            "Gansu", "Qinghai", "Ningxia", "Xinjiang");

    @Test
    void standardIsLoadedOnce() {
        assertThat(ReferenceData.standard()).isSameAs(DATA);
    }

    // --- zones

    @Test
    void has174ZonesWithUniqueFourDigitCodesSortedByCode() {
        List<String> codes = DATA.zones().stream().map(Zone::code).toList();

        assertThat(codes).hasSize(174).doesNotHaveDuplicates().isSorted().allMatch(code -> code.matches("\\d{4}"));
        assertThat(DATA.zones().stream().map(Zone::name)).doesNotHaveDuplicates();
    }

    @Test
    void everyMainlandProvincialRegionHasAZoneAndNothingElseDoes() {
        assertThat(DATA.zones().stream().map(Zone::province).collect(Collectors.toSet()))
                .isEqualTo(MAINLAND_REGIONS);
    }

    @Test
    void provinceCountsFollowTheJune2023Distribution() {
        Map<String, Long> perProvince = DATA.zones().stream().collect(groupingBy(Zone::province, counting()));

        assertThat(perProvince.get("Jiangsu")).isGreaterThanOrEqualTo(21);
        perProvince.forEach((province, count) -> {
            if (!province.equals("Jiangsu")) {
                assertThat(count).as(province).isLessThan(perProvince.get("Jiangsu"));
            }
        });
        assertThat(perProvince).containsEntry("Guangdong", 16L).containsEntry("Shandong", 14L)
                .containsEntry("Zhejiang", 12L).containsEntry("Shanghai", 10L).containsEntry("Tibet", 1L);
    }

    @Test
    void typeMixIsThePublishedOne() {
        // June 2023: 171 areas = 160 CBZ, 7 bonded areas, 2 bonded port areas, 1 cross-border industrial zone,
        // 1 EPZ; the 3 areas added by 2025 (174) are CBZs, the only type still approved (docs/reference-data.md).
        Map<ZoneType, Long> perType = DATA.zones().stream().collect(groupingBy(Zone::type, counting()));
        assertThat(perType).containsOnly(
                Map.entry(ZoneType.COMPREHENSIVE_BONDED_ZONE, 163L),
                Map.entry(ZoneType.BONDED_AREA, 7L),
                Map.entry(ZoneType.BONDED_PORT_AREA, 2L),
                Map.entry(ZoneType.CROSS_BORDER_INDUSTRIAL_ZONE, 1L),
                Map.entry(ZoneType.EXPORT_PROCESSING_ZONE, 1L));
    }

    @Test
    void areaCodesAreKeptApartFromCustomsOfficeCodes() {
        Set<String> offices = DATA.zones().stream().map(Zone::customsOffice).collect(Collectors.toSet());
        // An area code may equal only its own supervising office's code, as Xiyong's 8013 does.
        assertThat(DATA.zones()).allSatisfy(zone -> {
            if (offices.contains(zone.code())) {
                assertThat(zone.customsOffice()).as(zone.code()).isEqualTo(zone.code());
            }
            assertThat(zone.customsOffice()).as(zone.code()).matches("\\d{4}");
        });
        // 2233 is Pudong Airport customs, which supervises the airport CBZ: an office, not an area.
        assertThat(DATA.zone("2233")).isEmpty();
        assertThat(DATA.zones()).filteredOn(zone -> zone.name().contains("Pudong Airport"))
                .singleElement().extracting(Zone::customsOffice).isEqualTo("2233");
        assertThat(DATA.zone("8013")).get().extracting(Zone::customsOffice).isEqualTo("8013");
    }

    @Test
    void everyAreaNamesItsSource() {
        assertThat(DATA.zones()).allSatisfy(zone -> {
            assertThat(zone.source()).as(zone.code()).matches("(published|converted|synthetic): .+");
            assertThat(zone.source().startsWith("synthetic: ")).as(zone.code()).isEqualTo(zone.synthetic());
        });
    }

    @Test
    void knownAreasHaveTheirCustomsOfficeCodes() {
        assertThat(DATA.zone("8013")).get().satisfies(zone -> {
            assertThat(zone.name()).isEqualTo("Chongqing Xiyong Comprehensive Bonded Zone");
            assertThat(zone.type()).isEqualTo(ZoneType.COMPREHENSIVE_BONDED_ZONE);
            assertThat(zone.province()).isEqualTo("Chongqing");
            assertThat(zone.synthetic()).isFalse();
            assertThat(zone.customsOffice()).isEqualTo("8013");
        });
        assertThat(DATA.zone("8010")).get().satisfies(zone -> {
            assertThat(zone.name()).contains("Lianglu-Cuntan");
            assertThat(zone.type()).isEqualTo(ZoneType.BONDED_PORT_AREA);
        });
        assertThat(DATA.zone("8008")).get().extracting(Zone::type).isEqualTo(ZoneType.EXPORT_PROCESSING_ZONE);
        assertThat(DATA.zone("2369")).get().satisfies(zone -> {
            assertThat(zone.name()).startsWith("Kunshan");
            assertThat(zone.province()).isEqualTo("Jiangsu");
        });
        assertThat(DATA.zone("5349")).get().satisfies(zone -> {
            assertThat(zone.name()).isEqualTo("Shenzhen Qianhai Bay Bonded Port Area");
            assertThat(zone.province()).isEqualTo("Guangdong");
            assertThat(zone.type()).isEqualTo(ZoneType.BONDED_PORT_AREA);
        });
        assertThat(DATA.zone("9999")).isEmpty();
        assertThat(DATA.zone(null)).isEmpty();
    }

    @Test
    void syntheticZonesAreFewAndPlainlyNamed() {
        List<Zone> synthetic = DATA.zones().stream().filter(Zone::synthetic).toList();

        assertThat(synthetic).hasSizeLessThanOrEqualTo(10).allMatch(zone -> zone.name().contains("Synthetic"));
        assertThat(DATA.zones().stream().filter(zone -> !zone.synthetic()))
                .noneMatch(zone -> zone.name().contains("Synthetic"));
    }

    // --- trade and transport modes

    @Test
    void hasTheTwentyEightSupervisionModes() {
        assertThat(DATA.tradeModes()).extracting(TradeMode::code).containsExactly(
                "0110", "0214", "0615", "1039", "1200", "1210", "1233", "1234", "1371", "1523", "2600", "3100",
                "4019", "4561", "5000", "5010", "5014", "5015", "5033", "5034", "5100", "5300", "5335", "5361",
                "6033", "9610", "9710", "9810");
    }

    @Test
    void gacTradeModesRollUpToThePressGroups() {
        assertThat(DATA.gacTradeModes()).extracting(GacTradeMode::code).containsExactly(
                "10", "14", "15", "19", "23", "33", "34", "35", "39");
        assertThat(DATA.gacTradeModes().stream().filter(m -> m.rollup() == StatisticalRegime.BONDED_LOGISTICS)
                .map(GacTradeMode::code)).containsExactly("33", "34");
        assertThat(DATA.gacTradeModes().stream().filter(m -> m.rollup() == StatisticalRegime.PROCESSING_TRADE)
                .map(GacTradeMode::code)).containsExactly("14", "15");
        assertThat(DATA.tradeMode("5014").orElseThrow().gacTradeMode().code()).isEqualTo("14");
        assertThat(DATA.tradeMode("5015").orElseThrow().gacTradeMode().code()).isEqualTo("15");
        assertThat(DATA.tradeMode("5033").orElseThrow().regime()).isEqualTo(StatisticalRegime.BONDED_LOGISTICS);
        assertThat(DATA.tradeMode("1210").orElseThrow().gacTradeMode().code()).isEqualTo("34");
        assertThat(DATA.tradeMode("4019").orElseThrow().gacTradeMode().name()).isEqualTo("Border small-scale trade");
        assertThat(DATA.tradeMode("1523").orElseThrow().gacTradeMode().name()).isEqualTo("Leasing");
    }

    @Test
    void onlyModesInTradeStatisticsCount() {
        assertThat(DATA.tradeModes().stream().filter(m -> m.statistics() == StatisticalInclusion.EXCLUDED)
                .map(TradeMode::code)).containsExactly("2600", "3100", "4561");
        assertThat(DATA.tradeModes().stream().filter(m -> m.statistics() == StatisticalInclusion.SINGLE_ITEM)
                .map(TradeMode::code)).containsExactly("1200", "1371", "5000", "5100", "5300");
        assertThat(DATA.tradeMode("0110").orElseThrow().countsInTradeStatistics()).isTrue();
        assertThat(DATA.tradeMode("2600").orElseThrow().countsInTradeStatistics()).isFalse();
    }

    @Test
    void oneWayModesAndAreaTypes() {
        assertThat(DATA.tradeModes().stream().filter(m -> m.onlyDirection() == Direction.EXPORT).map(TradeMode::code))
                .containsExactly("1039", "5361", "9710", "9810");
        assertThat(DATA.tradeModes().stream().filter(m -> m.onlyDirection() == Direction.IMPORT).map(TradeMode::code))
                .containsExactly("1210", "5335");
        TradeMode warehousing = DATA.tradeMode("1234").orElseThrow();
        assertThat(warehousing.allowsAreaType(ZoneType.BONDED_AREA)).isTrue();
        assertThat(warehousing.allowsAreaType(ZoneType.COMPREHENSIVE_BONDED_ZONE)).isFalse();
        assertThat(DATA.tradeMode("5034").orElseThrow().allowsAreaType(ZoneType.EXPORT_PROCESSING_ZONE)).isTrue();
        assertThat(DATA.tradeMode("1200").orElseThrow().allowedZoneFlows()).containsExactly(ZoneFlow.INTRA_ZONE);
        assertThat(DATA.tradeMode("1200").orElseThrow().allowedOutsideZones()).isFalse();
        assertThat(DATA.tradeMode("5300").orElseThrow().allowedZoneFlows()).containsExactly(ZoneFlow.SECOND_LINE);
    }

    @Test
    void areaTransportCodesFollowTheFillingRules() {
        assertThat(DATA.areaTransportCode(ZoneType.COMPREHENSIVE_BONDED_ZONE, ZoneFlow.SECOND_LINE, Direction.IMPORT)).contains("Y");
        assertThat(DATA.areaTransportCode(ZoneType.BONDED_PORT_AREA, ZoneFlow.SECOND_LINE, Direction.EXPORT)).contains("Y");
        assertThat(DATA.areaTransportCode(ZoneType.EXPORT_PROCESSING_ZONE, ZoneFlow.SECOND_LINE, Direction.IMPORT)).contains("Z");
        assertThat(DATA.areaTransportCode(ZoneType.CROSS_BORDER_INDUSTRIAL_ZONE, ZoneFlow.SECOND_LINE, Direction.EXPORT)).contains("Z");
        assertThat(DATA.areaTransportCode(ZoneType.BONDED_AREA, ZoneFlow.SECOND_LINE, Direction.EXPORT)).contains("0");
        assertThat(DATA.areaTransportCode(ZoneType.BONDED_AREA, ZoneFlow.SECOND_LINE, Direction.IMPORT)).contains("7");
        assertThat(DATA.areaTransportCode(ZoneType.BONDED_AREA, ZoneFlow.FIRST_LINE, Direction.IMPORT)).isEmpty();
    }

    @Test
    void unitsByNameAndCode() {
        assertThat(DATA.isKnownUnit("台")).isTrue();
        assertThat(DATA.isKnownUnit("001")).isTrue();
        assertThat(DATA.isKnownUnit("千克")).isTrue();
        assertThat(DATA.isKnownUnit("035")).isTrue();
        assertThat(DATA.isKnownUnit("kg")).isFalse();
        assertThat(DATA.isKnownUnit(" 台")).isFalse();
        assertThat(DATA.isKnownUnit(null)).isFalse();
    }

    @Test
    void supervisionModesAreLimitedToTheirFlows() {
        TradeMode logistics = DATA.tradeMode("5034").orElseThrow();
        assertThat(logistics.allows(ZoneFlow.FIRST_LINE)).isTrue();
        assertThat(logistics.allows((ZoneFlow) null)).isFalse();
        assertThat(logistics.regime()).isEqualTo(StatisticalRegime.BONDED_LOGISTICS);

        TradeMode materials = DATA.tradeMode("5000").orElseThrow();
        assertThat(materials.allowedZoneFlows()).containsExactly(ZoneFlow.SECOND_LINE);
        assertThat(materials.allowedOutsideZones()).isFalse();

        TradeMode general = DATA.tradeMode("0110").orElseThrow();
        assertThat(general.allows((ZoneFlow) null)).isTrue();
        assertThat(general.allows(ZoneFlow.SECOND_LINE)).isTrue();
        assertThat(general.allows(ZoneFlow.FIRST_LINE)).isFalse();
        assertThat(general.regime()).isEqualTo(StatisticalRegime.GENERAL_TRADE);

        assertThat(DATA.tradeMode("9610").orElseThrow().regime()).isEqualTo(StatisticalRegime.GENERAL_TRADE);
        assertThat(DATA.tradeMode("0615").orElseThrow().regime()).isEqualTo(StatisticalRegime.PROCESSING_TRADE);
        assertThat(DATA.tradeMode("1234")).isPresent();
        assertThat(DATA.tradeMode("0000")).isEmpty();
    }

    @Test
    void everyModeIsAllowedSomewhereAndFlowSetsAreImmutable() {
        assertThat(DATA.tradeModes())
                .allMatch(mode -> mode.allowedOutsideZones() || !mode.allowedZoneFlows().isEmpty());
        Set<ZoneFlow> flows = DATA.tradeMode("5034").orElseThrow().allowedZoneFlows();
        assertThatThrownBy(() -> flows.add(ZoneFlow.SECOND_LINE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void transportModesSeparateCarriersFromAreaCodes() {
        assertThat(DATA.transportModes()).hasSize(18);
        assertThat(DATA.transportMode("3")).contains(new TransportMode("3", "Rail", false));
        assertThat(DATA.transportModes().stream().filter(TransportMode::areaCode).map(TransportMode::code))
                .containsExactly("0", "1", "7", "8", "T", "W", "X", "Y", "Z");
    }

    // --- HS

    @Test
    void hasTwentyOneSectionsCoveringNinetySevenChapters() {
        assertThat(DATA.hsSections()).hasSize(21);
        assertThat(DATA.hsChapters()).hasSize(97);
        int expected = 1;
        for (HsSection section : DATA.hsSections()) {
            assertThat(section.firstChapter()).as(section.roman()).isEqualTo(expected);
            expected = section.lastChapter() + 1;
        }
        assertThat(expected).isEqualTo(98);
        assertThat(DATA.hsSections().get(15)).extracting(HsSection::roman, HsSection::firstChapter,
                HsSection::lastChapter).containsExactly("XVI", 84, 85);
        assertThat(DATA.hsSections().get(16)).extracting(HsSection::roman, HsSection::firstChapter,
                HsSection::lastChapter).containsExactly("XVII", 86, 89);
    }

    @Test
    void chapter77IsReservedAndNoCommodityMapsToIt() {
        assertThat(DATA.hsChapter("77")).get().satisfies(chapter -> {
            assertThat(chapter.reserved()).isTrue();
            assertThat(chapter.title()).isEqualTo("Reserved for possible future use");
        });
        assertThat(DATA.hsChapters().stream().filter(HsChapter::reserved)).hasSize(1);
        assertThat(DATA.chapterOfCommodity("7700000000")).isEmpty();
    }

    @Test
    void commodityCodesMapToChapterAndSection() {
        HsChapter chapter = DATA.chapterOfCommodity("8471300000").orElseThrow();

        assertThat(chapter.code()).isEqualTo("84");
        assertThat(DATA.sectionOf(chapter).roman()).isEqualTo("XVI");
        assertThat(DATA.chapterOfCommodity("0101210010")).get().extracting(HsChapter::section).isEqualTo(1);
        assertThat(DATA.chapterOfCommodity("847130000")).isEmpty();
        assertThat(DATA.chapterOfCommodity("84713000001")).isEmpty();
        assertThat(DATA.chapterOfCommodity("84713000A0")).isEmpty();
        assertThat(DATA.chapterOfCommodity("9900000000")).isEmpty();
        assertThat(DATA.chapterOfCommodity("0000000000")).isEmpty();
        assertThat(DATA.chapterOfCommodity(null)).isEmpty();
    }

    // --- countries

    @Test
    void regionGroupsHaveTheirMembers() {
        assertThat(DATA.regionGroups()).extracting(RegionGroup::code).contains("ASEAN", "EU", "BELT_AND_ROAD",
                "LATIN_AMERICA", "AFRICA", "CENTRAL_ASIA", "MIDDLE_EAST", "NORTH_AMERICA", "RCEP", "OCEANIA", "ASIA", "EUROPE");
        assertThat(members("ASEAN")).hasSize(10);
        assertThat(members("EU")).hasSize(27).contains("DE", "FR", "IT", "PL", "HU");
        assertThat(members("CENTRAL_ASIA")).containsExactlyInAnyOrder("KZ", "UZ", "KG", "TJ", "TM");
        assertThat(members("RCEP")).hasSize(14).contains("JP", "KR", "AU", "NZ");
        assertThat(members("NORTH_AMERICA")).containsExactlyInAnyOrder("US", "CA");
    }

    @Test
    void theContinentsPartitionThePartners() {
        List<String> continents = DATA.regionGroups().stream().filter(RegionGroup::continent).map(RegionGroup::code).toList();
        assertThat(continents).containsExactlyInAnyOrder("ASIA", "EUROPE", "AFRICA", "LATIN_AMERICA", "NORTH_AMERICA", "OCEANIA");
        assertThat(DATA.countries()).allSatisfy(country ->
                assertThat(continents.stream().filter(country::isIn)).as(country.alpha2()).hasSize(1));
        assertThat(continents.stream().mapToLong(c -> members(c).size()).sum()).isEqualTo(DATA.countries().size());
        assertThat(members("EUROPE")).contains("DE", "GB", "RU", "CH").doesNotContain("TR");
        assertThat(members("ASIA")).contains("TW", "HK", "JP", "TR", "KZ", "SA");
    }

    @Test
    void aPartnerOnNoContinentOrOnTwoIsRejected() {
        String groups = "code,name,continent\nASIA,Asia,true\nEUROPE,Europe,true\nEU,European Union,false\n";
        assertThatThrownBy(() -> loadWith(Map.of(ReferenceData.REGION_GROUPS, groups,
                ReferenceData.COUNTRIES, "alpha2,name,regions\nDE,Germany,EU\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/countries.csv line 2: a partner is on exactly one continent, DE is on 0");
        assertThatThrownBy(() -> loadWith(Map.of(ReferenceData.REGION_GROUPS, groups,
                ReferenceData.COUNTRIES, "alpha2,name,regions\nTR,Turkey,ASIA|EUROPE\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/countries.csv line 2: a partner is on exactly one continent, TR is on 2");
    }

    @Test
    void beltAndRoadFollowsTheSignedCooperationDocuments() {
        assertThat(members("BELT_AND_ROAD")).contains("RU", "KZ", "SA", "AE", "VN", "PL", "HU", "GR", "PT", "NG",
                "ZA", "CL", "NZ");
        assertThat(members("BELT_AND_ROAD")).doesNotContain("US", "JP", "IN", "DE", "FR", "IT", "AU", "BR", "GB");
    }

    @Test
    void partnersAreTheMainOnesAndNeverChina() {
        assertThat(DATA.countries()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(DATA.country("CN")).isEmpty();
        assertThat(DATA.country("US")).get().extracting(Country::name).isEqualTo("United States");
        assertThat(DATA.country("HK").orElseThrow().regions()).containsExactly("ASIA");
        assertThat(DATA.country("TW")).get().extracting(Country::name).isEqualTo("Taiwan, China");
        assertThat(DATA.country(null)).isEmpty();
    }

    // --- exchange rates

    @Test
    void everyCurrencyHasARateForEveryMonth2023To2026() {
        assertThat(DATA.currencies()).containsExactlyInAnyOrder("CNY", "USD", "EUR", "JPY", "HKD", "GBP", "KRW",
                "AUD", "SGD", "CHF", "CAD", "RUB", "MYR", "THB");
        for (YearMonth month = YearMonth.of(2023, 1); !month.isAfter(YearMonth.of(2026, 12)); month = month.plusMonths(1)) {
            assertThat(DATA.cnyPerUnit("USD", month)).as("USD %s", month).get()
                    .satisfies(rate -> assertThat(rate).isBetween(new BigDecimal("6.5"), new BigDecimal("7.5")));
            for (String currency : DATA.currencies()) {
                assertThat(DATA.cnyPerUnit(currency, month)).as("%s %s", currency, month).isPresent();
            }
        }
    }

    @Test
    void ratesHaveSensibleMagnitudes() {
        YearMonth january2024 = YearMonth.of(2024, 1);
        assertThat(DATA.cnyPerUnit("USD", january2024)).contains(new BigDecimal("7.1048"));
        assertThat(DATA.cnyPerUnit("EUR", january2024).orElseThrow()).isBetween(new BigDecimal("7.5"), new BigDecimal("8.1"));
        assertThat(DATA.cnyPerUnit("JPY", january2024).orElseThrow()).isBetween(new BigDecimal("0.045"), new BigDecimal("0.052"));
        assertThat(DATA.cnyPerUnit("KRW", january2024).orElseThrow()).isBetween(new BigDecimal("0.0050"), new BigDecimal("0.0057"));
        assertThat(DATA.cnyPerUnit("HKD", january2024).orElseThrow()).isBetween(new BigDecimal("0.89"), new BigDecimal("0.93"));
    }

    @Test
    void cnyIsAlwaysOneAndUnknownsAreEmpty() {
        assertThat(DATA.cnyPerUnit("CNY", YearMonth.of(1999, 1))).containsSame(BigDecimal.ONE);
        assertThat(DATA.cnyPerUnit("CNY", YearMonth.of(2025, 8))).containsSame(BigDecimal.ONE);
        assertThat(DATA.cnyPerUnit("XYZ", YearMonth.of(2025, 8))).isEmpty();
        assertThat(DATA.cnyPerUnit("USD", YearMonth.of(2022, 12))).isEmpty();
        assertThat(DATA.cnyPerUnit("USD", YearMonth.of(2027, 1))).isEmpty();
        assertThat(DATA.cnyPerUnit(null, YearMonth.of(2025, 8))).isEmpty();
        assertThat(DATA.cnyPerUnit("USD", null)).isEmpty();
    }

    // --- loading fails fast, naming the file and line

    @Test
    void duplicateZoneCodeIsRejected() {
        String zones = original(ReferenceData.ZONES);
        int line = lineCount(zones) + 1;

        assertThatThrownBy(() -> loadWith(ReferenceData.ZONES,
                zones + "8013,Another Zone,COMPREHENSIVE_BONDED_ZONE,Chongqing,true,8000,synthetic: test\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/zones.csv line " + line + ": duplicate key 8013");
    }

    @Test
    void unknownEnumValueIsRejected() {
        assertThatThrownBy(() -> loadWith(ReferenceData.TRADE_MODES,
                "code,name,gac_trade_mode,statistics,direction,outside_zone,first_line,second_line,intra_zone,area_types\n"
                        + "0110,General trade,10,SOMETIMES,BOTH,true,false,true,false,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/trade-modes.csv line 2: unknown StatisticalInclusion 'SOMETIMES'");
        assertThatThrownBy(() -> loadWith(ReferenceData.GAC_TRADE_MODES, "code,name,rollup\n10,General trade,BARTER\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/gac-trade-modes.csv line 2: unknown StatisticalRegime 'BARTER'");
        assertThatThrownBy(() -> loadWith(ReferenceData.TRADE_MODES,
                "code,name,gac_trade_mode,statistics,direction,outside_zone,first_line,second_line,intra_zone,area_types\n"
                        + "0110,General trade,77,INCLUDED,BOTH,true,false,true,false,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/trade-modes.csv line 2: unknown GAC trade mode '77'");
    }

    @Test
    void malformedRowIsRejected() {
        assertThatThrownBy(() -> loadWith(ReferenceData.ZONES,
                "code,name,type,province,synthetic,customs_office,source\n# a comment\n"
                        + "801,Short Code Zone,BONDED_AREA,Chongqing,false,8000,synthetic: test\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("reference/zones.csv line 3: code '801'");
        assertThatThrownBy(() -> loadWith(ReferenceData.TRANSPORT_MODES, "code,name,area_code\n2,Waterway\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/transport-modes.csv line 2: expected 3 fields, found 2");
    }

    @Test
    void countryInUnknownRegionGroupIsRejected() {
        assertThatThrownBy(() -> loadWith(ReferenceData.COUNTRIES, "alpha2,name,regions\nDE,Germany,EU|EUROPE\nFR,France,EU|EUROZONE\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/countries.csv line 3: unknown region group 'EUROZONE'");
        assertThatThrownBy(() -> loadWith(ReferenceData.COUNTRIES, "alpha2,name,regions\nCN,China,\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("reference/countries.csv line 2:");
    }

    @Test
    void chapterOutsideItsSectionIsRejected() {
        assertThatThrownBy(() -> loadWith(ReferenceData.HS_CHAPTERS, "code,title,section,reserved\n84,Machinery,15,false\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/hs-chapters.csv line 2: chapter 84 is not within section 15");
    }

    @Test
    void exchangeRateGapsAndDuplicatesAreRejected() {
        String header = "month,currency,cny_per_unit\n";
        assertThatThrownBy(() -> loadWith(ReferenceData.EXCHANGE_RATES,
                header + "2024-01,USD,7.1\n2024-01,EUR,7.7\n2024-02,USD,7.1\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/exchange-rates.csv: no EUR rate for 2024-02");
        assertThatThrownBy(() -> loadWith(ReferenceData.EXCHANGE_RATES, header + "2024-01,USD,7.1\n2024-01,USD,7.2\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("reference/exchange-rates.csv line 3: duplicate key 2024-01 USD");
        assertThatThrownBy(() -> loadWith(ReferenceData.EXCHANGE_RATES, header + "2024-13,USD,7.1\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("reference/exchange-rates.csv line 2: month");
    }

    @Test
    void theBundledFilesLoadAgainFromScratch() {
        ReferenceData fresh = ReferenceData.load(ReferenceData::classpathFile);
        assertThat(fresh).isNotSameAs(DATA);
        assertThat(fresh.zones()).isEqualTo(DATA.zones());
    }

    private static Set<String> members(String regionGroup) {
        return DATA.countries().stream().filter(country -> country.isIn(regionGroup)).map(Country::alpha2)
                .collect(Collectors.toSet());
    }

    private static ReferenceData loadWith(String file, String content) {
        return loadWith(Map.of(file, content));
    }

    private static ReferenceData loadWith(Map<String, String> contents) {
        return ReferenceData.load(name -> contents.containsKey(name) ? new StringReader(contents.get(name))
                : ReferenceData.classpathFile(name));
    }

    private static String original(String file) {
        try (BufferedReader reader = new BufferedReader(ReferenceData.classpathFile(file))) {
            return reader.lines().collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
