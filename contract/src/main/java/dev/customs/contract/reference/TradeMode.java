package dev.customs.contract.reference;

import dev.customs.contract.event.ZoneFlow;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A supervision (trade) mode and where it may be declared.
 *
 * @param allowedOutsideZones whether it may be used for trade outside any area ({@code zoneCode} null)
 * @param allowedZoneFlows    the area flows it may be used for
 */
public record TradeMode(String code, String name, StatisticalRegime regime, boolean allowedOutsideZones,
                        Set<ZoneFlow> allowedZoneFlows) {

    public TradeMode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regime, "regime");
        EnumSet<ZoneFlow> flows = EnumSet.noneOf(ZoneFlow.class);
        flows.addAll(allowedZoneFlows);
        allowedZoneFlows = Collections.unmodifiableSet(flows);
    }

    /** zoneFlow null means trade outside any area. */
    public boolean allows(ZoneFlow zoneFlowOrNull) {
        return zoneFlowOrNull == null ? allowedOutsideZones : allowedZoneFlows.contains(zoneFlowOrNull);
    }
}
