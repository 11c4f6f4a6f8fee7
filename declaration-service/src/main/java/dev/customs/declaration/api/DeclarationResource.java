package dev.customs.declaration.api;

import dev.customs.declaration.config.DeclarationConfig;
import dev.customs.declaration.declarations.DeclarationQueries;
import dev.customs.declaration.declarations.DeclarationService;
import dev.customs.declaration.declarations.Filer;
import dev.customs.declaration.declarations.GroupCommitter;
import dev.customs.declaration.declarations.IdempotencyKeys;
import dev.customs.declaration.declarations.SubmissionOutcome;
import dev.customs.rest.Caller;
import dev.customs.rest.DateRangeParams;
import dev.customs.rest.PageNumber;
import dev.customs.rest.Problem;
import dev.customs.rest.ProblemException;
import dev.customs.rest.QueryParams;
import dev.customs.rest.Roles;
import dev.customs.totals.DateRange;
import dev.customs.totals.TradeTotals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;


@Path("/api/declarations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeclarationResource {

    public record BatchItemOutcome(int index, int status, String declarationId, Long revision, String detail,
                                   List<Problem.FieldError> errors) {
    }

    public record BatchOutcome(int accepted, int rejected, List<BatchItemOutcome> outcomes) {
    }

    public record PageView(int page, int size, long totalItems, List<DeclarationView> items) {
    }

    public record SummaryView(LocalDate from, LocalDate to, String zoneCode,
                              @com.fasterxml.jackson.annotation.JsonUnwrapped TradeTotals totals, TradeTotals national) {
    }

    private static final String ID = "The 18-digit declaration number";
    private static final String EXAMPLE_ID = "801320250100000042";
    private static final String ZONE_CODE = "Only declarations of this special customs supervision area (four-digit code)";
    private static final String EXAMPLE_ZONE = "8013";
    private static final int ID_DIGITS = 18;
    private static final String ID_PATTERN = "^[0-9]{18}$";
    private static final int ZONE_DIGITS = 4;
    private static final String ZONE_PATTERN = "^[0-9]{4}$";

    private static final Logger LOG = Logger.getLogger(DeclarationResource.class);

    private final DeclarationService declarations;
    private final GroupCommitter singles;
    private final DeclarationQueries queries;
    private final DeclarationConfig config;
    private final Caller caller;

    public DeclarationResource(DeclarationService declarations, GroupCommitter singles, DeclarationQueries queries,
                               DeclarationConfig config, Caller caller) {
        this.declarations = declarations;
        this.singles = singles;
        this.queries = queries;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "File a declaration: 201 when new, 200 when the same declaration is sent again "
            + "(same declarationId, or same Idempotency-Key and body); 409 when either was used for other content; "
            + "403 naming declarantCode when the caller may not declare for that enterprise")
    public Response submit(@Parameter(description = "Makes a retried POST safe: the same key with the same body answers "
                                   + "200 with the declaration the first request filed. 1 to 255 printable ASCII characters",
                                   example = "c1b7f0a2-5e0d-4a55-9a57-3b8a2d0e6f10")
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                           DeclarationRequest request) {
        IdempotencyKeys.invalid(idempotencyKey).ifPresent(v -> {
            throw ProblemException.badParameter(v.field(), v.message());
        });
        SubmissionOutcome outcome = logged("filed", singles.submit(requireBody(request), idempotencyKey, filer()));
        return SubmissionAnswers.response(outcome).location(URI.create("/api/declarations/" + outcome.declarationId()))
                .build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "File up to 1,000 declarations; each gets its own outcome")
    public BatchOutcome submitBatch(List<DeclarationRequest> requests) {
        if (requests == null || requests.isEmpty() || requests.size() > config.maxBatchSize()) {
            throw ProblemException.badParameter("body", "must hold 1 to " + config.maxBatchSize() + " declarations");
        }
        if (requests.contains(null)) {
            throw ProblemException.badParameter("body[" + requests.indexOf(null) + "]", "must be a declaration");
        }
        List<SubmissionOutcome> outcomes = declarations.submitAll(requests, filer());
        List<BatchItemOutcome> items = IntStream.range(0, outcomes.size())
                .mapToObj(i -> SubmissionAnswers.batchItem(i, outcomes.get(i))).toList();
        int accepted = (int) outcomes.stream().filter(SubmissionOutcome.Accepted.class::isInstance).count();
        return new BatchOutcome(accepted, outcomes.size() - accepted, items);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "Amend: a new revision with the full new state; 409 when cancelled; 403 when the caller may "
            + "not act for the declaration's enterprise")
    public Response amend(@Parameter(description = ID, example = EXAMPLE_ID,
                                     schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN)) @PathParam("id") String id,
                          DeclarationRequest request) {
        return SubmissionAnswers.response(logged("amended",
                declarations.amend(QueryParams.code("id", id, ID_DIGITS), requireBody(request), filer()))).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "Cancel: a new revision that withdraws the declaration; 403 when the caller may not act for "
            + "its enterprise")
    public Response cancel(@Parameter(description = ID, example = EXAMPLE_ID,
                                      schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN)) @PathParam("id") String id) {
        return SubmissionAnswers.response(logged("cancelled",
                declarations.cancel(QueryParams.code("id", id, ID_DIGITS), filer()))).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "One declaration at its current revision, with who filed it; 403 when it is another "
            + "enterprise's")
    public DeclarationView get(@Parameter(description = ID, example = EXAMPLE_ID,
            schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN)) @PathParam("id") String id) {
        DeclarationView view = queries.find(QueryParams.code("id", id, ID_DIGITS)).map(DeclarationView::of)
                .orElseThrow(() -> ProblemException.notFound("no declaration " + id));
        if (!caller.enterprises().contains(view.declarantCode())) {
            throw ProblemException.outOfScope("id", "you may not act for enterprise " + view.declarantCode());
        }
        return view;
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "Every revision of one declaration, oldest first: number, action (filed, amended, cancelled), "
            + "when and who filed it; 403 when it is another enterprise's",
            description = "The store keeps who filed every revision and when, but the body of the current revision only: "
                    + "`declaration` is the declaration as it stands on the current (last) revision and null on every "
                    + "earlier one. Declarations filed before the audit trail existed list only the revisions filed since.")
    public List<RevisionView> revisions(@Parameter(description = ID, example = EXAMPLE_ID,
            schema = @Schema(type = SchemaType.STRING, pattern = ID_PATTERN)) @PathParam("id") String id) {
        DeclarationView current = get(id);
        return queries.revisions(current.declarationId()).stream().map(r -> RevisionView.of(r, current)).toList();
    }

    @GET
    @RolesAllowed(Roles.DECLARANT)
    @Operation(summary = "The caller's enterprises' declarations by date, optionally of one area, a page at a time")
    public PageView list(@Parameter(description = ZONE_CODE, example = EXAMPLE_ZONE, schema = @Schema(type = SchemaType.STRING,
                                 pattern = ZONE_PATTERN)) @QueryParam("zoneCode") String zoneCode,
                         @BeanParam DateRangeParams dates,
                         @Parameter(description = "Page number, from 0, while page * size stays within 2147483647; default 0",
                                 example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
                         @QueryParam(PageNumber.PAGE) String page,
                         @Parameter(description = "Declarations per page, 1 to 500; default 50", example = "50",
                                 schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                         @QueryParam(PageNumber.SIZE) String size) {
        String zone = QueryParams.optionalCode("zoneCode", zoneCode, ZONE_DIGITS);
        DateRange range = dates.range();
        PageNumber pageNo = PageNumber.parse(page, size, config.defaultPageSize(), config.maxPageSize());
        DeclarationQueries.PageOf result = queries.list(caller.enterprises(), zone, range, pageNo.page(), pageNo.size());
        return new PageView(result.page(), result.size(), result.totalItems(),
                result.items().stream().map(DeclarationView::of).toList());
    }

    @GET
    @Path("/summary")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR})
    @Operation(summary = "Ground truth from this service's own store: current, non-cancelled declarations "
            + "(all, and those counting in national totals: no second-line or intra-zone moves)")
    public SummaryView summary(
            @BeanParam DateRangeParams dates,
            @Parameter(description = ZONE_CODE, example = EXAMPLE_ZONE,
                    schema = @Schema(type = SchemaType.STRING, pattern = ZONE_PATTERN)) @QueryParam("zoneCode") String zoneCode) {
        String zone = QueryParams.optionalCode("zoneCode", zoneCode, ZONE_DIGITS);
        DateRange range = dates.range();
        DeclarationQueries.Summary summary = queries.summary(range, zone);
        return new SummaryView(range.from(), range.to(), zone, summary.all(), summary.national());
    }

    private Filer filer() {
        return Filer.actingFor(caller.subject(), caller.client(), caller.enterprises());
    }

    private static DeclarationRequest requireBody(DeclarationRequest request) {
        if (request == null) {
            throw ProblemException.badParameter("body", "must be a declaration");
        }
        return request;
    }

    /**
     * At DEBUG, what became of an accepted declaration, logged on the request's thread so that the line carries the
     * request's trace id (refused requests' ids are the caller's text, and are not logged).
     */
    private static SubmissionOutcome logged(String action, SubmissionOutcome outcome) {
        if (LOG.isDebugEnabled() && outcome instanceof SubmissionOutcome.Accepted accepted) {
            LOG.debugf("Declaration %s %s: %s, revision %d", accepted.declarationId(), action,
                    outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT), accepted.declaration().revision());
        }
        return outcome;
    }
}
