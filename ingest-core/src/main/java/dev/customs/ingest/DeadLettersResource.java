package dev.customs.ingest;

import dev.customs.rest.ProblemException;
import dev.customs.rest.QueryParams;
import dev.customs.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.List;

/** The newest records this consumer dead-lettered, read from its dead-letter topic, for an operator to inspect. */
@Path("/api/ingest/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class DeadLettersResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final IngestTopics topics;

    public DeadLettersResource(IngestTopics topics) {
        this.topics = topics;
    }

    @GET
    @Operation(summary = "The newest dead letters of this consumer, newest first: where each is in the dead-letter "
            + "topic, why it was rejected (the dead-letter-* headers), and its key and value as UTF-8 text (the value "
            + "cut to 4096 characters); 503 when the broker does not answer in time")
    public List<IngestTopics.DeadLetterRecord> deadLetters(
            @Parameter(description = "How many dead letters, 1 to 200; default 20", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200"))
            @QueryParam("limit") String limit) {
        int count = QueryParams.whole("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        return topics.newestDeadLetters(count).orElseThrow(() -> new ProblemException(503, "Service Unavailable",
                "the broker did not hand over " + topics.deadLetterTopic() + " in time; try again", null));
    }
}
