package dev.customs.declaration.simulator;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.declaration.simulator.SimulatorCommands.BackfillCommand;
import dev.customs.declaration.simulator.SimulatorCommands.StartCommand;
import dev.customs.rest.ProblemException;
import dev.customs.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

@Path("/api/simulator")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class SimulatorResource {

    /** The currency every declaration is converted to: without its rate, no day can be filed. */
    private static final String RATE_CURRENCY = "USD";

    private final Simulator simulator;
    private final SimulatorConfig config;

    public SimulatorResource(Simulator simulator, SimulatorConfig config) {
        this.simulator = simulator;
        this.config = config;
    }

    @GET
    @Operation(summary = "What the simulator is doing or last did: mode, rate, counts, backfill progress")
    public SimulatorStatus status() {
        return simulator.status();
    }

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File generated declarations dated today at a steady rate; 409 while a run is going")
    public RestResponse<SimulatorStatus> start(@Valid @NotNull StartCommand command) {
        long seed = seedOf(command.seed());
        return accepted(() -> simulator.start(command.ratePerSecond(), seed));
    }

    @POST
    @Path("/stop")
    @Operation(summary = "Stop the live run or backfill, after the batch in flight")
    public SimulatorStatus stop() {
        return simulator.stop();
    }

    @POST
    @Path("/backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File generated history for past days, as fast as the service takes it; 409 while a run is going")
    public RestResponse<SimulatorStatus> backfill(@Valid @NotNull BackfillCommand command) {
        if (command.from().isAfter(command.to())) {
            throw ProblemException.badParameter("to", "must not be before from (" + command.from() + ")");
        }
        if (command.to().isAfter(LocalDate.now(config.timeZone()))) {
            throw ProblemException.badParameter("to", "must not be in the future");
        }
        requireRates("from", command.from());
        requireRates("to", command.to());
        long seed = seedOf(command.seed());
        return accepted(() -> simulator.backfill(command.from(), command.to(), command.declarationsPerDay(), seed));
    }

    private static RestResponse<SimulatorStatus> accepted(Supplier<SimulatorStatus> run) {
        try {
            return RestResponse.status(Response.Status.ACCEPTED, run.get());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    private static void requireRates(String parameter, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        if (ReferenceData.standard().cnyPerUnit(RATE_CURRENCY, month).isEmpty()) {
            throw ProblemException.badParameter(parameter, "no exchange rates for " + month);
        }
    }

    private static long seedOf(Long seed) {
        return seed != null ? seed : ThreadLocalRandom.current().nextLong();
    }
}
