package dev.customs.zone.api;

import dev.customs.contract.reference.ZoneType;
import dev.customs.contract.rest.CsvTableWriter;
import dev.customs.contract.rest.DateRange;
import dev.customs.contract.rest.ProblemException;
import dev.customs.zone.config.ZoneApiConfig;
import dev.customs.zone.registry.Area;
import dev.customs.zone.registry.ZoneRegistry;
import dev.customs.zone.totals.RankingMetric;
import dev.customs.zone.totals.RollupDimension;
import dev.customs.zone.totals.ZoneRanking;
import dev.customs.zone.totals.ZoneRollup;
import dev.customs.zone.totals.ZoneSeries;
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

    private static final String FROM = "First declaration date, inclusive (yyyy-MM-dd); absent means unbounded";
    private static final String TO = "Last declaration date, inclusive (yyyy-MM-dd); absent means unbounded";
    private static final String MONTHLY = "month";

    private final ZoneRegistry registry;
    private final ZoneTotalsService totals;
    private final ZoneRanking ranking;
    private final ZoneSeries series;
    private final ZoneRollup rollup;
    private final ZoneApiConfig config;

    public ZoneResource(ZoneRegistry registry, ZoneTotalsService totals, ZoneRanking ranking, ZoneSeries series,
                        ZoneRollup rollup, ZoneApiConfig config) {
        this.registry = registry;
        this.totals = totals;
        this.ranking = ranking;
        this.series = series;
        this.rollup = rollup;
        this.config = config;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "The special customs supervision areas, optionally filtered by type and province")
    public List<AreaView> zones(
            @Parameter(description = "Area type, e.g. COMPREHENSIVE_BONDED_ZONE") @QueryParam("type") String type,
            @Parameter(description = "Province, e.g. Jiangsu") @QueryParam("province") String province) {
        ZoneType zoneType = type == null ? null : Arrays.stream(ZoneType.values())
                .filter(t -> t.name().equals(type)).findFirst()
                .orElseThrow(() -> ProblemException.badParameter("type", "unknown area type '" + type + "'; one of "
                        + Arrays.stream(ZoneType.values()).map(Enum::name).collect(Collectors.joining(", "))));
        return registry.find(zoneType, province).stream().map(AreaView::of).toList();
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
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
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

    @GET
    @Path("/{code}/series")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "An area's trade month by month, every month of the range (zeros included), with total CNY "
            + "growth on the same days a year earlier")
    public List<ZoneSeriesPointView> series(
            @Parameter(description = "Area code", example = "8013") @PathParam("code") String code,
            @Parameter(description = "month (the only one so far, and the default)", example = MONTHLY)
            @QueryParam("granularity") String granularity,
            @Parameter(description = FROM, example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = TO, example = "2025-12-31") @QueryParam("to") String to) {
        if (granularity != null && !granularity.equals(MONTHLY)) {
            throw ProblemException.badParameter("granularity", "must be month, got '" + granularity + "'");
        }
        DateRange range = DateRange.parse(from, to);
        knownZone(code);
        return series.monthly(code, range).stream().map(ZoneSeriesPointView::of).toList();
    }

    @GET
    @Path("/rollup")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Area trade rolled up by province or by area type, every group (zeros included), largest "
            + "first, with each group's share of all area trade in CNY")
    public List<RollupView> rollup(
            @Parameter(description = "province or type", required = true, example = "province") @QueryParam("by") String by,
            @Parameter(description = FROM, example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = TO, example = "2025-12-31") @QueryParam("to") String to) {
        RollupDimension dimension = RollupDimension.named(by).orElseThrow(() -> ProblemException.badParameter("by",
                "must be one of " + Arrays.stream(RollupDimension.values()).map(Enum::name).collect(Collectors.joining(", "))
                        + ", got '" + by + "'"));
        return rollup.rollup(DateRange.parse(from, to), dimension).stream().map(RollupView::of).toList();
    }

    @GET
    @Path("/concentration")
    @Operation(summary = "How concentrated area trade is: the share of the top N areas (by total CNY) in all area trade")
    public ConcentrationView concentration(
            @Parameter(description = FROM, example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = TO, example = "2025-12-31") @QueryParam("to") String to,
            @Parameter(description = "How many of the largest areas, 1 to 200; default 30", example = "30")
            @QueryParam("top") Integer top) {
        DateRange range = DateRange.parse(from, to);
        int size = top == null ? config.defaultConcentrationTop() : top;
        if (size < 1 || size > config.maxRankingLimit()) {
            throw ProblemException.badParameter("top", "must be between 1 and " + config.maxRankingLimit());
        }
        return ConcentrationView.of(rollup.concentration(range, size));
    }

    private Area knownZone(String code) {
        return registry.byCode(code).orElseThrow(() -> ProblemException.notFound("no special customs supervision area '" + code + "'"));
    }
}
