package dev.customs.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV answer is a download a spreadsheet opens directly: {@code Content-Disposition: attachment} with a file
 * name made of the table and the period asked for, e.g. {@code ranking-2025-01-01-2025-12-31.csv}.
 * <p>
 * The table is the request path below {@code /api}, segments joined by {@code -}, without the service's root
 * segment when more follow ({@code /api/zones/ranking} is {@code ranking}, {@code /api/statistics/partners}
 * {@code partners}, {@code /api/zones} {@code zones}), except before an area code
 * ({@code /api/zones/8013/totals} is {@code zones-8013-totals}). The period is the {@code from}, {@code to} and
 * {@code month} query parameters given, in that order.
 */
@Provider
public class CsvDownloadFilter implements ContainerResponseFilter {

    static final List<String> PERIOD_PARAMETERS = List.of("from", "to", "month");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !CsvTableWriter.TEXT_CSV_TYPE.isCompatible(type) || response.getStatus() >= 300) {
            return;
        }
        List<String> segments = new ArrayList<>();
        for (PathSegment segment : request.getUriInfo().getPathSegments()) {
            if (!segment.getPath().isEmpty()) {
                segments.add(segment.getPath());
            }
        }
        response.getHeaders().putSingle("Content-Disposition",
                "attachment; filename=\"" + fileName(segments, request.getUriInfo().getQueryParameters()) + "\"");
    }

    /** The download's name from the path's segments ({@code api}, ...) and the query. */
    static String fileName(List<String> segments, MultivaluedMap<String, String> query) {
        List<String> table = new ArrayList<>(segments);
        if (!table.isEmpty() && table.get(0).equals("api")) {
            table.remove(0);
        }
        if (table.size() > 1 && !table.get(1).chars().allMatch(Character::isDigit)) {
            table.remove(0);
        }
        StringBuilder name = new StringBuilder(table.isEmpty() ? "table" : safe(String.join("-", table)));
        for (String parameter : PERIOD_PARAMETERS) {
            String value = query.getFirst(parameter);
            if (value != null && !safe(value).isEmpty()) {
                name.append('-').append(safe(value));
            }
        }
        return name.append(".csv").toString();
    }

    /** Only letters, digits, '-' and '_' reach the header, so no value can break out of the quoted name. */
    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "");
    }
}
