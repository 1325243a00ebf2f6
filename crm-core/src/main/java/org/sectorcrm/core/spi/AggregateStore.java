package org.sectorcrm.core.spi;

import java.util.Optional;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.type.AggregateType;

/**
 * The store of one aggregate type: find, save with an expected version, delete, query.
 *
 * @param <I> the id type
 * @param <T> the aggregate type
 * @param <F> the filter type; its {@code matches(T)} method defines which aggregates a query returns
 * @since 1
 */
public interface AggregateStore<I extends Id, T extends Aggregate<I>, F> {

    /** The type this store holds. @since 2 */
    AggregateType<I, T, F> type();

    /**
     * The aggregate with this id, equal (by {@code equals}) to what was last saved, or empty when there is none.
     */
    Optional<T> find(I id);

    /**
     * Inserts or updates the aggregate, atomically checking the version stored now.
     * <ul>
     *   <li>{@code expectedVersion == 0}: inserts; the aggregate's version is usually 1 but may be higher (a restore
     *       from an export keeps versions). When a record with this id
     *       exists, throws {@link org.sectorcrm.core.ConflictException} (with its current version) and changes nothing.</li>
     *   <li>{@code expectedVersion > 0}: replaces the stored aggregate only if its version equals
     *       {@code expectedVersion}; the new aggregate's version must be {@code expectedVersion + 1}. Otherwise throws
     *       {@link org.sectorcrm.core.ConflictException} carrying the current version (a stale save), or
     *       {@link org.sectorcrm.core.NotFoundException} when there is no record; either way nothing changes.</li>
     *   <li>A taken unique key ({@link AggregateType#uniqueKeys()}; values compare exactly, so keys differing only in
     *       case are distinct) throws {@link org.sectorcrm.core.ConflictException}. A value is taken only while a stored
     *       record holds it: a delete, or an update of its holder to another value, frees it; records without a value
     *       never collide. (Sharpened in kit 2.1.)</li>
     *   <li>A missing referenced record ({@link AggregateType#references()}) throws {@link org.sectorcrm.core.NotFoundException} (under
     *       {@link Capability#REFERENTIAL_INTEGRITY}), on an update as on an insert.</li>
     * </ul>
     * Every field round-trips: a later {@link #find} returns an equal aggregate.
     *
     * @throws IllegalArgumentException when the aggregate is a draft (no id or stamp), {@code expectedVersion} is negative,
     *         or (for an update) its version is not {@code expectedVersion + 1}: a bug of the caller, not a conflict
     */
    void save(T aggregate, long expectedVersion);

    /** One save of a {@link #saveAll} batch: the aggregate and the version it is saved over (0 inserts). @since 2 */
    record Save<A>(A aggregate, long expectedVersion) {
        public Save {
            if (aggregate == null) {
                throw org.sectorcrm.core.ValidationException.of("save", "aggregate", "is required");
            }
        }
    }

    /**
     * Saves every aggregate of {@code saves} in order, each under the rules of {@link #save}: the bulk write path,
     * which a store may run as batched statements. The outcome is that of calling {@code save} for each in turn:
     * when one of them would throw, this throws what that save would have thrown (naming that aggregate), and the
     * caller must let the transaction fail: the writes of the batch before it may have been made in it. Two saves
     * of one id in one batch are refused with {@link IllegalArgumentException}. "In order" is observable: a unique
     * key that one save of the batch moves away is free for a later save of the same batch, so a store may not run
     * a batch's inserts before its updates. The records a batch writes are found by {@link #find}, {@link #query} and
     * {@link #search} exactly as if {@code save} had written them (kit 2.1 checks the search index too).
     *
     * <p>The default calls {@link #save} for each, so every store has it; stores with a cheaper bulk write override it.
     *
     * @since 2
     */
    default void saveAll(java.util.List<Save<T>> saves) {
        java.util.Objects.requireNonNull(saves, "saves");
        java.util.Set<I> ids = new java.util.HashSet<>();
        for (Save<T> s : saves) {
            if (s.aggregate().id() != null && !ids.add(s.aggregate().id())) {
                throw new IllegalArgumentException(type().key() + " " + s.aggregate().id().asString() + " is saved twice in one batch");
            }
        }
        for (Save<T> s : saves) {
            save(s.aggregate(), s.expectedVersion());
        }
    }

    /**
     * Deletes the aggregate if its stored version equals {@code expectedVersion} (so {@code 0}, which no stored
     * record has, never deletes).
     *
     * @throws org.sectorcrm.core.NotFoundException when there is no such record
     * @throws org.sectorcrm.core.ConflictException when the stored version differs (carrying it), or, under
     *         {@link Capability#REFERENTIAL_INTEGRITY}, when other records still reference it; nothing changes
     */
    void delete(I id, long expectedVersion);

    /**
     * The aggregates matching {@code filter} by the values stored now, in ascending order of {@link Id#asString()}
     * (plain {@link String#compareTo}: UUIDs as lower-case text, so {@code 8...} after {@code 7...}; codes
     * case-sensitively), strictly after the page's cursor, at most {@code page.limit()} of them.
     * {@link org.sectorcrm.core.Page#nextCursor()} is the last returned id when more may follow and null when this is
     * the last page; a page holding fewer than {@code page.limit()} aggregates is the last page. Following the cursors
     * from the first page returns every matching aggregate exactly once. (Sharpened in kit 2.1.)
     */
    Page<T> query(F filter, PageRequest page);

    /** How many aggregates match {@code filter}. */
    long count(F filter);

    /**
     * The aggregates whose {@linkplain AggregateType#searchableText searchable text for this reader} contains every
     * word of {@code terms} ({@link SearchTerms#matches}), paged like {@link #query}. The text is every part of the
     * searchable text (each field it joins), its words are those of {@link SearchTerms#tokens} (numbers are words;
     * no word is a stopword). Must include every such aggregate; may include more (stemming); must never match on text the reader may not read (an engagement's
     * PRIVATE note of another author, a PARTNER note of another partner). Inside a transaction it sees that
     * transaction's own writes, and an updated aggregate is found by its new text only.
     *
     * <p>The default scans {@link #query} with the type's "all" filter; stores with a text index override it.
     *
     * @since 2
     */
    default Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
        java.util.Objects.requireNonNull(terms, "terms");
        java.util.Objects.requireNonNull(reader, "reader");
        java.util.Objects.requireNonNull(page, "page");
        AggregateType<I, T, F> type = type();
        java.util.List<T> hits = new java.util.ArrayList<>();
        PageRequest scan = page.after() == null ? PageRequest.first(PageRequest.MAX_LIMIT) : PageRequest.after(page.after(), PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> batch = query(type.all(), scan);
            for (T t : batch.items()) {
                if (terms.matches(type.searchableText(t, reader))) {
                    hits.add(t);
                    if (hits.size() > page.limit()) {
                        return Page.of(hits, page.limit(), Aggregate::id);
                    }
                }
            }
            if (!batch.hasNext()) {
                return Page.of(hits, page.limit(), Aggregate::id);
            }
            scan = PageRequest.after(batch.nextCursor(), PageRequest.MAX_LIMIT);
        }
    }
}
