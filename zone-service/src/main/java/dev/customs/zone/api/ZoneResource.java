package dev.customs.zone.api;

import dev.customs.contract.reference.ZoneType;
import dev.customs.rest.Caller;
import dev.customs.rest.CsvTableWriter;
import dev.customs.rest.DateRangeParams;
import dev.customs.rest.PageRequest;
import dev.customs.rest.Paging;
import dev.customs.rest.ProblemException;
import dev.customs.rest.QueryParams;
import dev.customs.rest.Roles;
import dev.customs.rest.SeriesParams;
import dev.customs.totals.DateRange;
import dev.customs.zone.config.ZoneApiConfig;
import dev.customs.zone.registry.Area;
import dev.customs.zone.registry.ZoneRegistry;
import dev.customs.zone.totals.AreaFlow;
import dev.customs.zone.totals.RankingMetric;
import dev.customs.zone.totals.RollupDimension;
import dev.customs.zone.totals.ZoneBreakdowns;
import dev.customs.zone.totals.ZoneRanking;
import dev.customs.zone.totals.ZoneRollup;
import dev.customs.zone.totals.ZoneSeries;
import dev.customs.zone.totals.ZoneTotalsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;


@Path("/api/zones")
@Produces(MediaType.APPLICATION_JSON)
public class ZoneResource {

    private static final String CODE = "The area's four-digit code";
    private static final String EXAMPLE_CODE = "8013";
    private static final int CODE_DIGITS = 4;
    private static final String CODE_PATTERN = "^[0-9]{4}$";
    private static final String FLOW = "flow";
    /** More than the countries and territories of the reference list. */
    private static final int MAX_PARTNERS = 300;
    private static final String FLOW_DESCRIPTION = "Which flow counts: FIRST_LINE (default; trade with abroad, as GAC's "
            + "area figures count it), SECOND_LINE, INTRA_ZONE or ALL";

    private final ZoneRegistry registry;
    private final ZoneTotalsService totals;
    private final ZoneRanking ranking;
    private final ZoneSeries series;
    private final ZoneRollup rollup;
    private final ZoneBreakdowns breakdowns;
    private final ZoneApiConfig config;
    private final Caller caller;

    public ZoneResource(ZoneRegistry registry, ZoneTotalsService totals, ZoneRanking ranking, ZoneSeries series,
                        ZoneRollup rollup, ZoneBreakdowns breakdowns, ZoneApiConfig config, Caller caller) {
        this.breakdowns = breakdowns;
        this.registry = registry;
        this.totals = totals;
        this.ranking = ranking;
        this.series = series;
        this.rollup = rollup;
        this.config = config;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @RolesAllowed({Roles.DECLARANT, Roles.ANALYST, Roles.AREA_ADMIN, Roles.OPERATOR})
    @Operation(summary = "The special customs supervision areas in code order, optionally filtered by type and "
            + "province, a page at a time (all 174 fit in the default page)")
    public RestResponse<List<AreaView>> zones(
            @Parameter(description = "Area type", example = "COMPREHENSIVE_BONDED_ZONE",
                    schema = @Schema(implementation = ZoneType.class)) @QueryParam("type") String type,
            @Parameter(description = "Province, any case", example = "Jiangsu") @QueryParam("province") String province,
            @Parameter(description = Paging.OFFSET_DESCRIPTION, example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
            @QueryParam(PageRequest.OFFSET) String offset,
            @Parameter(description = "How many areas on the page, 1 to 200; default 200", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Context UriInfo uri) {
        ZoneType zoneType = QueryParams.oneOf("type", type, ZoneType.class, null);
        PageRequest page = PageRequest.parse(offset, limit, config.defaultAreaLimit(), config.maxAreaLimit());
        return Paging.respond(registry.find(zoneType, province), page, AreaView::of, uri);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.DECLARANT, Roles.ANALYST, Roles.AREA_ADMIN, Roles.OPERATOR})
    @Operation(summary = "One area: name, type, province")
    public Area zone(@Parameter(description = CODE, example = EXAMPLE_CODE, schema = @Schema(type = SchemaType.STRING,
            pattern = CODE_PATTERN)) @PathParam("code") String code) {
        return knownZone(code);
    }

    @GET
    @Path("/{code}/totals")
    @RolesAllowed({Roles.ANALYST, Roles.AREA_ADMIN})
    @Operation(summary = "An area's imports and exports over a date range, by flow and by supervision mode; an area "
            + "administrator sees only the areas it administers")
    public ZoneTotalsView totals(
            @Parameter(description = CODE, example = EXAMPLE_CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN)) @PathParam("code") String code,
            @BeanParam DateRangeParams dates) {
        DateRange range = dates.range();
        administeredZone(code);
        return ZoneTotalsView.of(totals.totalsOf(code, range));
    }

    @GET
    @Path("/ranking")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @RolesAllowed({Roles.ANALYST, Roles.AREA_ADMIN})
    @Operation(summary = "Areas with trade of one flow (first line by default) in the range ranked by one measure, "
            + "with each one's share of all area trade of that flow in it, a page at a time: rank and share are over all areas, so the next page continues the rank")
    public RestResponse<List<RankingEntryView>> ranking(
            @BeanParam DateRangeParams dates,
            @Parameter(description = "The measure: declarations, importCny, exportCny, totalCny (default), importUsd, "
                    + "exportUsd or totalUsd", example = "totalCny", schema = @Schema(implementation = RankingMetric.class))
            @QueryParam("metric") String metric,
            @Parameter(description = FLOW_DESCRIPTION, example = "FIRST_LINE",
                    schema = @Schema(implementation = AreaFlow.class)) @QueryParam(FLOW) String flow,
            @Parameter(description = Paging.OFFSET_DESCRIPTION, example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
            @QueryParam(PageRequest.OFFSET) String offset,
            @Parameter(description = "How many areas on the page, 1 to 200; default 10", example = "30",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Context UriInfo uri) {
        DateRange range = dates.range();
        RankingMetric measure = QueryParams.oneOf("metric", metric, RankingMetric.class, RankingMetric.totalCny);
        AreaFlow lines = flow(flow);
        PageRequest page = PageRequest.parse(offset, limit, config.defaultRankingLimit(), config.maxRankingLimit());
        Map<String, String> names = registry.names();
        return Paging.respond(ranking.rank(range, measure, lines), page,
                e -> RankingEntryView.of(e, names.get(e.zoneCode())), uri);
    }

    @GET
    @Path("/{code}/series")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @RolesAllowed({Roles.ANALYST, Roles.AREA_ADMIN})
    @Operation(summary = "An area's trade month by month, every month of the range (zeros included), with total CNY "
            + SeriesParams.GROWTH_SUMMARY)
    public List<ZoneSeriesPointView> series(
            @Parameter(description = CODE, example = EXAMPLE_CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN)) @PathParam("code") String code,
            @Parameter(description = "month (the only one so far, and the default)", example = SeriesParams.MONTHLY,
                    schema = @Schema(type = SchemaType.STRING, enumeration = SeriesParams.MONTHLY))
            @QueryParam("granularity") String granularity,
            @BeanParam DateRangeParams dates) {
        SeriesParams.requireMonthly(granularity);
        DateRange range = dates.range();
        administeredZone(code);
        return series.monthly(code, range).stream().map(ZoneSeriesPointView::of).toList();
    }

    @GET
    @Path("/rollup")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "Area trade rolled up by province or by area type, every group (zeros included), largest "
            + "first, with each group's share of all area trade in CNY; first-line trade unless another flow is asked for")
    public List<RollupView> rollup(
            @Parameter(description = "province or type", required = true, example = "province",
                    schema = @Schema(implementation = RollupDimension.class)) @QueryParam("by") String by,
            @Parameter(description = FLOW_DESCRIPTION, example = "FIRST_LINE",
                    schema = @Schema(implementation = AreaFlow.class)) @QueryParam(FLOW) String flow,
            @BeanParam DateRangeParams dates) {
        RollupDimension dimension = QueryParams.requiredOneOf("by", by, RollupDimension.class);
        AreaFlow lines = flow(flow);
        return rollup.rollup(dates.range(), dimension, lines).stream().map(RollupView::of).toList();
    }

    @GET
    @Path("/concentration")
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "How concentrated area trade is: the share of the top N areas (by total CNY) in all area trade "
            + "of one flow, first-line trade with abroad by default (GAC's top-30 share)")
    public ConcentrationView concentration(
            @BeanParam DateRangeParams dates,
            @Parameter(description = "How many of the largest areas, 1 to 200; default 30", example = "30",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam("top") String top,
            @Parameter(description = FLOW_DESCRIPTION, example = "FIRST_LINE",
                    schema = @Schema(implementation = AreaFlow.class)) @QueryParam(FLOW) String flow) {
        DateRange range = dates.range();
        int size = QueryParams.whole("top", top, config.defaultConcentrationTop(), 1, config.maxRankingLimit());
        AreaFlow lines = flow(flow);
        return ConcentrationView.of(rollup.concentration(range, size, lines));
    }

    @GET
    @Path("/{code}/partners")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @RolesAllowed({Roles.ANALYST, Roles.AREA_ADMIN})
    @Operation(summary = "An area's first-line trade (with abroad) by partner country, largest first, each with its "
            + "share of the area's first-line trade; second-line and intra-zone moves have no partner abroad. An area "
            + "administrator sees only the areas it administers")
    public List<AreaPartnerView> partners(
            @Parameter(description = CODE, example = EXAMPLE_CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN)) @PathParam("code") String code,
            @BeanParam DateRangeParams dates,
            @Parameter(description = "How many partners, 1 to 300; default 10", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "300"))
            @QueryParam("limit") String limit) {
        DateRange range = dates.range();
        int size = QueryParams.whole("limit", limit, config.defaultRankingLimit(), 1, MAX_PARTNERS);
        administeredZone(code);
        return breakdowns.partners(code, range, size).stream().map(AreaPartnerView::of).toList();
    }

    @GET
    @Path("/{code}/commodities")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @RolesAllowed({Roles.ANALYST, Roles.AREA_ADMIN})
    @Operation(summary = "An area's goods by HS chapter in chapter order, items counted, each with its share of the "
            + "area's total CNY in the flow (first line by default); an area administrator sees only the areas it "
            + "administers")
    public List<AreaCommodityView> commodities(
            @Parameter(description = CODE, example = EXAMPLE_CODE, schema = @Schema(type = SchemaType.STRING, pattern = CODE_PATTERN)) @PathParam("code") String code,
            @BeanParam DateRangeParams dates,
            @Parameter(description = FLOW_DESCRIPTION, example = "FIRST_LINE",
                    schema = @Schema(implementation = AreaFlow.class)) @QueryParam(FLOW) String flow) {
        DateRange range = dates.range();
        AreaFlow lines = flow(flow);
        administeredZone(code);
        return breakdowns.commodities(code, range, lines).stream().map(AreaCommodityView::of).toList();
    }

    /** 400 naming {@code flow} unless it is one of {@link AreaFlow}; absent is the first line. */
    private static AreaFlow flow(String value) {
        return QueryParams.oneOf(FLOW, value, AreaFlow.class, AreaFlow.FIRST_LINE);
    }

    /**
     * As {@link #knownZone}, and 403 naming {@code code} when the caller is an area administrator (and not an
     * analyst) of other areas: an area's own figures are its administrator's, everyone's are the analysts'.
     */
    private Area administeredZone(String code) {
        Area area = knownZone(code);
        if (!caller.hasRole(Roles.ANALYST) && !caller.zones().contains(code)) {
            throw ProblemException.outOfScope("code", "not one of the areas you administer");
        }
        return area;
    }

    /** 400 naming {@code code} unless it is four digits, so only a well-formed code reaches the registry; 404 if no area has it. */
    private Area knownZone(String code) {
        QueryParams.code("code", code, CODE_DIGITS);
        return registry.byCode(code).orElseThrow(() -> ProblemException.notFound("no special customs supervision area '" + code + "'"));
    }
}
