package dev.customs.statistics.api;

import dev.customs.rest.CsvTableWriter;
import dev.customs.rest.DateRangeParams;
import dev.customs.rest.PageRequest;
import dev.customs.rest.Paging;
import dev.customs.rest.QueryParams;
import dev.customs.rest.Roles;
import dev.customs.rest.SeriesParams;
import dev.customs.statistics.config.StatisticsApiConfig;
import dev.customs.statistics.totals.CommodityLevel;
import dev.customs.statistics.totals.CommodityTotalsService;
import dev.customs.statistics.totals.MonthlyReport;
import dev.customs.statistics.totals.MonthlySeries;
import dev.customs.statistics.totals.NationalTotalsService;
import dev.customs.statistics.totals.PartnerRanking;
import dev.customs.statistics.totals.RegimeTotalsService;
import dev.customs.statistics.totals.RegionTotalsService;
import dev.customs.statistics.totals.TradeModeTotalsService;
import dev.customs.totals.DateRange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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


@RolesAllowed(Roles.ANALYST)
@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {


    private final NationalTotalsService national;
    private final PartnerRanking partners;
    private final RegionTotalsService regions;
    private final CommodityTotalsService commodities;
    private final TradeModeTotalsService tradeModes;
    private final MonthlySeries series;
    private final RegimeTotalsService regimes;
    private final MonthlyReport monthlyReport;
    private final StatisticsApiConfig config;

    public StatisticsResource(NationalTotalsService national, PartnerRanking partners, RegionTotalsService regions,
                              CommodityTotalsService commodities, TradeModeTotalsService tradeModes,
                              MonthlySeries series, RegimeTotalsService regimes, MonthlyReport monthlyReport,
                              StatisticsApiConfig config) {
        this.national = national;
        this.partners = partners;
        this.regions = regions;
        this.commodities = commodities;
        this.tradeModes = tradeModes;
        this.series = series;
        this.regimes = regimes;
        this.monthlyReport = monthlyReport;
        this.config = config;
    }

    @GET
    @Path("/totals")
    @Operation(summary = "National imports, exports and balance over a date range, with the special areas' "
            + "first-line share of it (second-line and intra-zone moves are not national trade)")
    public TotalsView totals(
            @BeanParam DateRangeParams dates) {
        return TotalsView.of(national.totals(dates.range()));
    }

    @GET
    @Path("/partners")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trading partners ranked by total trade in CNY, with each one's share of national trade, "
            + "a page at a time: rank and share are over all partners, so the next page continues the rank")
    public RestResponse<List<PartnerView>> partners(
            @BeanParam DateRangeParams dates,
            @Parameter(description = Paging.OFFSET_DESCRIPTION, example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
            @QueryParam(PageRequest.OFFSET) String offset,
            @Parameter(description = "How many partners on the page, 1 to 250; default 10", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "250"))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Context UriInfo uri) {
        DateRange range = dates.range();
        PageRequest page = PageRequest.parse(offset, limit, config.defaultPartnerLimit(), config.maxPartnerLimit());
        return Paging.respond(partners.ranking(range), page, PartnerView::of, uri);
    }

    @GET
    @Path("/regions")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade with each region group (ASEAN, EU, Belt and Road, ...); groups overlap, "
            + "and groups without trade show zeros")
    public List<RegionView> regions(
            @BeanParam DateRangeParams dates) {
        return regions.totalsByRegion(dates.range()).stream().map(RegionView::of).toList();
    }

    @GET
    @Path("/commodities")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by HS section or chapter in code order, only where there was trade, counted per "
            + "goods item, a page at a time (all 97 chapters fit in the default page)")
    public RestResponse<List<CommodityView>> commodities(
            @Parameter(description = "section (default) or chapter", example = "chapter",
                    schema = @Schema(implementation = CommodityLevel.class)) @QueryParam("level") String level,
            @BeanParam DateRangeParams dates,
            @Parameter(description = Paging.OFFSET_DESCRIPTION, example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
            @QueryParam(PageRequest.OFFSET) String offset,
            @Parameter(description = "How many sections or chapters on the page, 1 to 100; default 100", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Context UriInfo uri) {
        CommodityLevel breakdown = QueryParams.oneOf("level", level, CommodityLevel.class, CommodityLevel.section);
        DateRange range = dates.range();
        PageRequest page = PageRequest.parse(offset, limit, config.defaultCommodityLimit(), config.maxCommodityLimit());
        return Paging.respond(commodities.totals(range, breakdown), page, CommodityView::of, uri);
    }

    @GET
    @Path("/trade-modes")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by supervision mode, with the GAC statistical trade mode each is counted in and its "
            + "roll-up (general trade, processing trade, bonded logistics, other)")
    public List<TradeModeView> tradeModes(
            @BeanParam DateRangeParams dates) {
        return tradeModes.totalsByTradeMode(dates.range()).stream().map(TradeModeView::of).toList();
    }

    @GET
    @Path("/series")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade month by month, every month of the range (zeros included), with total CNY "
            + SeriesParams.GROWTH_SUMMARY)
    public List<SeriesPointView> series(
            @Parameter(description = "month (the only one so far, and the default)", example = SeriesParams.MONTHLY,
                    schema = @Schema(type = SchemaType.STRING, enumeration = SeriesParams.MONTHLY))
            @QueryParam("granularity") String granularity,
            @BeanParam DateRangeParams dates) {
        SeriesParams.requireMonthly(granularity);
        return series.monthly(dates.range()).stream().map(SeriesPointView::of).toList();
    }

    @GET
    @Path("/regimes")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by the roll-up of GAC's statistical trade modes (general trade, processing trade, "
            + "bonded logistics, other), each supervision mode counted in its GAC trade mode; zeros for those without trade")
    public List<RegimeView> regimes(
            @BeanParam DateRangeParams dates) {
        return regimes.totalsByRegime(dates.range()).stream().map(RegimeView::of).toList();
    }

    @GET
    @Path("/gac-trade-modes")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by GAC statistical trade mode, in code order, each with its roll-up; zeros for modes "
            + "without trade")
    public List<GacTradeModeView> gacTradeModes(
            @BeanParam DateRangeParams dates) {
        return regimes.totalsByGacTradeMode(dates.range()).stream().map(GacTradeModeView::of).toList();
    }

    @GET
    @Path("/monthly-report")
    @Operation(summary = "One month and the year to its end, like GAC's monthly tables: totals for each, and "
            + "import, export and total CNY growth on the same period a year earlier (null where that was zero)")
    public MonthlyReportView monthlyReport(
            @Parameter(description = "The month (yyyy-MM, 1900-01 to 2999-12)", required = true, example = "2025-03",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
            @QueryParam("month") String month) {
        return MonthlyReportView.of(monthlyReport.of(QueryParams.month("month", month)));
    }
}
