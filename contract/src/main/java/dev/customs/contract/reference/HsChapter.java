package dev.customs.contract.reference;

import java.util.Objects;

/**
 * A Harmonized System chapter.
 *
 * @param code     two digits, e.g. {@code "84"}
 * @param section  the number of its {@link HsSection}
 * @param reserved true for a chapter the WCO keeps free (77), which no commodity code may use
 */
public record HsChapter(String code, String title, int section, boolean reserved) {

    public HsChapter {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
