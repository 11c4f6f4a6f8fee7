package dev.customs.rest;

/**
 * The {@code page} and {@code size} query parameters of a list read from the database a page at a time.
 * The page's first row, {@code page * size}, must fit the {@code int} offset JPA and JDBC take: an offset
 * past it would overflow to a negative one and fail in the database, so such a page is a 400 naming
 * {@code page} instead (every page before it stays reachable, and holds more rows than any store here).
 */
public record PageNumber(int page, int size) {

    public static final String PAGE = "page";
    public static final String SIZE = "size";

    public PageNumber {
        if (page < 0 || size < 1 || (long) page * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page " + page + " of size " + size);
        }
    }

    /**
     * @param page        the page number, from 0; absent means 0
     * @param size        rows per page; absent means {@code defaultSize}
     * @param maxSize     the largest size a client may ask for
     */
    public static PageNumber parse(String page, String size, int defaultSize, int maxSize) {
        int rows = QueryParams.whole(SIZE, size, defaultSize, 1, maxSize);
        int lastPage = Integer.MAX_VALUE / rows;
        return new PageNumber(QueryParams.whole(PAGE, page, 0, 0, lastPage), rows);
    }

    /** The first row of the page, counted from 0. */
    public int offset() {
        return page * size;
    }
}
