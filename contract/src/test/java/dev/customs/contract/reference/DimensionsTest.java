package dev.customs.contract.reference;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provinces, enterprise register, customs districts and product groups ReferenceData loads. */
class DimensionsTest {

    private static final ReferenceData DATA = ReferenceData.standard();

    @Test
    void provincesFollowTheNbsGrouping() {
        Map<DomesticRegion, Long> perRegion = DATA.provinces().stream()
                .collect(groupingBy(Province::region, counting()));

        assertThat(DATA.provinces()).hasSize(31);
        assertThat(perRegion).containsEntry(DomesticRegion.EAST, 10L).containsEntry(DomesticRegion.CENTRAL, 6L)
                .containsEntry(DomesticRegion.WEST, 12L).containsEntry(DomesticRegion.NORTHEAST, 3L);
        assertThat(DATA.province("Chongqing")).contains(new Province("50", "Chongqing", DomesticRegion.WEST));
        assertThat(DATA.province("Liaoning")).get().extracting(Province::region).isEqualTo(DomesticRegion.NORTHEAST);
        assertThat(DATA.province(null)).isEmpty();
    }

    @Test
    void everyZoneProvinceIsAProvince() {
        assertThat(DATA.zones()).allSatisfy(zone -> assertThat(DATA.province(zone.province())).isPresent());
    }

    @Test
    void registerHoldsTheDemoDeclarantAndThousandsOfValidCodes() {
        assertThat(DATA.enterprise("91500000MA5U12346T")).get().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EnterpriseType.PRIVATE);
            assertThat(e.province()).isEqualTo("Chongqing");
        });
        assertThat(DATA.enterprises()).hasSizeGreaterThan(2000)
                .allSatisfy(e -> assertThat(CreditCodes.isValid(e.uscc())).as(e.uscc()).isTrue());
        assertThat(DATA.enterprise("91310000MA1FL0AB34")).get().extracting(Enterprise::type)
                .isEqualTo(EnterpriseType.FOREIGN_INVESTED);
        assertThat(DATA.enterprise("91500000MA5U12346X")).isEmpty();
        assertThat(DATA.enterprise(null)).isEmpty();
    }

    @Test
    void everyProvinceHasEnterprisesOfTheThreeMainTypes() {
        Map<String, Set<EnterpriseType>> types = DATA.enterprises().stream().collect(groupingBy(Enterprise::province,
                Collectors.mapping(Enterprise::type, Collectors.toSet())));

        assertThat(types).hasSize(31).allSatisfy((province, kinds) -> assertThat(kinds)
                .contains(EnterpriseType.PRIVATE, EnterpriseType.FOREIGN_INVESTED, EnterpriseType.STATE_OWNED));
    }

    @Test
    void checkCharacterFollowsGb32100() {
        // Computed by hand: sum of index * 3^i mod 31 over "91500000MA5U12346" is 0 mod 31 once T (27) is added.
        assertThat(CreditCodes.checkCharacter("91500000MA5U12346")).isEqualTo('T');
        assertThat(CreditCodes.isValid("91500000MA5U12346T")).isTrue();
        assertThat(CreditCodes.isValid("91500000MA5U1234")).isFalse();
        assertThat(CreditCodes.isValid("91500000MA5U12346I")).isFalse();
        assertThat(CreditCodes.isValid(null)).isFalse();
    }

    @Test
    void customsDistrictsCoverEveryZoneAndPortPrefix() {
        assertThat(DATA.customsDistricts()).hasSize(42);
        assertThat(DATA.customsDistrict("22")).contains(new CustomsDistrict("22", "Shanghai", "Shanghai"));
        assertThat(DATA.customsDistrict("80")).get().extracting(CustomsDistrict::name).isEqualTo("Chongqing");
        assertThat(DATA.zones()).allSatisfy(zone -> assertThat(DATA.customsDistrict(zone.code().substring(0, 2)))
                .as(zone.code()).get().extracting(CustomsDistrict::province).isEqualTo(zone.province()));
        assertThat(DATA.customsDistrict("99")).isEmpty();
    }

    @Test
    void productGroupsByHeadingOverlap() {
        assertThat(DATA.productGroupsOf("8471300000"))
                .containsExactlyInAnyOrder(ProductGroup.ELECTROMECHANICAL, ProductGroup.HIGH_TECH);
        assertThat(DATA.productGroupsOf("8703230000")).containsExactly(ProductGroup.ELECTROMECHANICAL);
        assertThat(DATA.productGroupsOf("3002150000")).containsExactly(ProductGroup.HIGH_TECH);
        assertThat(DATA.productGroupsOf("6109100000")).isEmpty();
        assertThat(DATA.productGroupsOf("84")).isEmpty();
        assertThat(DATA.productGroupsOf(null)).isEmpty();
        assertThat(DATA.productGroupHeadings(ProductGroup.ELECTROMECHANICAL))
                .contains("7308", "8201", "8401", "8549", "9209").doesNotContain("8520", "9009", "9203");
    }

    @Test
    void rejectsACodeWithAWrongCheckCharacter() {
        assertThatThrownBy(() -> loadWith(ReferenceData.ENTERPRISES,
                "uscc,name,type,province\n91500000MA5U12346X,Bad,PRIVATE,Chongqing\n"))
                .hasMessageContaining("enterprises.csv").hasMessageContaining("check character");
    }

    @Test
    void rejectsACodeRegisteredInAnotherProvince() {
        assertThatThrownBy(() -> loadWith(ReferenceData.ENTERPRISES,
                "uscc,name,type,province\n91500000MA5U12346T,Moved,PRIVATE,Sichuan\n"))
                .hasMessageContaining("not registered in Sichuan");
    }

    @Test
    void rejectsUnknownProvinceTypeRegionAndGroup() {
        assertThatThrownBy(() -> loadWith(ReferenceData.ENTERPRISES,
                "uscc,name,type,province\n91500000MA5U12346T,X,PRIVATE,Atlantis\n"))
                .hasMessageContaining("unknown province 'Atlantis'");
        assertThatThrownBy(() -> loadWith(ReferenceData.ENTERPRISES,
                "uscc,name,type,province\n91500000MA5U12346T,X,PUBLIC,Chongqing\n"))
                .hasMessageContaining("unknown EnterpriseType 'PUBLIC'");
        assertThatThrownBy(() -> loadWith(ReferenceData.PROVINCES, "division,name,region\n11,Beijing,SOUTH\n"))
                .hasMessageContaining("provinces.csv");
        assertThatThrownBy(() -> loadWith(ReferenceData.PRODUCT_GROUPS, "group,hs_heading\nHIGH_TECH,847\n"))
                .hasMessageContaining("hs_heading '847'");
        assertThatThrownBy(() -> loadWith(ReferenceData.PRODUCT_GROUPS,
                "group,hs_heading\nHIGH_TECH,8471\nHIGH_TECH,8471\n"))
                .hasMessageContaining("duplicate key HIGH_TECH 8471");
        assertThatThrownBy(() -> loadWith(ReferenceData.CUSTOMS_DISTRICTS,
                "code,name,province\n22,Shanghai,Shanghai\n22,Again,Shanghai\n"))
                .hasMessageContaining("duplicate key 22");
    }

    private static ReferenceData loadWith(String file, String content) {
        return ReferenceData.load(name -> name.equals(file) ? new StringReader(content) : ReferenceData.classpathFile(name));
    }
}
