package dev.customs.rest;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Answers one page of a long list: the page itself as the body (a JSON array, or a CSV table), the whole
 * list's size in {@value #TOTAL_COUNT} and the neighbouring pages in an RFC 8288 {@value #LINK} header
 * ({@code rel="next"} and {@code rel="prev"} where they exist), so the body keeps the contract's shape.
 */
public final class Paging {

    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String LINK = "Link";

    /** The OpenAPI descriptions, so every paged list reads the same in Swagger UI. */
    static final String HEADERS_DESCRIPTION = "A page of the list: " + TOTAL_COUNT + " holds the whole "
            + "list's size, " + LINK + " the next and previous pages (rel=\"next\", rel=\"prev\") where they exist";
    static final String TOTAL_COUNT_DESCRIPTION = "How many entries the whole list has";
    static final String LINK_DESCRIPTION = "RFC 8288 links to the next and previous pages, where they exist";
    public static final String OFFSET_DESCRIPTION = "How many entries of the whole list to skip; default 0";

    private Paging() {
    }

    /**
     * The page {@code page} of {@code all}, each entry turned into its view only if it is on the page.
     * Typed as a {@code RestResponse} of a {@code List} so the CSV writer still sees the row type.
     */
    public static <T, V> RestResponse<List<V>> respond(List<T> all, PageRequest page, Function<? super T, V> view,
                                                       UriInfo uri) {
        List<V> items = new ArrayList<>(page.limit());
        for (T entry : page.window(all)) {
            items.add(view.apply(entry));
        }
        RestResponse.ResponseBuilder<List<V>> answer = RestResponse.ResponseBuilder.ok(items)
                .header(TOTAL_COUNT, all.size());
        String links = links(page, all.size(), offset -> uri.getRequestUriBuilder()
                .replaceQueryParam(PageRequest.OFFSET, offset)
                .replaceQueryParam(PageRequest.LIMIT, page.limit())
                .build().toString());
        if (!links.isEmpty()) {
            answer.header(LINK, links);
        }
        return answer.build();
    }

    /**
     * The Link header's value: the next page if entries follow this one, the previous one if entries precede
     * it; empty when there are neither. {@code uriAt} gives the URI of the page starting at an offset.
     */
    static String links(PageRequest page, int total, IntFunction<String> uriAt) {
        List<String> links = new ArrayList<>(2);
        long next = (long) page.offset() + page.limit();
        if (next < total) {
            links.add("<" + uriAt.apply((int) next) + ">; rel=\"next\"");
        }
        if (Math.min(page.offset(), total) > 0) {
            // Past the end, "previous" is the last full page, not one more empty one.
            int previous = Math.max(0, Math.min(page.offset() - page.limit(), total - page.limit()));
            links.add("<" + uriAt.apply(previous) + ">; rel=\"prev\"");
        }
        return String.join(", ", links);
    }
}
