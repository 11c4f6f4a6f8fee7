package dev.customs.statistics.ingest;

import dev.customs.contract.reference.Enterprise;
import dev.customs.contract.reference.ProductGroup;
import dev.customs.contract.reference.Province;
import dev.customs.contract.reference.ReferenceData;

import java.util.Set;

/**
 * What the further breakdowns key a declaration by, looked up in the reference data. Any Kafka producer may
 * send any declarant code, so a code the enterprise register does not hold is counted, never refused: as
 * {@value #UNKNOWN} for both its enterprise type and its domestic region. A customs office code whose first
 * two digits name no district is kept by those digits; the API shows such a district without a name.
 */
public final class DeclarantDimensions {

    /** The enterprise type and domestic region of a declarant the register does not hold. */
    public static final String UNKNOWN = "UNKNOWN";

    private static final int DISTRICT_DIGITS = 2;

    /** A declarant's enterprise type and domestic region, as stored. */
    public record Declarant(String enterpriseType, String domesticRegion) {
    }

    private static final Declarant NOT_REGISTERED = new Declarant(UNKNOWN, UNKNOWN);

    private final ReferenceData reference;

    DeclarantDimensions(ReferenceData reference) {
        this.reference = reference;
    }

    public static DeclarantDimensions standard() {
        return new DeclarantDimensions(ReferenceData.standard());
    }

    public Declarant of(String declarantCode) {
        Enterprise enterprise = reference.enterprise(declarantCode).orElse(null);
        if (enterprise == null) {
            return NOT_REGISTERED;
        }
        // The register refuses to load an enterprise of an unknown province, so the province is always there.
        String region = reference.province(enterprise.province()).map(Province::region).map(Enum::name).orElse(UNKNOWN);
        return new Declarant(enterprise.type().name(), region);
    }

    /** The district of a customs office: its code's first two digits ({@value #UNKNOWN} when it has fewer). */
    public static String customsDistrict(String customsOffice) {
        return customsOffice == null || customsOffice.length() < DISTRICT_DIGITS
                ? UNKNOWN : customsOffice.substring(0, DISTRICT_DIGITS);
    }

    /** A transport mode as stored ({@value #UNKNOWN} for none). */
    public static String transportMode(String code) {
        return code == null ? UNKNOWN : code;
    }

    public Set<ProductGroup> productGroupsOf(String hsCode) {
        return reference.productGroupsOf(hsCode);
    }
}
