package dev.customs.rest;

import dev.customs.totals.DateRange;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code from} and {@code to} query parameters every endpoint over declaration dates takes, documented
 * once: a resource takes them as {@code @BeanParam DateRangeParams dates} and reads {@link #range()}.
 */
public class DateRangeParams {

    @Parameter(description = "First declaration date, inclusive (yyyy-MM-dd, 1900-01-01 to 2999-12-31); absent means unbounded",
            example = "2025-01-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Last declaration date, inclusive (yyyy-MM-dd, 1900-01-01 to 2999-12-31); absent means unbounded",
            example = "2025-12-31", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    /** As {@link QueryParams#dateRange} reads them: a 400 naming the parameter for a bad value. */
    public DateRange range() {
        return QueryParams.dateRange(from, to);
    }
}
