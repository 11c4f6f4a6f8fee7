package dev.customs.declaration.rates;

import dev.customs.contract.event.Violation;
import dev.customs.rest.Caller;
import dev.customs.rest.ProblemException;
import dev.customs.rest.QueryParams;
import dev.customs.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The exchange-rate table for operators: newly published months are loaded here, no rebuild needed. */
@Path("/api/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExchangeRateResource {

    public record MonthRates(YearMonth month, Map<String, BigDecimal> cnyPerUnit) {
    }

    public record RatesView(YearMonth from, YearMonth to, YearMonth lastPublishedMonth, List<ExchangeRates.Row> rates) {
    }

    private static final String MONTH = "Month, yyyy-MM";
    private static final String MONTH_PATTERN = "^[0-9]{4}-[0-9]{2}$";

    private final ExchangeRates rates;
    private final Caller caller;

    public ExchangeRateResource(ExchangeRates rates, Caller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @PUT
    @Path("/{month}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Load (or correct) one month's published rates, CNY per unit, e.g. {\"USD\": 7.12, \"EUR\": 7.91}; "
            + "declarations filed from then on convert at them instead of the carried-forward provisional rate")
    public MonthRates load(@Parameter(description = MONTH, example = "2027-01",
            schema = @Schema(type = SchemaType.STRING, pattern = MONTH_PATTERN)) @PathParam("month") String month,
                           Map<String, BigDecimal> cnyPerUnit) {
        YearMonth parsed = month("month", month).orElseThrow();
        List<Violation> violations = rates.check(parsed, cnyPerUnit);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations);
        }
        rates.load(parsed, cnyPerUnit, "operator " + caller.subject());
        return new MonthRates(parsed, new TreeMap<>(cnyPerUnit));
    }

    @GET
    @RolesAllowed({Roles.DECLARANT, Roles.ANALYST, Roles.AREA_ADMIN, Roles.OPERATOR})
    @Operation(summary = "Stored rates of a range of months (both inclusive; absent means the table's first or last)")
    public RatesView list(@Parameter(description = MONTH, example = "2026-01",
            schema = @Schema(type = SchemaType.STRING, pattern = MONTH_PATTERN)) @QueryParam("from") String from,
                          @Parameter(description = MONTH, example = "2026-12",
            schema = @Schema(type = SchemaType.STRING, pattern = MONTH_PATTERN)) @QueryParam("to") String to) {
        RateTable table = rates.table();
        YearMonth first = month("from", from).or(table::firstMonth).orElse(YearMonth.of(1990, 1));
        YearMonth last = month("to", to).or(() -> table.byCurrency().values().stream().filter(m -> !m.isEmpty())
                .map(java.util.NavigableMap::lastKey).max(YearMonth::compareTo)).orElse(first);
        if (last.isBefore(first)) {
            throw ProblemException.badParameter("from", "must not be after to");
        }
        return new RatesView(first, last, table.lastPublishedMonth().orElse(null), rates.list(first, last));
    }

    private static Optional<YearMonth> month(String parameter, String value) {
        return QueryParams.absent(value) ? Optional.empty() : Optional.of(QueryParams.month(parameter, value));
    }
}
