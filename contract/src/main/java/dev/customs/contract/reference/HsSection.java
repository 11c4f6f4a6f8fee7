package dev.customs.contract.reference;

import java.util.Objects;

/** A Harmonized System section, covering chapters {@code firstChapter..lastChapter} inclusive. */
public record HsSection(int number, String roman, String title, int firstChapter, int lastChapter) {

    public HsSection {
        Objects.requireNonNull(roman, "roman");
        Objects.requireNonNull(title, "title");
    }

    public boolean contains(int chapter) {
        return chapter >= firstChapter && chapter <= lastChapter;
    }
}
