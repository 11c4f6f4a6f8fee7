package dev.customs.contract.event;

/**
 * How goods cross a special customs supervision area's boundary. Only {@link #FIRST_LINE} crosses the
 * national border, so only it (and trade outside any area) counts in national import/export totals.
 */
public enum ZoneFlow {
    /** Between the area and abroad. */
    FIRST_LINE,
    /** Between the area and the domestic market. */
    SECOND_LINE,
    /** Between enterprises or areas, inside the bonded regime. */
    INTRA_ZONE;

    public boolean crossesNationalBorder() {
        return this == FIRST_LINE;
    }
}
