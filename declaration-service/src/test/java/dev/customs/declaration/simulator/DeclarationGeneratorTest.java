package dev.customs.declaration.simulator;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationRules;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.StatisticalRegime;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DeclarationGeneratorTest {

    private static final ReferenceData REFERENCE = ReferenceData.standard();
    private static final long SEED = 42;
    private static final int PER_DAY = 500;
    private static final LocalDate YEAR = LocalDate.of(2024, 1, 1);
    private static final int RULES_SAMPLE = 20_000;
    /** Groups that overlap the regional ones; "ASEAN is the largest regional partner" compares the rest. */
    private static final List<String> NOT_REGIONS = List.of("BELT_AND_ROAD", "RCEP");

    private static Totals year;

    /** Value in CNY by whatever the calibration tests need, measured from one year of generated requests. */
    private static final class Totals {
        double national;
        double exports;
        double firstLine;
        double areas;
        double exportElectromechanical;
        double beltAndRoad;
        final Map<String, Double> byArea = new HashMap<>();
        final Map<String, Double> byRegion = new HashMap<>();
        final Map<StatisticalRegime, Double> byRegime = new HashMap<>();
    }

    @BeforeAll
    static void generateOneYear() {
        DeclarationGenerator generator = new DeclarationGenerator(SEED, DeclarationGenerator.meanValueCny(PER_DAY, 1));
        year = new Totals();
        for (LocalDate date = YEAR; date.getYear() == YEAR.getYear(); date = date.plusDays(1)) {
            for (int i = 0; i < PER_DAY; i++) {
                add(year, generator.next(date));
            }
        }
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
    void declarantCodesCarryAValidCheckCharacter() {
        // Published examples of unified social credit codes.
        assertThat(DeclarationGenerator.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(DeclarationGenerator.checkCharacter("91110000100011743")).isEqualTo('X');
        DeclarationRequest request = new DeclarationGenerator(SEED, 1e6).next(YEAR);
        String code = request.declarantCode();
        assertThat(DeclarationGenerator.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
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

    @Test
    void areasFirstLineTradeIsAboutOneFifthOfNationalTrade() {
        assertThat(year.firstLine / year.national).isCloseTo(0.20, within(0.03));
    }

    @Test
    void theTop30AreasHoldAbout74PercentOfAreaTrade() {
        double top30 = year.byArea.values().stream().sorted(Comparator.reverseOrder()).limit(30)
                .mapToDouble(Double::doubleValue).sum();
        assertThat(top30 / year.areas).isCloseTo(0.74, within(0.05));
    }

    @Test
    void electromechanicalGoodsAreAbout60PercentOfExports() {
        assertThat(year.exportElectromechanical / year.exports).isCloseTo(0.60, within(0.04));
    }

    @Test
    void beltAndRoadPartnersHoldOverHalfAndAseanIsTheLargestRegion() {
        assertThat(year.beltAndRoad / year.national).isGreaterThan(0.5);
        String largest = year.byRegion.entrySet().stream().filter(e -> !NOT_REGIONS.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(largest).isEqualTo("ASEAN");
        assertThat(year.byRegion.get("ASEAN") / year.national).isCloseTo(0.16, within(0.02));
    }

    @Test
    void generalAndProcessingTradeHoldTheirNationalShares() {
        assertThat(year.byRegime.get(StatisticalRegime.GENERAL_TRADE) / year.national).isCloseTo(0.645, within(0.03));
        assertThat(year.byRegime.get(StatisticalRegime.PROCESSING_TRADE) / year.national).isCloseTo(0.18, within(0.03));
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
        assertThat(Calibration.PARTNER_TRADE_USD_BN.keySet())
                .allSatisfy(code -> assertThat(REFERENCE.country(code)).as(code).isPresent());
        assertThat(REFERENCE.countries()).extracting(Country::alpha2)
                .allSatisfy(code -> assertThat(Calibration.PARTNER_TRADE_USD_BN).as(code).containsKey(code));
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
        double value = 0;
        for (ItemRequest item : r.items()) {
            double cny = item.value().doubleValue() * rate;
            value += cny;
            electromechanical += item.hsCode().startsWith("84") || item.hsCode().startsWith("85") ? cny : 0;
        }
        if (r.zoneCode() != null) {
            t.areas += value;
            t.byArea.merge(r.zoneCode(), value, Double::sum);
        }
        if (r.zoneFlow() != null && r.zoneFlow() != ZoneFlow.FIRST_LINE) {
            return;
        }
        t.national += value;
        t.firstLine += r.zoneFlow() == ZoneFlow.FIRST_LINE ? value : 0;
        if (r.direction() == Direction.EXPORT) {
            t.exports += value;
            t.exportElectromechanical += electromechanical;
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
