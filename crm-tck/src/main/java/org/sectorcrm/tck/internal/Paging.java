package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;
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
            assertThat(page).as("%s: page %d (limit %d) must not be null", what, pages, limit).isNotNull();
            checkPage(what + ", page " + pages, request, page, idOf);
            out.addAll(page.items());
            if (page.nextCursor() == null) {
                return out;
            }
            cursor = page.nextCursor();
        }
    }

    /** The invariants of one page (see the class comment). */
    public static <T> void checkPage(String what, PageRequest request, Page<T> page, Function<T, ? extends Id> idOf) {
        List<T> items = page.items();
        assertThat(items.size()).as("%s: a page holds at most the limit of %d items", what, request.limit()).isLessThanOrEqualTo(request.limit());
        String previous = request.after();
        for (T item : items) {
            String id = idOf.apply(item).asString();
            if (previous != null) {
                assertThat(id).as("%s: ids must ascend in plain text order and come strictly after %s (the cursor or the previous item)",
                        what, previous).isGreaterThan(previous);
            }
            previous = id;
        }
        if (page.nextCursor() != null) {
            assertThat(items).as("%s: a page with a next cursor must hold items (the cursor is the last returned id)", what).isNotEmpty();
            assertThat(page.nextCursor()).as("%s: the next cursor is the id of the last returned item", what)
                    .isEqualTo(idOf.apply(items.get(items.size() - 1)).asString());
        }
    }
}
