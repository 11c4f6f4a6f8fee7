package dev.customs.statistics.api;

import dev.customs.rest.CsvTableWriter;
import dev.customs.rest.DateRangeParams;
import dev.customs.rest.QueryParams;
import dev.customs.rest.Roles;
import dev.customs.statistics.totals.Dimension;
import dev.customs.statistics.totals.DimensionTotalsService;
import dev.customs.statistics.totals.ProductGroupTotalsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The further breakdowns GAC publishes (the project's extension of the pinned API): by enterprise type,
 * domestic region, customs district, transport mode, each over a date range or as a month and its year to
 * date; and by product group.
 */
@RolesAllowed(Roles.ANALYST)
@Path("/api/statistics")
@Produces({MediaType.APPLICATION_JSON, CsvTableWriter.TEXT_CSV})
public class DimensionsResource {

    private static final String RANGE = " over a date range, each with its share of national trade; every known "
            + "code listed, zeros included";
    private static final String REPORT = " in one month and the year to its end, like GAC's monthly tables, each "
            + "with its share of national trade and import, export and total CNY growth on the same period a year "
            + "earlier (null where that was zero)";

    private final DimensionTotalsService dimensions;
    private final ProductGroupTotalsService productGroups;

    public DimensionsResource(DimensionTotalsService dimensions, ProductGroupTotalsService productGroups) {
        this.dimensions = dimensions;
        this.productGroups = productGroups;
    }

    @GET
    @Path("/enterprise-types")
    @Operation(summary = "Trade by the declarant's enterprise type (state-owned, foreign-invested, private, other; "
            + "UNKNOWN for declarants not in the enterprise register)" + RANGE)
    public List<DimensionView> enterpriseTypes(@BeanParam DateRangeParams dates) {
        return totals(Dimension.ENTERPRISE_TYPE, dates);
    }

    @GET
    @Path("/enterprise-types/monthly-report")
    @Operation(summary = "Trade by enterprise type" + REPORT)
    public List<DimensionReportView> enterpriseTypesReport(@BeanParam MonthParam month) {
        return report(Dimension.ENTERPRISE_TYPE, month);
    }

    @GET
    @Path("/domestic-regions")
    @Operation(summary = "Trade by the declarant's domestic region (NBS east, central, west, north-east; UNKNOWN "
            + "for declarants not in the enterprise register)" + RANGE)
    public List<DimensionView> domesticRegions(@BeanParam DateRangeParams dates) {
        return totals(Dimension.DOMESTIC_REGION, dates);
    }

    @GET
    @Path("/domestic-regions/monthly-report")
    @Operation(summary = "Trade by domestic region" + REPORT)
    public List<DimensionReportView> domesticRegionsReport(@BeanParam MonthParam month) {
        return report(Dimension.DOMESTIC_REGION, month);
    }

    @GET
    @Path("/customs-districts")
    @Operation(summary = "Trade by customs district (the first two digits of the customs office code)" + RANGE)
    public List<DimensionView> customsDistricts(@BeanParam DateRangeParams dates) {
        return totals(Dimension.CUSTOMS_DISTRICT, dates);
    }

    @GET
    @Path("/customs-districts/monthly-report")
    @Operation(summary = "Trade by customs district" + REPORT)
    public List<DimensionReportView> customsDistrictsReport(@BeanParam MonthParam month) {
        return report(Dimension.CUSTOMS_DISTRICT, month);
    }

    @GET
    @Path("/transport-modes")
    @Operation(summary = "Trade by transport mode" + RANGE)
    public List<DimensionView> transportModes(@BeanParam DateRangeParams dates) {
        return totals(Dimension.TRANSPORT_MODE, dates);
    }

    @GET
    @Path("/transport-modes/monthly-report")
    @Operation(summary = "Trade by transport mode" + REPORT)
    public List<DimensionReportView> transportModesReport(@BeanParam MonthParam month) {
        return report(Dimension.TRANSPORT_MODE, month);
    }

    @GET
    @Path("/product-groups")
    @Operation(summary = "Trade in electromechanical and high-tech products, counted per goods item (an item may be "
            + "in both), with each group's share of national exports and of national imports")
    public List<ProductGroupView> productGroups(@BeanParam DateRangeParams dates) {
        return productGroups.totals(dates.range()).stream().map(ProductGroupView::of).toList();
    }

    private List<DimensionView> totals(Dimension dimension, DateRangeParams dates) {
        return dimensions.totals(dimension, dates.range()).stream().map(DimensionView::of).toList();
    }

    private List<DimensionReportView> report(Dimension dimension, MonthParam month) {
        return dimensions.report(dimension, QueryParams.month("month", month.month)).stream()
                .map(DimensionReportView::of).toList();
    }
}
