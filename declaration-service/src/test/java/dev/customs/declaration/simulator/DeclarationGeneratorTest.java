package dev.customs.declaration.simulator;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.CreditCodes;
import dev.customs.contract.reference.ProductGroup;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.RegionGroup;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DeclarationGeneratorTest {

    private static final ReferenceData REFERENCE = ReferenceData.standard();
    private static final long SEED = 42;
    private static final int PER_DAY = 500;
    private static final LocalDate YEAR = LocalDate.of(2024, 1, 1);
    private static final int RULES_SAMPLE = 20_000;
    /**
     * Groups that overlap the regional ones, and the continents; "ASEAN is the largest regional partner" compares
     * the rest, as GAC does (ASEAN, the EU, ...).
     */
    private static final List<String> NOT_REGIONS = Stream.concat(Stream.of("BELT_AND_ROAD", "RCEP"),
            REFERENCE.regionGroups().stream().filter(RegionGroup::continent).map(RegionGroup::code)).toList();

    private static Totals year;
    private static Totals nextYear;

    /** Value in CNY by whatever the calibration tests need, measured from one year of generated requests. */
    private static final class Totals {
        double national;
        double exports;
        double firstLine;
        double firstLineExports;
        double areas;
        double exportElectromechanical;
        double exportChapters84And85;
        double beltAndRoad;
        final Map<String, Double> byArea = new HashMap<>();
        final Map<String, Double> byRegion = new HashMap<>();
        final Map<String, Double> exportsByPartner = new HashMap<>();
        final Map<String, Double> importsByPartner = new HashMap<>();
        /** Imports by partner and then by 10-digit code. */
        final Map<String, Map<String, Double>> importGoods = new HashMap<>();
        final Map<StatisticalRegime, Double> byRegime = new HashMap<>();
    }

    @BeforeAll
    static void generateOneYear() {
        DeclarationGenerator generator = new DeclarationGenerator(SEED, DeclarationGenerator.meanValueCny(PER_DAY, 1));
        year = new Totals();
        nextYear = new Totals();
        for (LocalDate date = YEAR; date.getYear() <= YEAR.getYear() + 1; date = date.plusDays(1)) {
            Totals totals = date.getYear() == YEAR.getYear() ? year : nextYear;
            for (int i = 0; i < PER_DAY; i++) {
                add(totals, generator.next(date));
            }
        }
    }

    /**
     * 2025 as published (SCIO, 14 Jan 2026): exports +6.1%, imports +0.5%, trade +3.8%, the US 8.8% of trade. A
     * year of 500 declarations a day measures growth to about a point and a half (seeds 1, 7 and 42 gave trade
     * +2.9%, +4.0% and +2.4%; 2024's leap day alone takes 0.3 points off); {@link #levelsCompoundTheYearlyGrowthBothWays}
     * checks the levels exactly.
     */
    @Test
    void theNextYearGrowsAsPublishedAndTheUsFallsBack() {
        double imports = year.national - year.exports;
        double nextImports = nextYear.national - nextYear.exports;
        assertThat(nextYear.exports / year.exports - 1).as("export growth").isCloseTo(0.061, within(0.02));
        assertThat(nextImports / imports - 1).as("import growth").isCloseTo(0.005, within(0.03));
        assertThat(nextYear.national / year.national - 1).as("trade growth").isCloseTo(0.038, within(0.018));
        double us = nextYear.exportsByPartner.get("US") + nextYear.importsByPartner.get("US");
        assertThat(us / nextYear.national).as("the US in 2025").isCloseTo(0.088, within(0.008));
    }

    @Test
    void levelsCompoundTheYearlyGrowthBothWays() {
        assertThat(DeclarationGenerator.level(2024, Direction.EXPORT)).isEqualTo(1.0);
        assertThat(DeclarationGenerator.level(2025, Direction.EXPORT)).isCloseTo(1.061, within(1e-12));
        assertThat(DeclarationGenerator.level(2026, Direction.IMPORT)).isCloseTo(1.005 * 1.005, within(1e-12));
        assertThat(DeclarationGenerator.level(2023, Direction.EXPORT)).isCloseTo(1 / 1.071, within(1e-12));
        assertThat(DeclarationGenerator.level(2022, Direction.IMPORT)).isCloseTo(1 / 1.023 / 0.997, within(1e-12));
        assertThat(DeclarationGenerator.level(2021, Direction.IMPORT)).isCloseTo(1 / 1.023 / 0.997 / 0.997, within(1e-12));
    }

    @Test
    void sameSeedGivesTheSameDeclarations() {
        DeclarationGenerator first = new DeclarationGenerator(SEED, 1e6);
        DeclarationGenerator second = new DeclarationGenerator(SEED, 1e6);
        DeclarationGenerator other = new DeclarationGenerator(SEED + 1, 1e6);
        List<DeclarationRequest> a = sample(first, 1_000);
        assertThat(sample(second, 1_000)).isEqualTo(a);
        assertThat(sample(other, 1_000)).isNotEqualTo(a);
    }

    @Test
    void everyDeclarationPassesTheContractRulesAndBeanValidation() {
        // Seen from after the last day generated below, so that every generated date is in the past.
        DeclarationRules rules = new DeclarationRules(REFERENCE,
                java.time.Clock.fixed(java.time.Instant.parse("2027-01-02T00:00:00Z"), java.time.ZoneOffset.UTC));
        // Small values, as at high live rates: rounding must never leave an item at zero in any currency.
        DeclarationGenerator generator = new DeclarationGenerator(SEED, 100);
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            LocalDate first = LocalDate.of(2023, 1, 1);
            for (int i = 0; i < RULES_SAMPLE; i++) {
                // Every month the rate table covers, so every currency meets every rate.
                DeclarationRequest request = generator.next(first.plusDays(i % (4 * 365)));
                assertThat(rules.check(state(request), "")).as("%s", request).isEmpty();
                assertThat(validator.validate(request)).as("%s", request).isEmpty();
                assertThat(request.items()).hasSizeBetween(1, 5);
                if (request.zoneCode() != null) {
                    // The area's supervising office, never the area's own code taken for an office's.
                    assertThat(request.customsOffice()).isEqualTo(
                            ReferenceData.standard().zone(request.zoneCode()).orElseThrow().customsOffice());
                }
            }
        }
    }

    @Test
    void declarantsAreRegisteredEnterprisesWithValidCodes() {
        DeclarationGenerator generator = new DeclarationGenerator(SEED, 1e6);
        for (int i = 0; i < 1_000; i++) {
            String code = generator.next(YEAR).declarantCode();
            assertThat(CreditCodes.isValid(code)).as(code).isTrue();
            assertThat(REFERENCE.enterprise(code)).as(code).isPresent();
        }
    }

    @Test
    void amendmentsChangeTheValueAndNothingElse() {
        DeclarationRequest original = new DeclarationGenerator(SEED, 1e6).next(YEAR);
        DeclarationRequest amended = DeclarationGenerator.revalued(original, 1.05);
        assertThat(amended).usingRecursiveComparison().ignoringFields("items").isEqualTo(original);
        assertThat(amended.items()).hasSameSizeAs(original.items());
        assertThat(amended.items().get(0).value()).isNotEqualByComparingTo(original.items().get(0).value());
        assertThat(amended.items()).allSatisfy(item -> assertThat(item.value().scale()).isEqualTo(2));
    }

    @Test
    void nationalTradeMatchesThe2024TotalAtTheGivenRate() {
        assertThat(year.national / 43.85e12).isCloseTo(1.0, within(0.05));
    }

    @Test
    void exportsAreAbout58PercentOfNationalTrade() {
        assertThat(year.exports / year.national).isCloseTo(0.58, within(0.03));
    }

    /** H1 2023 (domain-facts): areas' first line carried 16.4% of exports and 22.6% of imports, 19% of trade. */
    @Test
    void areasFirstLineTradeIsAboutOneFifthOfNationalTrade() {
        assertThat(year.firstLine / year.national).isCloseTo(0.19, within(0.01));
        assertThat(year.firstLineExports / year.exports).isCloseTo(0.164, within(0.01));
        assertThat((year.firstLine - year.firstLineExports) / (year.national - year.exports)).isCloseTo(0.226, within(0.012));
    }

    @Test
    void theTop30AreasHoldAbout74PercentOfAreaTrade() {
        double top30 = year.byArea.values().stream().sorted(Comparator.reverseOrder()).limit(30)
                .mapToDouble(Double::doubleValue).sum();
        assertThat(top30 / year.areas).isCloseTo(0.74, within(0.05));
    }

    @Test
    void electromechanicalGoodsAre59Point4PercentOfExportsAndChapters84And85Only42() {
        assertThat(year.exportElectromechanical / year.exports).isCloseTo(0.594, within(0.02));
        assertThat(year.exportChapters84And85 / year.exports).isCloseTo(0.42, within(0.02));
    }

    @Test
    void beltAndRoadPartnersHoldOverHalfAndAseanIsTheLargestRegion() {
        assertThat(year.beltAndRoad / year.national).isCloseTo(0.503, within(0.01));
        String largest = year.byRegion.entrySet().stream().filter(e -> !NOT_REGIONS.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(largest).isEqualTo("ASEAN");
        assertThat(year.byRegion.get("ASEAN") / year.national).isCloseTo(0.16, within(0.02));
    }

    /**
     * China's 2024 exports to / imports from a partner, USD bn, as GAC published them (rounded); independent of
     * partners.csv, so a wrong row there fails here.
     */
    @ParameterizedTest
    @CsvSource({"US,524.7,163.6", "HK,292.5,12.5", "KR,146.2,182.0", "TW,75.0,218.0", "AU,72.3,139.9", "BR,73.6,114.6",
            "JP,152.0,156.3", "DE,107.0,95.0", "RU,115.5,129.3", "VN,161.9,98.9"})
    void eachMainPartnersBalanceAndShareAreItsOwn(String partner, double exports, double imports) {
        double exported = year.exportsByPartner.getOrDefault(partner, 0.0);
        double imported = year.importsByPartner.getOrDefault(partner, 0.0);
        assertThat(exported / (exported + imported)).as("%s exports / trade", partner)
                .isCloseTo(exports / (exports + imports), within(0.04));
        assertThat((exported + imported) / year.national).as("%s share of trade", partner)
                .isCloseTo((exports + imports) / 6_163.8, within(0.1 * (exports + imports) / 6_163.8 + 0.002));
    }

    @Test
    void thePublishedRegionSharesHold() {
        assertThat(year.byRegion.get("EU") / year.national).isCloseTo(0.129, within(0.01));
        assertThat((year.exportsByPartner.get("US") + year.importsByPartner.get("US")) / year.national)
                .isCloseTo(0.112, within(0.01));
        assertThat((year.exportsByPartner.get("KR") + year.importsByPartner.get("KR")) / year.national)
                .isCloseTo(0.053, within(0.006));
        double continents = Stream.of("ASIA", "EUROPE", "AFRICA", "LATIN_AMERICA", "NORTH_AMERICA", "OCEANIA")
                .mapToDouble(c -> year.byRegion.getOrDefault(c, 0.0)).sum();
        assertThat(continents / year.national).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void importsFromAPartnerFollowWhatItSells() {
        assertThat(importShare("SA", "2709000000")).as("crude oil of imports from Saudi Arabia").isCloseTo(0.75, within(0.08));
        assertThat(importShare("AU", "2601110000")).as("iron ore of imports from Australia").isCloseTo(0.55, within(0.08));
        assertThat(importShare("TW", "8542319000")).as("processors of imports from Taiwan").isGreaterThan(0.3);
        assertThat(importShare("BR", "1201901000")).as("soybeans of imports from Brazil").isCloseTo(0.30, within(0.08));
        // The national mix is unchanged: goods.csv gives crude oil 0.125 of the import shares.
        double imports = year.importGoods.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum();
        double crude = year.importGoods.values().stream().mapToDouble(m -> m.getOrDefault("2709000000", 0.0)).sum();
        double shares = Calibration.IMPORT_GOODS.stream().mapToDouble(Weighted.Option::share).sum();
        assertThat(crude / imports).as("crude oil of all imports").isCloseTo(0.125 / shares, within(0.015));
    }

    private static double importShare(String partner, String hsCode) {
        Map<String, Double> goods = year.importGoods.get(partner);
        return goods.getOrDefault(hsCode, 0.0) / goods.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void generalAndProcessingTradeHoldTheirNationalShares() {
        assertThat(year.byRegime.get(StatisticalRegime.GENERAL_TRADE) / year.national).isCloseTo(0.641, within(0.03));
        assertThat(year.byRegime.get(StatisticalRegime.PROCESSING_TRADE) / year.national).isCloseTo(0.181, within(0.03));
    }

    @Test
    void theRankLawPutsTheWantedShareInTheTopAreasWithoutOneDominating() {
        double s = DeclarationGenerator.rankExponent(174, 30, 0.739, Calibration.AREA_RANK_OFFSET);
        double[] weights = IntStream.rangeClosed(1, 174)
                .mapToDouble(rank -> DeclarationGenerator.rankWeight(rank, s, Calibration.AREA_RANK_OFFSET)).toArray();
        double all = Arrays.stream(weights).sum();
        assertThat(Arrays.stream(weights).limit(30).sum() / all).isCloseTo(0.739, within(1e-9));
        assertThat(weights[0] / all).isBetween(0.04, 0.10);
        double leader = year.byArea.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(leader / year.areas).isBetween(0.04, 0.10);
    }

    @Test
    void everyCalibratedPartnerIsInTheReferenceData() {
        assertThat(Calibration.PARTNER_TRADE.keySet())
                .allSatisfy(code -> assertThat(REFERENCE.country(code)).as(code).isPresent());
        assertThat(REFERENCE.countries()).extracting(Country::alpha2)
                .allSatisfy(code -> assertThat(Calibration.PARTNER_TRADE).as(code).containsKey(code));
        assertThat(Calibration.IMPORT_AFFINITIES.keySet())
                .allSatisfy(code -> assertThat(REFERENCE.country(code)).as(code).isPresent());
    }

    private static List<DeclarationRequest> sample(DeclarationGenerator generator, int count) {
        List<DeclarationRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(generator.next(YEAR.plusDays(i % 365)));
        }
        return out;
    }

    private static void add(Totals t, DeclarationRequest r) {
        double rate = REFERENCE.cnyPerUnit(r.currency(), YearMonth.from(r.declarationDate())).orElseThrow().doubleValue();
        double electromechanical = 0;
        double chapters84And85 = 0;
        double value = 0;
        for (ItemRequest item : r.items()) {
            double cny = item.value().doubleValue() * rate;
            value += cny;
            electromechanical += REFERENCE.productGroupsOf(item.hsCode()).contains(ProductGroup.ELECTROMECHANICAL) ? cny : 0;
            chapters84And85 += item.hsCode().startsWith("84") || item.hsCode().startsWith("85") ? cny : 0;
        }
        if (r.zoneCode() != null) {
            t.areas += value;
            t.byArea.merge(r.zoneCode(), value, Double::sum);
        }
        if ((r.zoneFlow() != null && r.zoneFlow() != ZoneFlow.FIRST_LINE)
                || !REFERENCE.tradeMode(r.tradeMode()).orElseThrow().countsInTradeStatistics()) {
            return;
        }
        t.national += value;
        t.firstLine += r.zoneFlow() == ZoneFlow.FIRST_LINE ? value : 0;
        if (r.direction() == Direction.EXPORT) {
            t.exports += value;
            t.exportElectromechanical += electromechanical;
            t.exportChapters84And85 += chapters84And85;
            t.exportsByPartner.merge(r.partnerCountry(), value, Double::sum);
            t.firstLineExports += r.zoneFlow() == ZoneFlow.FIRST_LINE ? value : 0;
        } else {
            t.importsByPartner.merge(r.partnerCountry(), value, Double::sum);
            Map<String, Double> goods = t.importGoods.computeIfAbsent(r.partnerCountry(), p -> new HashMap<>());
            for (ItemRequest item : r.items()) {
                goods.merge(item.hsCode(), item.value().doubleValue() * rate, Double::sum);
            }
        }
        Country partner = REFERENCE.country(r.partnerCountry()).orElseThrow();
        t.beltAndRoad += partner.isIn("BELT_AND_ROAD") ? value : 0;
        for (String region : partner.regions()) {
            t.byRegion.merge(region, value, Double::sum);
        }
        t.byRegime.merge(REFERENCE.tradeMode(r.tradeMode()).orElseThrow().regime(), value, Double::sum);
    }

    /** The event state the service would build: each item converted and rounded once, totals summed. */
    private static DeclarationState state(DeclarationRequest r) {
        YearMonth month = YearMonth.from(r.declarationDate());
        BigDecimal rate = REFERENCE.cnyPerUnit(r.currency(), month).orElseThrow();
        BigDecimal usdRate = REFERENCE.cnyPerUnit("USD", month).orElseThrow();
        List<DeclarationItem> items = r.items().stream().map(i -> {
            BigDecimal cny = i.value().multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
            return new DeclarationItem(i.itemNo(), i.hsCode(), i.quantity(), i.unit(), cny,
                    cny.divide(usdRate, 2, RoundingMode.HALF_EVEN));
        }).toList();
        return new DeclarationState(r.declarationDate(), r.direction(), r.zoneCode(), r.zoneFlow(), r.tradeMode(),
                r.customsOffice(), r.declarantCode(), r.partnerCountry(), r.transportMode(), r.currency(), items,
                items.stream().map(DeclarationItem::valueCny).reduce(BigDecimal.ZERO, BigDecimal::add),
                items.stream().map(DeclarationItem::valueUsd).reduce(BigDecimal.ZERO, BigDecimal::add), false);
    }
}
