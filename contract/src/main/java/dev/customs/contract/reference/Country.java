package dev.customs.contract.reference;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trading partner.
 *
 * @param alpha2  ISO 3166-1 alpha-2 code
 * @param regions codes of the {@link RegionGroup}s it belongs to (possibly none)
 */
public record Country(String alpha2, String name, Set<String> regions) {

    public Country {
        Objects.requireNonNull(alpha2, "alpha2");
        Objects.requireNonNull(name, "name");
        // Sorted so that serialised output is stable.
        regions = Collections.unmodifiableSet(new TreeSet<>(regions));
    }

    public boolean isIn(String regionGroup) {
        return regionGroup != null && regions.contains(regionGroup);
    }
}
