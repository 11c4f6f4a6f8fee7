package dev.customs.zone.api;

import dev.customs.contract.reference.ZoneType;
import dev.customs.contract.rest.DateRange;
import dev.customs.contract.rest.ProblemException;
import dev.customs.zone.config.ZoneApiConfig;
import dev.customs.zone.registry.Area;
import dev.customs.zone.registry.ZoneRegistry;
import dev.customs.zone.totals.RankingMetric;
import dev.customs.zone.totals.ZoneRanking;
import dev.customs.zone.totals.ZoneTotalsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

@Path("/api/zones")
@Produces(MediaType.APPLICATION_JSON)
public class ZoneResource {

    private final ZoneRegistry registry;
    private final ZoneTotalsService totals;
    private final ZoneRanking ranking;
    private final ZoneApiConfig config;

    public ZoneResource(ZoneRegistry registry, ZoneTotalsService totals, ZoneRanking ranking, ZoneApiConfig config) {
        this.registry = registry;
        this.totals = totals;
        this.ranking = ranking;
        this.config = config;
    }

    @GET
    @Operation(summary = "The special customs supervision areas, optionally filtered by type and province")
    public List<Area> zones(
            @Parameter(description = "Area type, e.g. COMPREHENSIVE_BONDED_ZONE") @QueryParam("type") String type,
            @Parameter(description = "Province, e.g. Jiangsu") @QueryParam("province") String province) {
        ZoneType zoneType = type == null ? null : Arrays.stream(ZoneType.values())
                .filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> ProblemException.badParameter("type", "unknown area type '" + type + "'; one of "
                        + Arrays.stream(ZoneType.values()).map(Enum::name).collect(Collectors.joining(", "))));
        return registry.find(zoneType, province);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One area")
    public Area zone(@PathParam("code") String code) {
        return knownZone(code);
    }

    @GET
    @Path("/{code}/totals")
    @Operation(summary = "An area's imports and exports over a date range, by flow and by supervision mode")
    public ZoneTotalsView totals(
            @PathParam("code") String code,
            @Parameter(description = "First declaration date, inclusive (yyyy-MM-dd)", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last declaration date, inclusive (yyyy-MM-dd)", example = "2025-12-31") @QueryParam("to") String to) {
        knownZone(code);
        return ZoneTotalsView.of(totals.totalsOf(code, DateRange.parse(from, to)));
    }

    @GET
    @Path("/ranking")
    @Operation(summary = "Areas ranked by one measure, with each one's share of all area trade")
    public List<RankingEntryView> ranking(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Parameter(description = "declarations, importCny, exportCny, totalCny, importUsd, exportUsd or totalUsd")
            @QueryParam("metric") String metric,
            @Parameter(description = "How many areas, 1 to 200") @QueryParam("limit") Integer limit) {
        DateRange range = DateRange.parse(from, to);
        RankingMetric measure = metric == null ? RankingMetric.totalCny : RankingMetric.named(metric)
                .orElseThrow(() -> ProblemException.badParameter("metric", "unknown metric '" + metric + "'; one of "
                        + Arrays.stream(RankingMetric.values()).map(Enum::name).collect(Collectors.joining(", "))));
        int size = limit == null ? config.defaultRankingLimit() : limit;
        if (size < 1 || size > config.maxRankingLimit()) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + config.maxRankingLimit());
        }
        return ranking.rank(range, measure, size).stream()
                .map(e -> RankingEntryView.of(e, registry.byCode(e.zoneCode()).map(a -> a.name).orElse(null)))
                .toList();
    }

    private Area knownZone(String code) {
        return registry.byCode(code).orElseThrow(() -> ProblemException.notFound("no special customs supervision area '" + code + "'"));
    }
}
