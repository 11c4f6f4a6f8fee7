package dev.customs.contract.reference;

/** The kinds of special customs supervision area; new areas are all comprehensive bonded zones. */
public enum ZoneType {
    COMPREHENSIVE_BONDED_ZONE,
    BONDED_PORT_AREA,
    BONDED_AREA,
    EXPORT_PROCESSING_ZONE,
    BONDED_LOGISTICS_PARK,
    CROSS_BORDER_INDUSTRIAL_ZONE
}
