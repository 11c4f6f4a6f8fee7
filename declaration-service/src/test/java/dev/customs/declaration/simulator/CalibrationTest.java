package dev.customs.declaration.simulator;

import dev.customs.contract.event.Direction;
import dev.customs.contract.reference.Country;
import dev.customs.contract.reference.ProductGroup;
import dev.customs.contract.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The calibration files load, and their totals are the ones docs/simulator-calibration.md states. */
class CalibrationTest {

    private static final ReferenceData REFERENCE = ReferenceData.standard();
    private static final double EXACT = 1e-9;

    @Test
    void nationalFiguresAreThePublishedOnes() {
        assertThat(Calibration.NATIONAL_TRADE_CNY).isEqualTo(43.85e12);
        assertThat(Calibration.EXPORT_SHARE).isCloseTo(0.580, within(0.0005));
        assertThat(Calibration.ZONE_EXPORT_SHARE).isCloseTo(0.501, within(0.0005));
        assertThat(Calibration.OUTSIDE_EXPORT_SHARE).isCloseTo(0.599, within(0.0005));
        assertThat(Calibration.BELT_AND_ROAD_SHARE).isCloseTo(0.503, within(0.0005));
        assertThat(Calibration.NATIONAL_FRACTION).isCloseTo(0.8876, within(0.00005));
        assertThat(Calibration.ZONE_SHARE).isCloseTo(0.190, within(0.0005));
        assertThat(Calibration.TOP_AREAS).isEqualTo(30);
        assertThat(Calibration.MONTH_FACTORS).hasSize(12);
    }

    @Test
    void flowsTakeTheDocumentedShares() {
        double national = Calibration.NATIONAL_FRACTION;
        double area = Calibration.AREA_PER_NATIONAL * national;
        assertThat((1 - Calibration.ZONE_SHARE) * national).isCloseTo(0.719, within(0.0005));
        assertThat(area * Calibration.FIRST_LINE_SHARE_OF_AREA).isCloseTo(0.169, within(0.0005));
        assertThat(area * Calibration.SECOND_LINE_SHARE_OF_AREA).isCloseTo(0.084, within(0.0005));
        assertThat(area * Calibration.INTRA_ZONE_SHARE_OF_AREA).isCloseTo(0.028, within(0.0005));
    }

    @Test
    void everyValueShareTableAddsUpToOne() {
        assertThat(sum(Calibration.OUTSIDE_MODES)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.FIRST_LINE_MODES)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.SECOND_LINE_MODES)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.INTRA_ZONE_MODES)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.CARRIERS)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.IMPORT_TERMS)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.EXPORT_TERMS)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.ITEM_COUNTS)).isCloseTo(1, within(EXACT));
        // The districts' weights are the documented percentages, which add up to 102% and are normalised.
        assertThat(sum(Calibration.PORTS)).isCloseTo(1.02, within(EXACT));
    }

    @Test
    void goodsHoldTheDocumentedShares() {
        assertThat(sum(Calibration.EXPORT_GOODS)).isCloseTo(1, within(EXACT));
        assertThat(sum(Calibration.EXPORT_GOODS, chapter("85"))).isCloseTo(0.238, within(EXACT));
        assertThat(sum(Calibration.EXPORT_GOODS, chapter("84"))).isCloseTo(0.182, within(EXACT));
        assertThat(sum(Calibration.EXPORT_GOODS, chapter("84").or(chapter("85")).negate())).isCloseTo(0.58, within(EXACT));
        // Electromechanical products by the catalogue's headings (product-groups.csv): 59.4% of 2024 exports.
        assertThat(sum(Calibration.EXPORT_GOODS, p -> REFERENCE.productGroupsOf(p.hsCode()).contains(ProductGroup.ELECTROMECHANICAL)))
                .isCloseTo(0.594, within(EXACT));
        // Imports are normalised by the generator; the docs give the raw sum and the shares after normalisation.
        double imports = sum(Calibration.IMPORT_GOODS);
        assertThat(imports).isCloseTo(0.938, within(EXACT));
        assertThat(sum(Calibration.IMPORT_GOODS, chapter("85")) / imports).isCloseTo(0.235, within(0.0005));
        assertThat(sum(Calibration.IMPORT_GOODS, chapter("27")) / imports).isCloseTo(0.197, within(0.0005));
        assertThat(sum(Calibration.IMPORT_GOODS, p -> p.hsCode().equals("2709000000")) / imports)
                .isCloseTo(0.133, within(0.0005));
        assertThat(Calibration.EXPORT_GOODS).extracting(o -> o.value().chapter()).doesNotContain("77");
        assertThat(Calibration.IMPORT_GOODS).extracting(o -> o.value().chapter()).doesNotContain("77");
        assertThat(Calibration.IMPORT_GOODS).extracting(o -> o.value().chapter())
                .allSatisfy(c -> assertThat(REFERENCE.hsChapter(c)).as(c).isPresent());
    }

    @Test
    void partnersAddUpAsDocumented() {
        assertThat(Calibration.PARTNER_TRADE).hasSize(96);
        assertThat(partnerTrade(c -> c.isIn("ASEAN"))).isCloseTo(993.3, within(EXACT));
        assertThat(partnerTrade(c -> c.isIn("EU"))).isCloseTo(793.5, within(EXACT));
        assertThat(partnerTrade(c -> c.isIn("BELT_AND_ROAD"))).isCloseTo(2_722.3, within(EXACT));
        assertThat(partnerTrade(c -> true)).isCloseTo(5_878.5, within(EXACT));
        assertThat(Calibration.HOME_CURRENCIES.values()).allSatisfy(c -> assertThat(REFERENCE.currencies()).contains(c));
    }

    @Test
    void areasModesAndProvincesAreInTheReferenceData() {
        assertThat(Calibration.LEADING_AREAS).hasSize(Calibration.TOP_AREAS).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(REFERENCE.zone(code)).as(code).isPresent());
        // Chengdu High-Tech CBZ was the largest area in 2024 (CNY 502.1 bn, docs/domain-facts.md).
        assertThat(Calibration.LEADING_AREAS.subList(0, 4)).containsExactly("7930", "2369", "4630", "8013");
        assertThat(Calibration.OUTSIDE_MODES).extracting(Weighted.Option::value)
                .allSatisfy(code -> assertThat(REFERENCE.tradeMode(code)).as(code).isPresent());
        // Outside areas 2600, 4561, 3100 and 1371 (1.3%) and on the first line 1371, 4561 and 2600 (4%) are outside
        // trade statistics: 0.810 * 0.987 + 0.190 * 0.96.
        assertThat(Calibration.COUNTED_FRACTION).isCloseTo(0.98187, within(0.000005));
        assertThat(Calibration.PORTS).extracting(o -> o.value().province())
                .allSatisfy(p -> assertThat(REFERENCE.province(p)).as(p).isPresent());
    }

    @Test
    void noAreaCodeIsAnotherOfficesCustomsOfficeCode() {
        // Every customs office code the reference and calibration data use: the districts declarations outside
        // areas are filed at (ports.csv) and the areas' supervising offices (zones.csv customs_office).
        Set<String> offices = new TreeSet<>();
        Calibration.PORTS.forEach(o -> offices.add(o.value().office()));
        REFERENCE.zones().forEach(z -> offices.add(z.customsOffice()));
        assertThat(offices).contains("2200", "2233", "8013");
        // An area's code may be its own supervising office's (Xiyong 8013), never another office's.
        assertThat(REFERENCE.zones()).allSatisfy(z -> {
            if (offices.contains(z.code())) {
                assertThat(z.customsOffice()).as(z.code() + " is a customs office code").isEqualTo(z.code());
            }
        });
    }

    @Test
    void aMalformedRowNamesItsFileAndLine() {
        String figures = "# comment\nname,value,source\nzone_share,0.20,SCIO\nvalue_sigma,one,illustrative\n";
        assertThatThrownBy(() -> Calibration.figures(Calibration.read("calibration/figures.csv",
                new StringReader(figures), "name", "value", "source")))
                .hasMessageContaining("calibration/figures.csv line 4").hasMessageContaining("'one'");
        String terms = "direction,terms,share\nIMPORT,CIF,0.6\nSIDEWAYS,FOB,0.4\n";
        assertThatThrownBy(() -> Calibration.byDirection(Calibration.read("calibration/transaction-terms.csv",
                new StringReader(terms), "direction", "terms", "share"), row -> row.required("terms")))
                .hasMessageContaining("calibration/transaction-terms.csv line 3");
        String carriers = "transport_mode,share\n2,0.55\n4,0\n";
        assertThatThrownBy(() -> Calibration.options(Calibration.read("calibration/carriers.csv",
                new StringReader(carriers), "transport_mode", "share"), row -> row.required("transport_mode")))
                .hasMessageContaining("calibration/carriers.csv line 3").hasMessageContaining("positive");
        String months = "month,factor\n1,0.95\n3,0.85\n";
        assertThatThrownBy(() -> Calibration.monthFactors(Calibration.read("calibration/month-factors.csv",
                new StringReader(months), "month", "factor")))
                .hasMessageContaining("calibration/month-factors.csv line 3");
    }

    private static Predicate<Calibration.Product> chapter(String chapter) {
        return p -> p.chapter().equals(chapter);
    }

    private static double partnerTrade(Predicate<Country> which) {
        return REFERENCE.countries().stream().filter(which)
                .mapToDouble(c -> Calibration.PARTNER_TRADE.get(c.alpha2()).exportsUsdBn()
                        + Calibration.PARTNER_TRADE.get(c.alpha2()).importsUsdBn()).sum();
    }

    private static <T> double sum(List<Weighted.Option<T>> options) {
        return options.stream().mapToDouble(Weighted.Option::share).sum();
    }

    private static double sum(List<Weighted.Option<Calibration.Product>> options, Predicate<Calibration.Product> which) {
        return options.stream().filter(o -> which.test(o.value())).mapToDouble(Weighted.Option::share).sum();
    }
}
