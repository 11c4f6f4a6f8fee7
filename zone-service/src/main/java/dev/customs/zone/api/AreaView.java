package dev.customs.zone.api;

import dev.customs.contract.reference.ZoneType;
import dev.customs.zone.registry.Area;

/** One area as the API shows it: a record, so that it is also a CSV row. */
public record AreaView(String code, String name, ZoneType type, String province, boolean synthetic,
                       String customsOffice, String source) {

    static AreaView of(Area area) {
        return new AreaView(area.code(), area.name(), area.type(), area.province(), area.synthetic(),
                area.customsOffice(), area.source());
    }
}
