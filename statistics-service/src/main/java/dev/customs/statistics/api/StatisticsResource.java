package dev.customs.statistics.api;

import dev.customs.contract.rest.CsvTableWriter;
import dev.customs.contract.rest.DateRange;
import dev.customs.contract.rest.ProblemException;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private static final String FROM = "First declaration date, inclusive (yyyy-MM-dd); absent means unbounded";
    private static final String TO = "Last declaration date, inclusive (yyyy-MM-dd); absent means unbounded";
    private static final String MONTHLY = "month";

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
            @Parameter(description = FROM, example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = TO, example = "2025-12-31") @QueryParam("to") String to) {
        return TotalsView.of(national.totals(DateRange.parse(from, to)));
    }

    @GET
    @Path("/partners")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trading partners ranked by total trade in CNY, with each one's share of national trade")
    public List<PartnerView> partners(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to,
            @Parameter(description = "How many partners, 1 to 250; default 10") @QueryParam("limit") Integer limit) {
        DateRange range = DateRange.parse(from, to);
        int size = limit == null ? config.defaultPartnerLimit() : limit;
        if (size < 1 || size > config.maxPartnerLimit()) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + config.maxPartnerLimit());
        }
        return partners.largestPartners(range, size).stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("/regions")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade with each region group (ASEAN, EU, Belt and Road, ...); groups overlap, "
            + "and groups without trade show zeros")
    public List<RegionView> regions(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to) {
        return regions.totalsByRegion(DateRange.parse(from, to)).stream().map(RegionView::of).toList();
    }

    @GET
    @Path("/commodities")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by HS section or chapter, counted per goods item")
    public List<CommodityView> commodities(
            @Parameter(description = "section (default) or chapter") @QueryParam("level") String level,
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to) {
        CommodityLevel breakdown = level == null ? CommodityLevel.section : CommodityLevel.named(level)
                .orElseThrow(() -> ProblemException.badParameter("level", "must be section or chapter, got '" + level + "'"));
        return commodities.totals(DateRange.parse(from, to), breakdown).stream().map(CommodityView::of).toList();
    }

    @GET
    @Path("/trade-modes")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by supervision mode, with each mode's statistical regime")
    public List<TradeModeView> tradeModes(
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to) {
        return tradeModes.totalsByTradeMode(DateRange.parse(from, to)).stream().map(TradeModeView::of).toList();
    }

    @GET
    @Path("/series")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade month by month, every month of the range (zeros included), with total CNY "
            + "growth on the same period a year earlier")
    public List<SeriesPointView> series(
            @Parameter(description = "month (the only one so far, and the default)") @QueryParam("granularity") String granularity,
            @Parameter(description = FROM) @QueryParam("from") String from,
            @Parameter(description = TO) @QueryParam("to") String to) {
        if (granularity != null && !granularity.equals(MONTHLY)) {
            throw ProblemException.badParameter("granularity", "must be month, got '" + granularity + "'");
        }
        return series.monthly(DateRange.parse(from, to)).stream().map(SeriesPointView::of).toList();
    }

    @GET
    @Path("/regimes")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
    @Operation(summary = "Trade by statistical regime (general trade, processing trade, bonded logistics, "
            + "cross-border e-commerce, other), each supervision mode counted in its regime; zeros for regimes without trade")
    public List<RegimeView> regimes(
            @Parameter(description = FROM, example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = TO, example = "2025-12-31") @QueryParam("to") String to) {
        return regimes.totalsByRegime(DateRange.parse(from, to)).stream().map(RegimeView::of).toList();
    }

    @GET
    @Path("/monthly-report")
    @Operation(summary = "One month and the year to its end, like GAC's monthly tables: totals for each, and "
            + "import, export and total CNY growth on the same period a year earlier (null where that was zero)")
    public MonthlyReportView monthlyReport(
            @Parameter(description = "The month (yyyy-MM)", required = true, example = "2025-03") @QueryParam("month") String month) {
        return MonthlyReportView.of(monthlyReport.of(yearMonth(month)));
    }

    private static YearMonth yearMonth(String month) {
        if (month == null || month.isBlank()) {
            throw ProblemException.badParameter("month", "is required (yyyy-MM)");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("month", "must be a month (yyyy-MM), got '" + month + "'");
        }
    }
}
