package dev.customs.declaration.simulator;

import dev.customs.contract.reference.CsvReader;
import dev.customs.contract.reference.DomesticRegion;
import dev.customs.contract.reference.Enterprise;
import dev.customs.contract.reference.EnterpriseType;
import dev.customs.contract.reference.Province;
import dev.customs.contract.reference.ReferenceData;
import dev.customs.contract.reference.Zone;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Picks the declarant of a generated declaration from the enterprise register, so that trade by enterprise type
 * and by domestic region comes out at the shares of calibration/declarants.csv. The type is drawn by its share;
 * an area's declaration then takes an enterprise of that type in the area's province, any other declaration an
 * enterprise of that type in a region drawn by share. Declarations of areas count nationally at
 * {@link Calibration#ZONE_SHARE}, and areas' regions are fixed by where the areas are, so the regions of the
 * others are weighted to make up the difference. Within a type and region (or province) every enterprise is
 * equally likely, so with a register of thousands none dominates.
 */
final class Declarants {

    private static final String ENTERPRISE_TYPE = "enterprise_type";
    private static final String DOMESTIC_REGION = "domestic_region";

    /** By year; a year between or past the rows takes the latest earlier one, a year before them the first. */
    private final NavigableMap<Integer, Weighted<EnterpriseType>> typesByYear = new TreeMap<>();
    private final Weighted<DomesticRegion> outsideRegions;
    private final Map<EnterpriseType, Map<DomesticRegion, List<String>>> byTypeAndRegion = new EnumMap<>(EnterpriseType.class);
    private final Map<String, Map<EnterpriseType, List<String>>> byProvinceAndType = new HashMap<>();
    private final Map<String, List<String>> byProvince = new HashMap<>();

    /** @param zones how often each area is drawn for an area's declaration */
    Declarants(ReferenceData reference, Weighted<Zone> zones) {
        this(reference, zones, Calibration.read("declarants.csv", "year", "dimension", "code", "share", "source"));
    }

    Declarants(ReferenceData reference, Weighted<Zone> zones, List<CsvReader.Row> shares) {
        Map<Integer, Map<EnterpriseType, Double>> typeSharesByYear = new TreeMap<>();
        Map<DomesticRegion, Double> regionShares = new EnumMap<>(DomesticRegion.class);
        for (CsvReader.Row row : shares) {
            double share = row.number("share");
            int year = row.integer("year");
            switch (row.required("dimension")) {
                case ENTERPRISE_TYPE -> typeSharesByYear.computeIfAbsent(year, y -> new EnumMap<>(EnterpriseType.class))
                        .put(row.enumValue("code", EnterpriseType.class), share);
                case DOMESTIC_REGION -> {
                    if (year != Calibration.BASE_YEAR) {
                        throw row.fail("region shares are given for " + Calibration.BASE_YEAR + " only");
                    }
                    regionShares.put(row.enumValue("code", DomesticRegion.class), share);
                }
                default -> throw row.fail("dimension must be " + ENTERPRISE_TYPE + " or " + DOMESTIC_REGION);
            }
        }
        Map<EnterpriseType, Double> typeShares = typeSharesByYear.get(Calibration.BASE_YEAR);
        if (typeShares == null) {
            throw new IllegalStateException("declarants.csv has no enterprise types for " + Calibration.BASE_YEAR);
        }
        for (Enterprise e : reference.enterprises()) {
            DomesticRegion region = region(reference, e.province());
            byTypeAndRegion.computeIfAbsent(e.type(), t -> new EnumMap<>(DomesticRegion.class))
                    .computeIfAbsent(region, r -> new ArrayList<>()).add(e.uscc());
            byProvinceAndType.computeIfAbsent(e.province(), p -> new EnumMap<>(EnterpriseType.class))
                    .computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e.uscc());
            byProvince.computeIfAbsent(e.province(), p -> new ArrayList<>()).add(e.uscc());
        }
        typeSharesByYear.forEach((year, byType) -> {
            if (!byType.keySet().equals(typeShares.keySet())) {
                throw new IllegalStateException("declarants.csv: " + year + " gives the types " + byType.keySet()
                        + ", " + Calibration.BASE_YEAR + " gives " + typeShares.keySet());
            }
            typesByYear.put(year, Weighted.of(byType.entrySet().stream()
                    .map(e -> Weighted.option(e.getKey(), e.getValue())).toList()));
        });

        // The areas' own mix of regions, by how often each area is drawn.
        Map<DomesticRegion, Double> areaMix = new EnumMap<>(DomesticRegion.class);
        for (Zone zone : reference.zones()) {
            if (!byProvince.containsKey(zone.province())) {
                throw new IllegalStateException("the enterprise register has no enterprise in " + zone.province()
                        + ", where area " + zone.code() + " is");
            }
            areaMix.merge(region(reference, zone.province()), zones.probability(zone), Double::sum);
        }
        List<Weighted.Option<DomesticRegion>> outside = new ArrayList<>();
        for (Map.Entry<DomesticRegion, Double> target : regionShares.entrySet()) {
            double share = (target.getValue() - Calibration.ZONE_SHARE * areaMix.getOrDefault(target.getKey(), 0.0))
                    / (1 - Calibration.ZONE_SHARE);
            if (!(share > 0)) {
                throw new IllegalStateException("the areas alone exceed the " + target.getKey() + " share of "
                        + target.getValue());
            }
            outside.add(Weighted.option(target.getKey(), share));
            for (EnterpriseType type : typeShares.keySet()) {
                if (codes(type, target.getKey()).isEmpty()) {
                    throw new IllegalStateException("the enterprise register has no " + type + " enterprise in "
                            + target.getKey());
                }
            }
        }
        outsideRegions = Weighted.of(outside);
    }

    /** The declarant of a declaration of {@code zone} in {@code year}, or of one outside areas when {@code zone} is null. */
    String pick(Zone zone, int year, SplittableRandom random) {
        Map.Entry<Integer, Weighted<EnterpriseType>> types = typesByYear.floorEntry(year);
        EnterpriseType type = (types != null ? types : typesByYear.firstEntry()).getValue().pick(random);
        List<String> codes;
        if (zone == null) {
            codes = codes(type, outsideRegions.pick(random));
        } else {
            codes = byProvinceAndType.get(zone.province()).getOrDefault(type, byProvince.get(zone.province()));
        }
        return codes.get(random.nextInt(codes.size()));
    }

    private List<String> codes(EnterpriseType type, DomesticRegion region) {
        return byTypeAndRegion.getOrDefault(type, Map.of()).getOrDefault(region, List.of());
    }

    private static DomesticRegion region(ReferenceData reference, String province) {
        return reference.province(province).map(Province::region).orElseThrow(() ->
                new IllegalStateException("no province " + province + " in provinces.csv"));
    }
}
