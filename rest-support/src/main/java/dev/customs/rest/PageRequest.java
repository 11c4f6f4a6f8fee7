package dev.customs.rest;

import java.util.List;

/**
 * The {@code offset} and {@code limit} query parameters of a list that may be long: which window of the
 * whole list one answer holds. The answer stays a plain JSON array (or CSV table); {@link Paging} puts the
 * list's size and the neighbouring pages in headers.
 *
 * <p>They are parsed from strings so that {@code limit=ten} is a 400 naming {@code limit}: JAX-RS answers
 * a query parameter it cannot convert with a bare 404.
 */
public record PageRequest(int offset, int limit) {

    public static final String OFFSET = "offset";
    public static final String LIMIT = "limit";

    public PageRequest {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset " + offset + " and limit " + limit);
        }
    }

    /**
     * @param offset       how many entries to skip, up to {@link Integer#MAX_VALUE}; absent means 0
     * @param limit        how many entries at most; absent means {@code defaultLimit}
     * @param maxLimit     the largest limit a client may ask for
     */
    public static PageRequest parse(String offset, String limit, int defaultLimit, int maxLimit) {
        return new PageRequest(QueryParams.whole(OFFSET, offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.whole(LIMIT, limit, defaultLimit, 1, maxLimit));
    }

    /** This page's entries of the whole list: empty past its end. */
    public <T> List<T> window(List<T> all) {
        int start = Math.min(offset, all.size());
        return all.subList(start, (int) Math.min((long) start + limit, all.size()));
    }
}
