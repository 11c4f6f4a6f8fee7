package dev.customs.declaration.config;

import dev.customs.contract.event.EventCodec;
import dev.customs.rest.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body over {@code declarations.max-body-bytes} by its Content-Length, as problem+json and before
 * it is read. Quarkus' own limit (set higher) stays as the backstop for chunked bodies, but it answers
 * 413 with no body at all, which tells a client nothing.
 */
@ApplicationScoped
public class RequestSizeLimit {

    /** Ahead of every other filter: nothing should read a body that will be refused. */
    private static final int PRIORITY = 1000;
    private static final int PAYLOAD_TOO_LARGE = 413;

    void register(@Observes Filters filters, DeclarationConfig config) {
        long limit = config.maxBodyBytes();
        String problem = EventCodec.toJson(new Problem("about:blank", "Payload too large", PAYLOAD_TOO_LARGE,
                "the body is larger than " + limit + " bytes; send fewer or smaller declarations per request", null));
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                rc.response().setStatusCode(PAYLOAD_TOO_LARGE)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(problem);
                return;
            }
            rc.next();
        }, PRIORITY);
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
