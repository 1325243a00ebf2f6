package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;

/**
 * Follows keyset cursors from the first page to the last, checking on every page what
 * {@link org.sectorcrm.core.spi.AggregateStore#query} promises: at most {@code limit} items, ids strictly
 * increasing and strictly after the cursor, and a next cursor that is the last returned id (or none).
 */
public final class Paging {
    /** More pages than any kit data set needs: a store that never ends its cursor chain fails instead of hanging. */
    private static final int MAX_PAGES = 10_000;

    private Paging() {
    }

    /**
     * Every item, following cursors with pages of {@code limit}. {@code fetch} is called once per page,
     * typically in its own transaction, as a client paging through a list would.
     */
    public static <T> List<T> all(String what, int limit, Function<PageRequest, Page<T>> fetch, Function<T, ? extends Id> idOf) {
        List<T> out = new ArrayList<>();
        String cursor = null;
        for (int pages = 1; ; pages++) {
            if (pages > MAX_PAGES) {
                fail("%s: still returning next cursors after %d pages of %d; the cursor chain never ends", what, MAX_PAGES, limit);
            }
            PageRequest request = cursor == null ? PageRequest.first(limit) : PageRequest.after(cursor, limit);
            Page<T> page = fetch.apply(request);
            if (page == null) {
                fail("%s: page %d (limit %d) must not be null", what, pages, limit);
            }
            checkPage(what + ", page " + pages, request, page, idOf);
            out.addAll(page.items());
            if (page.nextCursor() == null) {
                return out;
            }
            cursor = page.nextCursor();
        }
    }

    /**
     * Every item of a query, as {@link #all}, and on every page also what a query promises beyond a search: a page
     * holding fewer items than the limit is the last one (its next cursor is null).
     */
    public static <T> List<T> query(String what, int limit, Function<PageRequest, Page<T>> fetch, Function<T, ? extends Id> idOf) {
        return all(what, limit, request -> {
            Page<T> page = fetch.apply(request);
            if (page != null && page.nextCursor() != null && page.items().size() < request.limit()) {
                fail("%s: a page of %d items, fewer than the limit of %d, is the last page and has no next cursor, but had %s", what,
                        page.items().size(), request.limit(), page.nextCursor());
            }
            return page;
        }, idOf);
    }

    /**
     * The invariants of one page (see the class comment). Plain comparisons first and AssertJ only to report a
     * violation: this runs for every item of every page the model-based properties read.
     */
    public static <T> void checkPage(String what, PageRequest request, Page<T> page, Function<T, ? extends Id> idOf) {
        List<T> items = page.items();
        if (items.size() > request.limit()) {
            fail("%s: a page holds at most the limit of %d items but held %d", what, request.limit(), items.size());
        }
        String previous = request.after();
        for (T item : items) {
            String id = idOf.apply(item).asString();
            if (previous != null && id.compareTo(previous) <= 0) {
                fail("%s: ids must ascend in plain text order and come strictly after the cursor, but %s came after %s (cursor %s)", what, id,
                        previous, request.after());
            }
            previous = id;
        }
        if (page.nextCursor() != null) {
            if (items.isEmpty()) {
                fail("%s: a page with a next cursor (%s) must hold items: the cursor is the last returned id", what, page.nextCursor());
            }
            String last = idOf.apply(items.get(items.size() - 1)).asString();
            if (!page.nextCursor().equals(last)) {
                fail("%s: the next cursor must be the id of the last returned item, %s, but was %s", what, last, page.nextCursor());
            }
        }
    }
}
