package dev.customs.statistics.totals;

import dev.customs.contract.reference.CustomsDistrict;
import dev.customs.contract.reference.DomesticRegion;
import dev.customs.contract.reference.EnterpriseType;
import dev.customs.contract.reference.ProductGroup;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.TransportMode;
import dev.customs.statistics.ingest.DeclarantDimensions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The further breakdowns GAC publishes: each has a narrow daily and monthly table (V6 migration) keyed by one
 * column, and a list of the codes it knows, with names, in the order GAC's tables show them.
 */
public enum Dimension {
    ENTERPRISE_TYPE("enterprise_type", "declarations", reference -> withUnknown(Arrays.stream(EnterpriseType.values())
            .collect(ordered(Enum::name, EnterpriseType::label)))),
    DOMESTIC_REGION("domestic_region", "declarations", reference -> withUnknown(Arrays.stream(DomesticRegion.values())
            .collect(ordered(Enum::name, DomesticRegion::label)))),
    CUSTOMS_DISTRICT("customs_district", "declarations", reference -> reference.customsDistricts().stream()
            .collect(ordered(CustomsDistrict::code, CustomsDistrict::name))),
    TRANSPORT_MODE("transport_mode", "declarations", reference -> reference.transportModes().stream()
            .collect(ordered(TransportMode::code, TransportMode::name))),
    /** Counted per goods item. */
    PRODUCT_GROUP("product_group", "items", reference -> Arrays.stream(ProductGroup.values())
            .collect(ordered(Enum::name, ProductGroup::label)));

    /** The name of the bucket of declarants the enterprise register does not hold. */
    static final String NOT_REGISTERED = "Declarant not in the enterprise register";

    private final String column;
    private final String countColumn;
    private final Function<ReferenceData, Map<String, String>> names;

    Dimension(String column, String countColumn, Function<ReferenceData, Map<String, String>> names) {
        this.column = column;
        this.countColumn = countColumn;
        this.names = names;
    }

    /** The key column, also the tables' name stem. */
    String column() {
        return column;
    }

    String countColumn() {
        return countColumn;
    }

    /** Every known code and its name, in display order. */
    Map<String, String> names(ReferenceData reference) {
        return names.apply(reference);
    }

    private static Map<String, String> withUnknown(Map<String, String> known) {
        known.put(DeclarantDimensions.UNKNOWN, NOT_REGISTERED);
        return known;
    }

    private static <T> java.util.stream.Collector<T, ?, Map<String, String>> ordered(Function<T, String> code,
                                                                                   Function<T, String> name) {
        return Collectors.toMap(code, name, (a, b) -> a, LinkedHashMap::new);
    }
}
