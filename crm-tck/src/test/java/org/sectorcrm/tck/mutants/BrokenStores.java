package org.sectorcrm.tck.mutants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.ForwardingReportQueries;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Mutants of the in-memory reference store, each broken in exactly one sentence of the storage contract, in the way
 * a real implementation tends to break it, and each for one aggregate type (spread over the types, since the kit
 * must check every sentence for every type). The kit must catch every one.
 */
final class BrokenStores {
    private BrokenStores() {
    }

    /** A mutant of the store of one type; every other type's store stays correct. */
    abstract static class BreaksOneType<I extends Id, T extends Aggregate<I>, F> extends ForwardingCrmStorage {
        final AggregateType<I, T, F> broken;

        BreaksOneType(AggregateType<I, T, F> broken) {
            super(new InMemoryCrmStorage());
            this.broken = broken;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected <J extends Id, U extends Aggregate<J>, G> AggregateStore<J, U, G> store(AggregateType<J, U, G> type, AggregateStore<J, U, G> store) {
            return type == broken ? (AggregateStore<J, U, G>) (Object) breakStore((AggregateStore<I, T, F>) (Object) store) : store;
        }

        abstract AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store);
    }

    /** Saves over whatever version is stored, whatever version the caller expected: lost updates. */
    static final class IgnoresExpectedVersion<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        IgnoresExpectedVersion(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    Optional<T> current = expectedVersion > 0 ? store.find(t.id()) : Optional.empty();
                    if (current.isEmpty()) {
                        store.save(t, expectedVersion);
                        return;
                    }
                    long stored = current.get().version();
                    Stamp s = t.stamp();
                    store.save(broken.assign(t, t.id(), new Stamp(stored + 1, s.createdAt(), s.updatedAt(), s.createdBy())), stored);
                }
            };
        }
    }

    /** A save over a version ahead of the stored one goes through (a "version <= expected" check). */
    static final class AcceptsVersionAhead<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        AcceptsVersionAhead(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    Optional<T> current = expectedVersion > 0 ? store.find(t.id()) : Optional.empty();
                    if (current.isPresent() && current.get().version() < expectedVersion) {
                        long stored = current.get().version();
                        Stamp s = t.stamp();
                        store.save(broken.assign(t, t.id(), new Stamp(stored + 1, s.createdAt(), s.updatedAt(), s.createdBy())), stored);
                        return;
                    }
                    store.save(t, expectedVersion);
                }
            };
        }
    }

    /** A page after a cursor starts at the cursor row instead of after it (">=" for ">"): a row twice across pages. */
    static final class RepeatsRowAcrossPages<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        RepeatsRowAcrossPages(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    Page<T> p = store.query(filter, page);
                    if (page.after() == null) {
                        return p;
                    }
                    Optional<T> cursorRow = store.find(broken.parseId(page.after())).filter(t -> broken.matches(filter, t));
                    if (cursorRow.isEmpty()) {
                        return p;
                    }
                    List<T> items = new ArrayList<>(p.items());
                    items.add(0, cursorRow.get());
                    if (items.size() <= page.limit()) {
                        return new Page<>(items, p.nextCursor());
                    }
                    List<T> kept = items.subList(0, page.limit());
                    return new Page<>(kept, kept.get(kept.size() - 1).id().asString());
                }
            };
        }
    }

    /** Every page after the first loses its first row (an off-by-one in an OFFSET computation): rows go missing. */
    static final class SkipsRowAcrossPages<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        SkipsRowAcrossPages(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    Page<T> p = store.query(filter, page);
                    if (page.after() == null || p.items().isEmpty()) {
                        return p;
                    }
                    return new Page<>(p.items().subList(1, p.items().size()), p.items().size() > 1 ? p.nextCursor() : null);
                }
            };
        }
    }

    /** Query and count ignore the filter entirely (the WHERE clause of one table forgotten). */
    static final class IgnoresFilter<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        IgnoresFilter(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    return store.query(broken.all(), page);
                }

                @Override
                public long count(F filter) {
                    return store.count(broken.all());
                }
            };
        }
    }

    /** Count ignores the filter while query applies it (two code paths, one forgotten). */
    static final class CountIgnoresFilter<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        CountIgnoresFilter(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public long count(F filter) {
                    return store.count(broken.all());
                }
            };
        }
    }

    /** Queries and counts ignore {@link EmployerFilter#status()} (one condition of a WHERE clause forgotten). */
    static final class IgnoresEmployerStatusFilter extends BreaksOneType<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> {
        IgnoresEmployerStatusFilter() {
            super(AggregateTypes.EMPLOYER);
        }

        @Override
        AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> breakStore(
                AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<Employer> query(EmployerFilter filter, PageRequest page) {
                    return store.query(filter.withStatus(null), page);
                }

                @Override
                public long count(EmployerFilter filter) {
                    return store.count(filter.withStatus(null));
                }
            };
        }
    }

    /** Establishments lose their state UI account number (a column missing from the mapping). */
    static final class DropsUiAccountNumber extends BreaksOneType<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> {
        DropsUiAccountNumber() {
            super(AggregateTypes.EMPLOYER);
        }

        @Override
        AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> breakStore(
                AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(Employer e, long expectedVersion) {
                    List<Establishment> sites = e.establishments().stream()
                            .map(s -> new Establishment(s.id(), s.name(), s.address(), s.county(), null, s.naics(), s.primary())).toList();
                    store.save(e.withEstablishments(sites), expectedVersion);
                }
            };
        }
    }

    /** Stamps lose their nanoseconds (a TIMESTAMP column of microsecond precision). */
    static final class TruncatesInstants<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        TruncatesInstants(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    Stamp s = t.stamp();
                    Stamp cut = s == null ? null : new Stamp(s.version(), s.createdAt().truncatedTo(ChronoUnit.MICROS),
                            s.updatedAt().truncatedTo(ChronoUnit.MICROS), s.createdBy());
                    store.save(s == null ? t : broken.assign(t, t.id(), cut), expectedVersion);
                }
            };
        }
    }

    /** Text loses leading and trailing blanks (a mapping that trims): the search text field of one type. */
    static final class TrimsText<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final java.util.function.UnaryOperator<T> trim;

        TrimsText(AggregateType<I, T, F> type, java.util.function.UnaryOperator<T> trim) {
            super(type);
            this.trim = trim;
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(trim.apply(t), expectedVersion);
                }
            };
        }
    }

    /** Solution costs lose their scale (a DOUBLE column, or stripTrailingZeros). */
    static final class StripsDecimalScale extends BreaksOneType<org.sectorcrm.core.solution.SolutionId, org.sectorcrm.core.solution.Solution,
            org.sectorcrm.core.solution.SolutionFilter> {
        StripsDecimalScale() {
            super(AggregateTypes.SOLUTION);
        }

        @Override
        AggregateStore<org.sectorcrm.core.solution.SolutionId, org.sectorcrm.core.solution.Solution, org.sectorcrm.core.solution.SolutionFilter> breakStore(
                AggregateStore<org.sectorcrm.core.solution.SolutionId, org.sectorcrm.core.solution.Solution, org.sectorcrm.core.solution.SolutionFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(org.sectorcrm.core.solution.Solution s, long expectedVersion) {
                    BigDecimal cost = s.cost() == null ? null : s.cost().stripTrailingZeros();
                    store.save(s.withCost(cost), expectedVersion);
                }
            };
        }
    }

    /** Delete checks the version and then does nothing (a soft-delete flag set but never read). */
    static final class DeleteDoesNotDelete<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        DeleteDoesNotDelete(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    T stored = store.find(id).orElseThrow(() -> new NotFoundException(broken.key(), id));
                    if (stored.version() != expectedVersion) {
                        throw ConflictException.staleVersion(broken.key(), id, expectedVersion, stored.version());
                    }
                }
            };
        }
    }

    /** Delete ignores the expected version ("DELETE ... WHERE id = ?" without the version). */
    static final class DeleteIgnoresVersion<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        DeleteIgnoresVersion(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    Optional<T> stored = store.find(id);
                    store.delete(id, stored.map(Aggregate::version).orElse(expectedVersion));
                }
            };
        }
    }

    /** A stamped record without an id gets one made up instead of being refused. */
    static final class InventsMissingIds<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        InventsMissingIds(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t.id() == null && t.stamp() != null ? broken.assign(t, broken.newId(java.util.UUID.randomUUID()), t.stamp()) : t,
                            expectedVersion);
                }
            };
        }
    }

    /** A unique key compared without case (a case-insensitive collation or lower() index). */
    static final class UniqueKeyIgnoresCase<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        UniqueKeyIgnoresCase(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    for (AggregateType.UniqueKey<T> key : broken.uniqueKeys()) {
                        String value = key.of(t);
                        if (value == null) {
                            continue;
                        }
                        for (T other : all(store)) {
                            if (!other.id().equals(t.id()) && value.equalsIgnoreCase(key.of(other))) {
                                throw new ConflictException(broken.key(), t.id(), null, key.label() + " " + value + " is taken");
                            }
                        }
                    }
                    store.save(t, expectedVersion);
                }
            };
        }
    }

    /** Unique keys are not enforced (the unique index was never created). */
    static final class IgnoresUniqueKeys<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final InMemoryCrmStorage shadow = new InMemoryCrmStorage();

        IgnoresUniqueKeys(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    try {
                        store.save(t, expectedVersion);
                    } catch (ConflictException e) {
                        if (e.currentVersion().isPresent()) {
                            throw e; // a version conflict, not a key
                        }
                        // A taken key: the real store refused it, this one keeps it anyway (under a shadow copy of the key's owner).
                        T renamed = t;
                        shadowSave(renamed, expectedVersion);
                    }
                }

                private void shadowSave(T t, long expectedVersion) {
                    shadow.inTransaction(tx -> {
                        tx.store(broken).save(t, 0);
                        return null;
                    });
                }

                @Override
                public Optional<T> find(I id) {
                    Optional<T> found = store.find(id);
                    return found.isPresent() ? found : shadow.read(tx -> tx.store(broken).find(id));
                }
            };
        }
    }

    /** References are not checked (no foreign key), though the storage declares REFERENTIAL_INTEGRITY. */
    static final class IgnoresReferences<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        IgnoresReferences(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    try {
                        store.save(t, expectedVersion);
                    } catch (NotFoundException e) {
                        if (expectedVersion == 0 && e.recordType().equals(broken.key())) {
                            throw e;
                        }
                        // swallowed: the record is "saved" nowhere, as a store without the check would lose track of it
                    }
                }
            };
        }
    }

    /** Employer search looks at the legal name and tags but not at the trade names (an index missing a column). */
    static final class SearchMissesTradeNames extends BreaksOneType<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> {
        SearchMissesTradeNames() {
            super(AggregateTypes.EMPLOYER);
        }

        @Override
        AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> breakStore(
                AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<Employer> search(SearchTerms terms, Reader reader, PageRequest page) {
                    Page<Employer> p = store.search(terms, reader, page);
                    List<Employer> kept = p.items().stream().filter(e -> terms.matches(e.legalName() + "\n" + String.join("\n", e.tags()))).toList();
                    return new Page<>(kept, kept.isEmpty() ? null : p.nextCursor() == null ? null : kept.get(kept.size() - 1).id().asString());
                }
            };
        }
    }

    /** Search finds nothing for one type (a type left out of the index). */
    static final class SearchFindsNothing<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        SearchFindsNothing(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                    return new Page<>(List.of(), null);
                }
            };
        }
    }

    /** Search rows are written on insert only: an updated record is still found by its old words and not by its new ones. */
    static final class SearchNotReindexed<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final Map<String, String> indexed = new ConcurrentHashMap<>();

        SearchNotReindexed(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    indexed.putIfAbsent(t.id().asString(), broken.searchableText(t, Reader.EVERYONE));
                }

                @Override
                public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                    List<T> hits = all(store).stream().filter(t -> page.after() == null || t.id().asString().compareTo(page.after()) > 0)
                            .filter(t -> terms.matches(indexed.getOrDefault(t.id().asString(), broken.searchableText(t, reader)))).toList();
                    return firstPage(hits, page);
                }
            };
        }
    }

    /** Deleting leaves the search rows behind: search returns records that find no longer does. */
    static final class SearchKeepsDeleted<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final Map<String, T> deleted = new ConcurrentHashMap<>();

        SearchKeepsDeleted(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    Optional<T> before = store.find(id);
                    store.delete(id, expectedVersion);
                    before.ifPresent(t -> deleted.put(id.asString(), t));
                }

                @Override
                public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                    List<T> hits = new ArrayList<>(store.search(terms, reader, PageRequest.first(PageRequest.MAX_LIMIT)).items());
                    deleted.values().stream().filter(t -> terms.matches(broken.searchableText(t, reader))).forEach(hits::add);
                    hits.sort(java.util.Comparator.comparing(t -> t.id().asString()));
                    List<T> after = hits.stream().filter(t -> page.after() == null || t.id().asString().compareTo(page.after()) > 0).toList();
                    return firstPage(after, page);
                }
            };
        }
    }

    /** Engagement search matches every note's text, whoever reads (the note rows indexed without their visibility). */
    static final class SearchIgnoresNoteVisibility extends BreaksOneType<org.sectorcrm.core.engagement.EngagementId, Engagement,
            org.sectorcrm.core.engagement.EngagementFilter> {
        SearchIgnoresNoteVisibility() {
            super(AggregateTypes.ENGAGEMENT);
        }

        @Override
        AggregateStore<org.sectorcrm.core.engagement.EngagementId, Engagement, org.sectorcrm.core.engagement.EngagementFilter> breakStore(
                AggregateStore<org.sectorcrm.core.engagement.EngagementId, Engagement, org.sectorcrm.core.engagement.EngagementFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<Engagement> search(SearchTerms terms, Reader reader, PageRequest page) {
                    List<Engagement> hits = all(store).stream().filter(e -> page.after() == null || e.id().asString().compareTo(page.after()) > 0)
                            .filter(e -> terms.matches(e.summary() + "\n" + String.join("\n", e.notes().stream().map(n -> n.text()).toList()))).toList();
                    return firstPage(hits, page);
                }
            };
        }
    }

    /**
     * When the work throws, the first record it saved is written anyway (as an auto-committed statement
     * outside the transaction would be): a partial write after a failed transaction.
     */
    static final class LeavesPartialWrite extends ForwardingCrmStorage {
        private final ThreadLocal<AtomicReference<Runnable>> firstSave = new ThreadLocal<>();

        LeavesPartialWrite() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            if (firstSave.get() != null) {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            }
            AtomicReference<Runnable> replay = new AtomicReference<>();
            firstSave.set(replay);
            try {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            } catch (RuntimeException e) {
                Runnable r = replay.get();
                if (r != null) {
                    try {
                        r.run();
                    } catch (RuntimeException ignored) {
                        // the leak is best effort, like the bug it imitates
                    }
                }
                throw e;
            } finally {
                firstSave.remove();
            }
        }

        @Override
        protected <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type, AggregateStore<I, T, F> store) {
            AtomicReference<Runnable> replay = firstSave.get();
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    if (replay != null && replay.get() == null) {
                        replay.set(() -> delegate.inTransaction(tx -> {
                            tx.store(type).save(t, expectedVersion);
                            return null;
                        }));
                    }
                }
            };
        }
    }

    /**
     * A transaction nested in another simply runs in it: when the inner work throws and the outer work catches, the
     * inner writes are committed with the outer ones (no savepoint).
     */
    static final class NestedFailureKeepsWrites extends ForwardingCrmStorage {
        private final ThreadLocal<StorageTransaction> current = new ThreadLocal<>();

        NestedFailureKeepsWrites() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            StorageTransaction outer = current.get();
            if (outer != null) {
                return work.run(outer);
            }
            return delegate.inTransaction(tx -> {
                StorageTransaction wrapped = wrap(tx);
                current.set(wrapped);
                try {
                    return work.run(wrapped);
                } finally {
                    current.remove();
                }
            });
        }
    }

    /** A read nested in a write transaction is handed the writable outer transaction: its writes go through. */
    static final class NestedReadWrites extends ForwardingCrmStorage {
        private final ThreadLocal<StorageTransaction> current = new ThreadLocal<>();

        NestedReadWrites() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            return delegate.inTransaction(tx -> {
                StorageTransaction outer = current.get();
                StorageTransaction wrapped = wrap(tx);
                current.set(wrapped);
                try {
                    return work.run(wrapped);
                } finally {
                    current.set(outer);
                }
            });
        }

        @Override
        public <R> R read(TransactionWork<R> work) {
            StorageTransaction outer = current.get();
            return outer != null ? inTransaction(work) : delegate.read(tx -> work.run(wrap(tx)));
        }
    }

    /** A read-only transaction lets writes through (the read flag never reaches the stores). */
    static final class ReadAllowsWrites extends ForwardingCrmStorage {
        ReadAllowsWrites() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R read(TransactionWork<R> work) {
            return delegate.inTransaction(tx -> work.run(wrap(tx)));
        }
    }

    /** Events are appended outside the transaction, after it ends: a rolled-back transaction's events stay in the log. */
    static final class EventsEscapeRollback extends ForwardingCrmStorage {
        private final ThreadLocal<List<DomainEvent>> pending = new ThreadLocal<>();

        EventsEscapeRollback() {
            super(new InMemoryCrmStorage());
        }

        @Override
        public <R> R inTransaction(TransactionWork<R> work) {
            if (pending.get() != null) {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            }
            List<DomainEvent> events = new ArrayList<>();
            pending.set(events);
            try {
                return delegate.inTransaction(tx -> work.run(wrap(tx)));
            } finally {
                pending.remove();
                if (!events.isEmpty()) {
                    delegate.inTransaction(tx -> {
                        events.forEach(tx.events()::append);
                        return null;
                    });
                }
            }
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            List<DomainEvent> events = pending.get();
            return new ForwardingStorageTransaction(base) {
                @Override
                public EventLog events() {
                    EventLog log = base.events();
                    return new EventLog() {
                        @Override
                        public void append(DomainEvent event) {
                            if (events == null) {
                                throw new IllegalStateException("this is a read-only transaction");
                            }
                            events.add(event);
                        }

                        @Override
                        public List<StoredEvent> after(long afterSequence, int limit) {
                            return log.after(afterSequence, limit);
                        }
                    };
                }
            };
        }
    }

    /** after(sequence) includes the event at that sequence (">=" for ">"): a consumer processes one event twice on every read. */
    static final class EventCursorInclusive extends ForwardingCrmStorage {
        EventCursorInclusive() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public EventLog events() {
                    EventLog log = base.events();
                    return new EventLog() {
                        @Override
                        public void append(DomainEvent event) {
                            log.append(event);
                        }

                        @Override
                        public List<StoredEvent> after(long afterSequence, int limit) {
                            return log.after(Math.max(0, afterSequence - 1), limit);
                        }
                    };
                }
            };
        }
    }

    /** An audit entry with a logged id overwrites the logged one instead of being refused. */
    static final class AuditOverwrites extends ForwardingCrmStorage {
        AuditOverwrites() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public AuditLog audit() {
                    AuditLog log = base.audit();
                    return new AuditLog() {
                        @Override
                        public void append(AuditEntry entry) {
                            try {
                                log.append(entry);
                            } catch (ConflictException e) {
                                // swallowed: "upsert"
                            }
                        }

                        @Override
                        public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                            return log.query(filter, page);
                        }
                    };
                }
            };
        }
    }

    /** The report queries ignore engagements' staff-assisted flag (a condition missing from the SQL). */
    static final class ServedIgnoresStaffAssisted extends ForwardingCrmStorage {
        ServedIgnoresStaffAssisted() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    ReportQueries real = base.reports();
                    return new ForwardingReportQueries(real) {
                        @Override
                        public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                            java.util.Set<ServedEstablishment> all = new java.util.LinkedHashSet<>();
                            for (Engagement e : all(base.engagements())) {
                                if (!e.date().isBefore(from) && !e.date().isAfter(to)) {
                                    e.services().forEach(c -> all.add(new ServedEstablishment(e.employer(), e.establishment(), c)));
                                }
                            }
                            return List.copyOf(all);
                        }
                    };
                }
            };
        }
    }

    /**
     * The placement joins an engagement that names no establishment to the employer's first establishment instead of
     * its primary one (a missing {@code is_primary} condition that happens to hold when the primary is listed first).
     */
    static final class PlacesFirstEstablishment extends ForwardingCrmStorage {
        PlacesFirstEstablishment() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, org.sectorcrm.core.reference.PartnerId partner,
                                boolean byCategory) {
                            return ReportQueries.place(delegate().countableServices(from, to, partner), byCategory, id -> base.employers().find(id).map(e -> {
                                if (e.establishments().isEmpty()) {
                                    return e;
                                }
                                List<org.sectorcrm.core.employer.Establishment> sites = new ArrayList<>();
                                for (int i = 0; i < e.establishments().size(); i++) {
                                    sites.add(e.establishments().get(i).withPrimary(i == 0));
                                }
                                return e.withEstablishments(sites);
                            }));
                        }
                    };
                }
            };
        }
    }

    /**
     * The ESE region filter compares the region's counties with the establishments' as written ("Cook" is not
     * "COOK County"), instead of by {@link ReportQueries#countyKey} (an SQL {@code IN} over the raw column).
     */
    static final class RegionCountiesCompareExactly extends ForwardingCrmStorage {
        RegionCountiesCompareExactly() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<ReportQueries.EseEstablishment> eseEstablishments(ReportQueries.EseQuery q) {
                            if (q.region() == null) {
                                return delegate().eseEstablishments(q);
                            }
                            java.util.function.Predicate<PlacedService> in = s -> s.establishment() != null && s.county() != null
                                    ? q.counties().contains(s.county()) : q.region().equals(s.region());
                            return ReportQueries.EseQuery.reference(ReportQueries.EseQuery.of(q.from(), q.to(), q.lookBackFrom(), q.lookBackTo(), q.partner()),
                                    delegate().placedCountableServices(q.from(), q.to(), q.partner(), true).stream().filter(in).toList(),
                                    delegate().placedCountableServices(q.lookBackFrom(), q.lookBackTo(), q.partner(), false).stream().filter(in).toList());
                        }
                    };
                }
            };
        }
    }

    /** The referral times come from a column of whole seconds: the milliseconds are cut off. */
    static final class ReferralMillisCutToSeconds extends ForwardingCrmStorage {
        ReferralMillisCutToSeconds() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<ReferralFact> referralFacts() {
                            return delegate().referralFacts().stream().map(f -> new ReferralFact(f.from(), f.to(), f.status(), f.responseDue(), f.declineReason(),
                                    f.responseMillis() == null ? null : f.responseMillis() / 1000 * 1000,
                                    f.completionMillis() == null ? null : f.completionMillis() / 1000 * 1000)).toList();
                        }
                    };
                }
            };
        }
    }

    /** The funnel takes only agreedOn: solutions stored before it existed (start date only) never count as agreed. */
    static final class NeedFactsWithoutStartDate extends ForwardingCrmStorage {
        NeedFactsWithoutStartDate() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<NeedFact> needFacts() {
                            Map<org.sectorcrm.core.need.NeedId, LocalDate> agreed = new java.util.HashMap<>();
                            for (org.sectorcrm.core.solution.Solution s : all(base.solutions())) {
                                if (s.agreedOrLater() && s.agreedOn() != null) {
                                    s.needs().forEach(n -> agreed.merge(n, s.agreedOn(), (a, b) -> a.isBefore(b) ? a : b));
                                }
                            }
                            List<NeedFact> facts = new ArrayList<>();
                            for (org.sectorcrm.core.need.BusinessNeed n : all(base.needs())) {
                                var e = base.employers().find(n.employer()).orElse(null);
                                facts.add(new NeedFact(n.category(), e == null ? null : e.sector(), n.status(), n.raisedOn(), agreed.get(n.id())));
                            }
                            return facts;
                        }
                    };
                }
            };
        }
    }

    /** Baseline and latest value go through a DECIMAL column that loses the scale written (12.50 comes back as 12.5). */
    static final class OutcomeFactsLoseScale extends ForwardingCrmStorage {
        OutcomeFactsLoseScale() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<OutcomeFact> outcomeFacts() {
                            return delegate().outcomeFacts().stream().map(f -> new OutcomeFact(f.id(), f.employer(), f.metric(), f.baseline().stripTrailingZeros(),
                                    f.latest() == null ? null : f.latest().stripTrailingZeros(), f.sector(), f.region(), f.partnership(), f.solutionType())).toList();
                        }
                    };
                }
            };
        }
    }

    /** Feedback on an engagement is counted for no partner (the join to the engagement is missing). */
    static final class RatingsWithoutEngagementPartner extends ForwardingCrmStorage {
        RatingsWithoutEngagementPartner() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<RatingCount> feedbackRatings() {
                            Map<List<Object>, Long> counts = new java.util.LinkedHashMap<>();
                            for (RatingCount c : delegate().feedbackRatings()) {
                                counts.merge(java.util.Arrays.asList(c.solutionType() == null ? null : c.partner(), c.solutionType(), c.rating()), c.count(), Long::sum);
                            }
                            List<RatingCount> rows = new ArrayList<>();
                            counts.forEach((k, n) -> rows.add(new RatingCount((org.sectorcrm.core.reference.PartnerId) k.get(0),
                                    (org.sectorcrm.core.solution.SolutionType) k.get(1), (Integer) k.get(2), n)));
                            return rows;
                        }
                    };
                }
            };
        }
    }

    /** The cadence rows forget to leave INACTIVE employers out (the status condition missing from the query). */
    static final class CadenceFactsKeepInactive extends ForwardingCrmStorage {
        CadenceFactsKeepInactive() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return new ForwardingReportQueries(base.reports()) {
                        @Override
                        public List<CadenceFact> cadenceFacts() {
                            List<CadenceFact> facts = new ArrayList<>();
                            for (org.sectorcrm.core.employer.Employer e : all(base.employers())) {
                                facts.add(new CadenceFact(e.id(), e.legalName(), e.sector(), e.lead() == null ? null : e.lead().partner()));
                            }
                            return facts;
                        }
                    };
                }
            };
        }
    }

    /**
     * A store written against kit 2.2: its report queries are only the ones that kit knew, so kit 2.3's come from the
     * SPI defaults (it compiles, and reports fall back to scanning, but it does not answer them).
     */
    static final class AnswersOnlyKit22Queries extends ForwardingCrmStorage {
        AnswersOnlyKit22Queries() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    ReportQueries real = base.reports();
                    return new ReportQueries() {
                        @Override
                        public List<GroupCount> countByRegionAndSector(org.sectorcrm.core.employer.EmployerFilter filter) {
                            return real.countByRegionAndSector(filter);
                        }

                        @Override
                        public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                            return real.servedEstablishments(from, to);
                        }

                        @Override
                        public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, org.sectorcrm.core.reference.PartnerId partner) {
                            return real.countableServices(from, to, partner);
                        }

                        @Override
                        public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, org.sectorcrm.core.reference.PartnerId partner,
                                boolean byCategory) {
                            return real.placedCountableServices(from, to, partner, byCategory);
                        }

                        @Override
                        public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
                            return real.partnerContacts(from, to);
                        }
                    };
                }
            };
        }
    }

    /** The contact rows forget to leave mass mailings out (a WHERE condition missing from the GROUP BY query). */
    static final class ContactsCountMassMailings extends ForwardingCrmStorage {
        ContactsCountMassMailings() {
            super(new InMemoryCrmStorage());
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    ReportQueries real = base.reports();
                    return new ForwardingReportQueries(real) {
                        @Override
                        public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, org.sectorcrm.core.reference.PartnerId partner,
                                boolean byCategory) {
                            return real.placedCountableServices(from, to, partner, byCategory);
                        }

                        @Override
                        public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
                            Map<List<Object>, PartnerContact> rows = new java.util.LinkedHashMap<>();
                            for (Engagement e : all(base.engagements())) {
                                if ((from == null || !e.date().isBefore(from)) && (to == null || !e.date().isAfter(to))) {
                                    rows.merge(List.of(e.employer(), e.partner()), new PartnerContact(e.employer(), e.partner(), e.date(), 1),
                                            (a, b) -> new PartnerContact(a.employer(), a.partner(), a.last().isAfter(b.last()) ? a.last() : b.last(),
                                                    a.engagements() + 1));
                                }
                            }
                            return List.copyOf(rows.values());
                        }
                    };
                }
            };
        }
    }

    /** The region/sector counts come from a summary table that deletes never update: deleted employers still count. */
    static final class CountsDeletedEmployers extends BreaksOneType<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> {
        private final Map<String, Employer> everSaved = new ConcurrentHashMap<>();

        CountsDeletedEmployers() {
            super(AggregateTypes.EMPLOYER);
        }

        @Override
        AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> breakStore(
                AggregateStore<org.sectorcrm.core.employer.EmployerId, Employer, EmployerFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(Employer e, long expectedVersion) {
                    store.save(e, expectedVersion);
                    everSaved.put(e.id().asString(), e);
                }
            };
        }

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    ReportQueries real = base.reports();
                    return new ForwardingReportQueries(real) {
                        @Override
                        public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
                            Map<List<String>, Long> groups = new java.util.TreeMap<>(java.util.Comparator
                                    .<List<String>, String>comparing(k -> k.get(0), java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                                    .thenComparing(k -> k.get(1), java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
                            for (Employer e : everSaved.values()) {
                                if (filter.matches(e)) {
                                    groups.merge(java.util.Arrays.asList(e.region() == null ? null : e.region().value(),
                                            e.sector() == null ? null : e.sector().value()), 1L, Long::sum);
                                }
                            }
                            List<GroupCount> out = new ArrayList<>();
                            groups.forEach((k, n) -> out.add(new GroupCount(k.get(0) == null ? null : new org.sectorcrm.core.reference.RegionCode(k.get(0)),
                                    k.get(1) == null ? null : new org.sectorcrm.core.reference.SectorCode(k.get(1)), n)));
                            return out;
                        }
                    };
                }
            };
        }
    }

    /** The page of {@code rows} (already past the cursor, in id order) that a store would return: at most limit, and whether more follow. */
    static <T extends Aggregate<?>> Page<T> firstPage(List<T> rows, PageRequest page) {
        return Page.of(new ArrayList<>(rows.subList(0, Math.min(rows.size(), page.limit() + 1))), page.limit(), Aggregate::id);
    }

    /** Every record of a store, page by page. */
    static <I extends Id, T extends Aggregate<I>, F> List<T> all(AggregateStore<I, T, F> store) {
        List<T> rows = new ArrayList<>();
        Page<T> page = store.query(store.type().all(), PageRequest.first(PageRequest.MAX_LIMIT));
        rows.addAll(page.items());
        while (page.hasNext()) {
            page = store.query(store.type().all(), PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            rows.addAll(page.items());
        }
        return rows;
    }
}
