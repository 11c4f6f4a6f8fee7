package dev.customs.statistics.ingest;

import dev.customs.contract.reference.ProductGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the projection keys the further breakdowns by, for registered and unregistered declarants alike. */
class DeclarantDimensionsTest {

    private final DeclarantDimensions dimensions = DeclarantDimensions.standard();

    @Test
    void aRegisteredDeclarantHasItsTypeAndItsProvincesRegion() {
        // enterprises.csv: the demo declarant, private, Chongqing; provinces.csv: Chongqing is WEST.
        assertThat(dimensions.of("91500000MA5U12346T"))
                .isEqualTo(new DeclarantDimensions.Declarant("PRIVATE", "WEST"));
        // enterprises.csv: state-owned, Liaoning (NORTHEAST).
        assertThat(dimensions.of("91210200LMQ9TGUB5T"))
                .isEqualTo(new DeclarantDimensions.Declarant("STATE_OWNED", "NORTHEAST"));
    }

    @Test
    void anyOtherCodeCountsAsUnknownAndNeverFails() {
        DeclarantDimensions.Declarant unknown = new DeclarantDimensions.Declarant("UNKNOWN", "UNKNOWN");
        assertThat(dimensions.of("91440300MA5XXXXXX1")).isEqualTo(unknown);
        assertThat(dimensions.of("")).isEqualTo(unknown);
        assertThat(dimensions.of(null)).isEqualTo(unknown);
    }

    @Test
    void theDistrictIsTheOfficeCodesFirstTwoDigits() {
        assertThat(DeclarantDimensions.customsDistrict("2233")).isEqualTo("22");
        assertThat(DeclarantDimensions.customsDistrict("8013")).isEqualTo("80");
        assertThat(DeclarantDimensions.customsDistrict("9")).isEqualTo("UNKNOWN");
        assertThat(DeclarantDimensions.customsDistrict(null)).isEqualTo("UNKNOWN");
        assertThat(DeclarantDimensions.transportMode("5")).isEqualTo("5");
        assertThat(DeclarantDimensions.transportMode(null)).isEqualTo("UNKNOWN");
    }

    @Test
    void anItemMayBeInBothProductGroups() {
        assertThat(dimensions.productGroupsOf("8542310000"))
                .containsExactlyInAnyOrder(ProductGroup.ELECTROMECHANICAL, ProductGroup.HIGH_TECH);
        assertThat(dimensions.productGroupsOf("6109100000")).isEmpty();
    }
}
