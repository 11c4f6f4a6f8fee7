package dev.customs.contract.reference;

/** The National Bureau of Statistics' economic regions, which GAC uses for trade by domestic region. */
public enum DomesticRegion {
    EAST("Eastern region"),
    CENTRAL("Central region"),
    WEST("Western region"),
    NORTHEAST("North-eastern region");

    private final String label;

    DomesticRegion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
