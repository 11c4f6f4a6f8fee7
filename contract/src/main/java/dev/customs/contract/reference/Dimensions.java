package dev.customs.contract.reference;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables behind GAC's further breakdowns of trade: provinces with their NBS region, the enterprise register,
 * customs districts and product groups by HS heading. Kept apart from {@link ReferenceData}, which loads them,
 * so that its own tables stay as they are. Every cross-reference is checked at load time.
 */
final class Dimensions {

    private static final int HEADING_DIGITS = 4;

    private final Map<String, Province> provincesByName;
    private final List<Province> provinces;
    private final Map<String, Enterprise> enterprisesByCode;
    private final List<Enterprise> enterprises;
    private final Map<String, CustomsDistrict> districtsByCode;
    private final List<CustomsDistrict> districts;
    private final Map<String, Set<ProductGroup>> groupsByHeading;
    private final Map<ProductGroup, Set<String>> headingsByGroup;

    Dimensions(List<CsvReader.Row> provinceRows, List<CsvReader.Row> enterpriseRows, List<CsvReader.Row> districtRows,
               List<CsvReader.Row> groupRows) {
        Map<String, Province> byDivision = new TreeMap<>();
        Map<String, Province> byName = new HashMap<>();
        for (CsvReader.Row row : provinceRows) {
            Province province = new Province(row.matching("division", "\\d{2}"), row.required("name"),
                    row.enumValue("region", DomesticRegion.class));
            if (byDivision.putIfAbsent(province.division(), province) != null) {
                throw row.fail("duplicate key " + province.division());
            }
            if (byName.putIfAbsent(province.name(), province) != null) {
                throw row.fail("duplicate province name " + province.name());
            }
        }
        provincesByName = Map.copyOf(byName);
        provinces = List.copyOf(byDivision.values());

        Map<String, Enterprise> byCode = new TreeMap<>();
        for (CsvReader.Row row : enterpriseRows) {
            String uscc = row.required("uscc");
            if (!CreditCodes.isValid(uscc)) {
                throw row.fail("uscc '" + uscc + "' is not a unified social credit code with a valid check character");
            }
            Province province = province(row, "province");
            if (!CreditCodes.division(uscc).equals(province.division())) {
                throw row.fail("uscc " + uscc + " is not registered in " + province.name()
                        + " (division " + province.division() + ")");
            }
            Enterprise enterprise = new Enterprise(uscc, row.required("name"),
                    row.enumValue("type", EnterpriseType.class), province.name());
            if (byCode.putIfAbsent(uscc, enterprise) != null) {
                throw row.fail("duplicate key " + uscc);
            }
        }
        enterprisesByCode = Map.copyOf(byCode);
        enterprises = List.copyOf(byCode.values());

        Map<String, CustomsDistrict> districtMap = new TreeMap<>();
        for (CsvReader.Row row : districtRows) {
            CustomsDistrict district = new CustomsDistrict(row.matching("code", "\\d{2}"), row.required("name"),
                    province(row, "province").name());
            if (districtMap.putIfAbsent(district.code(), district) != null) {
                throw row.fail("duplicate key " + district.code());
            }
        }
        districtsByCode = Map.copyOf(districtMap);
        districts = List.copyOf(districtMap.values());

        Map<String, Set<ProductGroup>> byHeading = new HashMap<>();
        Map<ProductGroup, Set<String>> byGroup = new EnumMap<>(ProductGroup.class);
        for (ProductGroup group : ProductGroup.values()) {
            byGroup.put(group, new TreeSet<>());
        }
        for (CsvReader.Row row : groupRows) {
            ProductGroup group = row.enumValue("group", ProductGroup.class);
            String heading = row.matching("hs_heading", "\\d{4}");
            if (!byGroup.get(group).add(heading)) {
                throw row.fail("duplicate key " + group + " " + heading);
            }
            byHeading.computeIfAbsent(heading, h -> EnumSet.noneOf(ProductGroup.class)).add(group);
        }
        byHeading.replaceAll((heading, groups) -> Collections.unmodifiableSet(groups));
        byGroup.replaceAll((group, headings) -> Collections.unmodifiableSet(headings));
        groupsByHeading = Map.copyOf(byHeading);
        headingsByGroup = Collections.unmodifiableMap(byGroup);
    }

    private Province province(CsvReader.Row row, String column) {
        String name = row.required(column);
        Province province = provincesByName.get(name);
        if (province == null) {
            throw row.fail("unknown province '" + name + "'");
        }
        return province;
    }

    List<Province> provinces() {
        return provinces;
    }

    Optional<Province> province(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(provincesByName.get(name));
    }

    List<Enterprise> enterprises() {
        return enterprises;
    }

    Optional<Enterprise> enterprise(String uscc) {
        return uscc == null ? Optional.empty() : Optional.ofNullable(enterprisesByCode.get(uscc));
    }

    List<CustomsDistrict> customsDistricts() {
        return districts;
    }

    Optional<CustomsDistrict> customsDistrict(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(districtsByCode.get(code));
    }

    Set<ProductGroup> productGroupsOf(String hsCode) {
        if (hsCode == null || hsCode.length() < HEADING_DIGITS) {
            return Set.of();
        }
        return groupsByHeading.getOrDefault(hsCode.substring(0, HEADING_DIGITS), Set.of());
    }

    Set<String> headings(ProductGroup group) {
        return headingsByGroup.get(group);
    }
}
