package dev.customs.declaration.simulator;

import dev.customs.contract.event.ZoneFlow;
import dev.customs.contract.reference.DomesticRegion;
import dev.customs.contract.reference.Enterprise;
import dev.customs.contract.reference.EnterpriseType;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.declaration.api.DeclarationRequest;
import dev.customs.declaration.api.ItemRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A year of generated declarations has the published shares of trade by enterprise type and domestic region. */
class DeclarantsTest {

    private static final ReferenceData REFERENCE = ReferenceData.standard();
    private static final int PER_DAY = 300;
    private static final LocalDate YEAR = LocalDate.of(2024, 1, 1);

    private static double national;
    private static final Map<EnterpriseType, Double> BY_TYPE = new EnumMap<>(EnterpriseType.class);
    private static final Map<DomesticRegion, Double> BY_REGION = new EnumMap<>(DomesticRegion.class);
    private static final Map<String, Double> BY_DECLARANT = new HashMap<>();
    private static int areaDeclarations;
    private static int areaDeclarationsInTheAreasProvince;

    @BeforeAll
    static void generateOneYear() {
        DeclarationGenerator generator = new DeclarationGenerator(17, DeclarationGenerator.meanValueCny(PER_DAY, 1));
        for (LocalDate date = YEAR; date.getYear() == YEAR.getYear(); date = date.plusDays(1)) {
            for (int i = 0; i < PER_DAY; i++) {
                add(generator.next(date));
            }
        }
    }

    private static void add(DeclarationRequest r) {
        // Every generated declarant is in the register: no lookup may fail here.
        Enterprise declarant = REFERENCE.enterprise(r.declarantCode()).orElseThrow();
        if (r.zoneCode() != null) {
            areaDeclarations++;
            if (REFERENCE.zone(r.zoneCode()).orElseThrow().province().equals(declarant.province())) {
                areaDeclarationsInTheAreasProvince++;
            }
        }
        if (r.zoneFlow() != null && r.zoneFlow() != ZoneFlow.FIRST_LINE) {
            return;
        }
        double rate = REFERENCE.cnyPerUnit(r.currency(), YearMonth.from(r.declarationDate())).orElseThrow().doubleValue();
        double value = 0;
        for (ItemRequest item : r.items()) {
            value += item.value().doubleValue() * rate;
        }
        national += value;
        BY_TYPE.merge(declarant.type(), value, Double::sum);
        BY_REGION.merge(REFERENCE.province(declarant.province()).orElseThrow().region(), value, Double::sum);
        BY_DECLARANT.merge(declarant.uscc(), value, Double::sum);
    }

    @Test
    void enterpriseTypesHoldTheir2024Shares() {
        assertThat(BY_TYPE.get(EnterpriseType.PRIVATE) / national).isCloseTo(0.555, within(0.03));
        assertThat(BY_TYPE.get(EnterpriseType.FOREIGN_INVESTED) / national).isCloseTo(0.288, within(0.03));
        assertThat(BY_TYPE.get(EnterpriseType.STATE_OWNED) / national).isCloseTo(0.155, within(0.03));
    }

    /** By count of picks, which is by value too: the type is drawn before and apart from the value. */
    @ParameterizedTest
    @CsvSource({"2024,0.555", "2025,0.573", "2026,0.573", "2020,0.555"})
    void eachYearDrawsItsOwnShareOfPrivateEnterprises(int year, double privateShare) {
        Declarants declarants = new Declarants(REFERENCE,
                Weighted.of(REFERENCE.zones().stream().map(z -> Weighted.option(z, 1.0)).toList()));
        SplittableRandom random = new SplittableRandom(5);
        int picks = 200_000;
        long privateOnes = IntStream.range(0, picks)
                .mapToObj(i -> REFERENCE.enterprise(declarants.pick(null, year, random)).orElseThrow().type())
                .filter(type -> type == EnterpriseType.PRIVATE).count();
        assertThat((double) privateOnes / picks).isCloseTo(privateShare, within(0.004));
    }

    @Test
    void theEasternRegionHoldsIts2024Share() {
        assertThat(BY_REGION.get(DomesticRegion.EAST) / national).isCloseTo(0.797, within(0.03));
        assertThat(BY_REGION.get(DomesticRegion.CENTRAL) / national).isCloseTo(0.090, within(0.02));
        assertThat(BY_REGION.get(DomesticRegion.WEST) / national).isCloseTo(0.085, within(0.02));
        assertThat(BY_REGION.get(DomesticRegion.NORTHEAST) / national).isCloseTo(0.028, within(0.015));
    }

    @Test
    void anAreasDeclarantIsInTheAreasProvince() {
        assertThat(areaDeclarations).isPositive();
        assertThat(areaDeclarationsInTheAreasProvince).isEqualTo(areaDeclarations);
    }

    @Test
    void noDeclarantDominates() {
        double largest = BY_DECLARANT.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(largest / national).isLessThan(0.02);
        assertThat(BY_DECLARANT).hasSizeGreaterThan(2000);
    }
}
