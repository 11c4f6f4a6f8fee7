package dev.customs.contract.reference;

import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A supervision (trade) mode: how GAC counts it and where it may be declared.
 *
 * @param gacTradeMode        the GAC statistical trade mode it is counted in
 * @param statistics          whether it counts in trade statistics
 * @param onlyDirection       the one direction a one-way mode allows, or null for both
 * @param allowedOutsideZones whether it may be used for trade outside any area ({@code zoneCode} null)
 * @param allowedZoneFlows    the area flows it may be used for
 * @param areaTypes           the area types it is restricted to; empty for any
 */
public record TradeMode(String code, String name, GacTradeMode gacTradeMode, StatisticalInclusion statistics,
                        Direction onlyDirection, boolean allowedOutsideZones, Set<ZoneFlow> allowedZoneFlows,
                        Set<ZoneType> areaTypes) {

    public TradeMode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gacTradeMode, "gacTradeMode");
        Objects.requireNonNull(statistics, "statistics");
        EnumSet<ZoneFlow> flows = EnumSet.noneOf(ZoneFlow.class);
        flows.addAll(allowedZoneFlows);
        allowedZoneFlows = Collections.unmodifiableSet(flows);
        EnumSet<ZoneType> types = EnumSet.noneOf(ZoneType.class);
        types.addAll(areaTypes);
        areaTypes = Collections.unmodifiableSet(types);
    }

    /** The press-level roll-up of its GAC trade mode. */
    public StatisticalRegime regime() {
        return gacTradeMode.rollup();
    }

    /** Whether its declarations count in trade statistics (and so, when they cross the border, in national totals). */
    public boolean countsInTradeStatistics() {
        return statistics.countsInTrade();
    }

    /** zoneFlow null means trade outside any area. */
    public boolean allows(ZoneFlow zoneFlowOrNull) {
        return zoneFlowOrNull == null ? allowedOutsideZones : allowedZoneFlows.contains(zoneFlowOrNull);
    }

    public boolean allowsDirection(Direction direction) {
        return onlyDirection == null || onlyDirection == direction;
    }

    public boolean allowsAreaType(ZoneType type) {
        return areaTypes.isEmpty() || areaTypes.contains(type);
    }
}
