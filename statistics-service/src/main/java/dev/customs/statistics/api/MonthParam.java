package dev.customs.statistics.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code month} query parameter of the breakdowns' monthly reports, documented once. */
public class MonthParam {

    @Parameter(description = "The month (yyyy-MM, 1900-01 to 2999-12)", required = true, example = "2024-12",
            schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}-[0-9]{2}$"))
    @QueryParam("month")
    String month;
}
