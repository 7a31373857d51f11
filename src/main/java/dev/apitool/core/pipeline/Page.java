package dev.apitool.core.pipeline;

/**
 * One page of a list, as the {@code collection} handler served it; the {@code envelope}
 * middleware reports it as {@code meta}.
 *
 * @param total items in the whole list, 0 or more
 * @param page the page served, from 1
 * @param pageSize items per page, 1 or more
 */
public record Page(long total, long page, long pageSize) {

    /** The exchange attribute a paginated list sets. */
    public static final Exchange.Key<Page> KEY = new Exchange.Key<>("page");

    public Page {
        if (total < 0 || page < 1 || pageSize < 1) {
            throw new IllegalArgumentException("bad page: total=" + total + " page=" + page + " size=" + pageSize);
        }
    }

    /** Returns the number of pages, ceil(total / pageSize). */
    public long pages() {
        return (total + pageSize - 1) / pageSize;
    }
}
