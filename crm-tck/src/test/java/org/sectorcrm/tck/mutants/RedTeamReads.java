package org.sectorcrm.tck.mutants;

import static org.sectorcrm.tck.mutants.BrokenStores.all;
import static org.sectorcrm.tck.mutants.BrokenStores.firstPage;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.spi.ForwardingStorageTransaction;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.mutants.BrokenStores.BreaksOneType;

/**
 * Mutants written from the read half of the SPI's Javadoc ({@code query} ordering and cursors, {@code count},
 * {@code search}, {@code ReportQueries}), one broken sentence each. {@link RedTeamMutants} lists them.
 */
final class RedTeamReads {
    private RedTeamReads() {
    }

    /** Query in an order of its own: the matching rows after the cursor by {@code order}, paged. */
    static <I extends Id, T extends Aggregate<I>, F> Page<T> ordered(AggregateStore<I, T, F> store, AggregateType<I, T, F> type, F filter,
            PageRequest page, Comparator<String> order) {
        List<T> rows = all(store).stream().filter(t -> type.matches(filter, t))
                .filter(t -> page.after() == null || order.compare(t.id().asString(), page.after()) > 0)
                .sorted(Comparator.comparing(t -> t.id().asString(), order)).toList();
        return firstPage(rows, page);
    }

    /** Ids ordered as UUIDs ({@code UUID.compareTo}, signed longs), not as text: an in-memory TreeMap keyed by UUID. */
    static final class OrdersIdsAsUuids<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        OrdersIdsAsUuids(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    return ordered(store, broken, filter, page, Comparator.comparing(UUID::fromString));
                }
            };
        }
    }

    /** Codes ordered under a case-insensitive collation, not as plain text. */
    static final class CodesOrderIgnoringCase<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        CodesOrderIgnoringCase(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    return ordered(store, broken, filter, page, String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
                }
            };
        }
    }

    /** The last page, shorter than the limit, still carries a next cursor (the cursor set whenever the page is not empty). */
    static final class CursorOnShortLastPage<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        CursorOnShortLastPage(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    Page<T> p = store.query(filter, page);
                    return p.hasNext() || p.items().isEmpty() ? p : new Page<>(p.items(), p.items().get(p.items().size() - 1).id().asString());
                }
            };
        }
    }

    /** A full page never carries a cursor (limit rows fetched, not limit + 1): the rows after the first page are never reached. */
    static final class NoCursorOnFullPage<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        NoCursorOnFullPage(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> query(F filter, PageRequest page) {
                    return new Page<>(store.query(filter, page).items(), null);
                }
            };
        }
    }

    /** Filters look at the record as first inserted (filter columns written on insert only); the record itself is current. */
    static final class FilterSeesFirstVersion<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final Map<String, T> first = new ConcurrentHashMap<>();

        FilterSeesFirstVersion(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    if (expectedVersion == 0) {
                        first.put(t.id().asString(), t);
                    }
                }

                private boolean matches(F filter, T t) {
                    return broken.matches(filter, first.getOrDefault(t.id().asString(), t));
                }

                @Override
                public Page<T> query(F filter, PageRequest page) {
                    return firstPage(all(store).stream().filter(t -> page.after() == null || t.id().asString().compareTo(page.after()) > 0)
                            .filter(t -> matches(filter, t)).toList(), page);
                }

                @Override
                public long count(F filter) {
                    return all(store).stream().filter(t -> matches(filter, t)).count();
                }
            };
        }
    }

    /** count adds the deleted rows (a soft-delete flag that query reads and count forgets). */
    static final class CountIncludesDeleted<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final Map<String, T> deleted = new ConcurrentHashMap<>();

        CountIncludesDeleted(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    deleted.remove(t.id().asString());
                }

                @Override
                public void delete(I id, long expectedVersion) {
                    T gone = store.find(id).orElse(null);
                    store.delete(id, expectedVersion);
                    if (gone != null) {
                        deleted.put(id.asString(), gone);
                    }
                }

                @Override
                public long count(F filter) {
                    return store.count(filter) + deleted.values().stream().filter(t -> broken.matches(filter, t)).count();
                }
            };
        }
    }

    /** Search through a store's own matcher over the type's searchable text, for the mutants that get the text or the matching wrong. */
    abstract static class SearchesBy<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        SearchesBy(AggregateType<I, T, F> type) {
            super(type);
        }

        abstract boolean matches(SearchTerms terms, String text);

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                    return firstPage(all(store).stream().filter(t -> page.after() == null || t.id().asString().compareTo(page.after()) > 0)
                            .filter(t -> SearchesBy.this.matches(terms, broken.searchableText(t, reader))).toList(), page);
                }
            };
        }
    }

    /** Only the first part of the searchable text is indexed (one column of several). */
    static final class SearchFirstPartOnly<I extends Id, T extends Aggregate<I>, F> extends SearchesBy<I, T, F> {
        SearchFirstPartOnly(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        boolean matches(SearchTerms terms, String text) {
            return terms.matches(text.split("\n", 2)[0]);
        }
    }

    /** Any word of the query is enough (OR instead of AND). */
    static final class SearchAnyWord<I extends Id, T extends Aggregate<I>, F> extends SearchesBy<I, T, F> {
        SearchAnyWord(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        boolean matches(SearchTerms terms, String text) {
            return terms.words().stream().anyMatch(w -> SearchTerms.tokens(text).contains(w));
        }
    }

    /** Words shorter than four letters are never indexed (a full-text engine's default minimum word length). */
    static final class SearchDropsShortWords<I extends Id, T extends Aggregate<I>, F> extends SearchesBy<I, T, F> {
        SearchDropsShortWords(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        boolean matches(SearchTerms terms, String text) {
            return terms.words().stream().allMatch(w -> w.length() > 3) && terms.matches(text);
        }
    }

    /** Numbers are never words (a tokenizer of letters only). */
    static final class SearchDropsNumbers<I extends Id, T extends Aggregate<I>, F> extends SearchesBy<I, T, F> {
        SearchDropsNumbers(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        boolean matches(SearchTerms terms, String text) {
            return terms.words().stream().noneMatch(w -> w.chars().allMatch(Character::isDigit)) && terms.matches(text);
        }
    }

    /** A PRIVATE note is searchable for every staff user of its author's partner (visibility checked by partner only). */
    static final class PrivateNotesForColleagues extends BreaksOneType<EngagementId, Engagement, EngagementFilter> {
        PrivateNotesForColleagues() {
            super(AggregateTypes.ENGAGEMENT);
        }

        @Override
        AggregateStore<EngagementId, Engagement, EngagementFilter> breakStore(AggregateStore<EngagementId, Engagement, EngagementFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public Page<Engagement> search(SearchTerms terms, Reader reader, PageRequest page) {
                    Function<Engagement, String> text = e -> e.summary() + "\n" + String.join("\n", e.notes().stream()
                            .filter(n -> n.visibility() == Visibility.SHARED || reader.partner() != null && reader.partner().equals(n.partner()))
                            .map(n -> n.text()).toList());
                    return firstPage(all(store).stream().filter(e -> page.after() == null || e.id().asString().compareTo(page.after()) > 0)
                            .filter(e -> terms.matches(text.apply(e))).toList(), page);
                }
            };
        }
    }

    /** Records written by saveAll get no search rows (the batched path forgets the index); save indexes them. */
    static final class BatchNotIndexed<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final Set<String> unindexed = ConcurrentHashMap.newKeySet();

        BatchNotIndexed(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    unindexed.remove(t.id().asString());
                }

                @Override
                public void saveAll(List<Save<T>> saves) {
                    RedTeamWrites.refuseRepeats(broken, saves);
                    for (Save<T> s : saves) {
                        store.save(s.aggregate(), s.expectedVersion());
                        unindexed.add(s.aggregate().id().asString());
                    }
                }

                @Override
                public Page<T> search(SearchTerms terms, Reader reader, PageRequest page) {
                    return firstPage(all(store).stream().filter(t -> page.after() == null || t.id().asString().compareTo(page.after()) > 0)
                            .filter(t -> !unindexed.contains(t.id().asString()) && terms.matches(broken.searchableText(t, reader))).toList(), page);
                }
            };
        }
    }

    // --- the report queries ----------------------------------------------------------------------------------------

    /** A storage whose report queries are replaced; everything else is the in-memory reference. */
    abstract static class BreaksReports extends ForwardingCrmStorage {
        BreaksReports() {
            super(new InMemoryCrmStorage());
        }

        abstract ReportQueries breakReports(ReportQueries real, StorageTransaction tx);

        @Override
        protected StorageTransaction wrap(StorageTransaction tx) {
            StorageTransaction base = super.wrap(tx);
            return new ForwardingStorageTransaction(base) {
                @Override
                public ReportQueries reports() {
                    return breakReports(base.reports(), base);
                }
            };
        }
    }

    /** Report queries that forward to the real ones except where a mutant overrides one. */
    static class ForwardingReports implements ReportQueries {
        final ReportQueries real;

        ForwardingReports(ReportQueries real) {
            this.real = real;
        }

        @Override
        public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
            return real.countByRegionAndSector(filter);
        }

        @Override
        public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
            return real.servedEstablishments(from, to);
        }

        @Override
        public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
            return real.countableServices(from, to, partner);
        }

        @Override
        public List<PlacedService> placedCountableServices(LocalDate from, LocalDate to, PartnerId partner, boolean byCategory) {
            return real.placedCountableServices(from, to, partner, byCategory);
        }

        @Override
        public List<PartnerContact> partnerContacts(LocalDate from, LocalDate to) {
            return real.partnerContacts(from, to);
        }
    }

    /** countableServices reads a services table that deletes never clean up: a deleted engagement's services still count. */
    static final class CountableKeepsDeleted extends BreaksReports {
        private final Map<String, Engagement> everSaved = new ConcurrentHashMap<>();

        @Override
        protected <I extends Id, T extends Aggregate<I>, F> AggregateStore<I, T, F> store(AggregateType<I, T, F> type, AggregateStore<I, T, F> store) {
            if (type != AggregateTypes.ENGAGEMENT) {
                return store;
            }
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion);
                    everSaved.put(t.id().asString(), (Engagement) t);
                }
            };
        }

        @Override
        ReportQueries breakReports(ReportQueries real, StorageTransaction tx) {
            return new ForwardingReports(real) {
                @Override
                public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
                    List<ServedEstablishment> live = real.countableServices(from, to, partner);
                    java.util.Set<ServedEstablishment> all = new java.util.LinkedHashSet<>(live);
                    for (Engagement e : everSaved.values()) {
                        if (e.countsForEse() && !e.date().isBefore(from) && !e.date().isAfter(to) && (partner == null || partner.equals(e.partner()))) {
                            e.services().forEach(c -> all.add(new ServedEstablishment(e.employer(), e.establishment(), c)));
                        }
                    }
                    return List.copyOf(all);
                }
            };
        }
    }

    /** countableServices answers an open period (null from or to) with nothing instead of refusing it. */
    static final class CountableAcceptsOpenPeriod extends BreaksReports {
        @Override
        ReportQueries breakReports(ReportQueries real, StorageTransaction tx) {
            return new ForwardingReports(real) {
                @Override
                public List<ServedEstablishment> countableServices(LocalDate from, LocalDate to, PartnerId partner) {
                    return from == null || to == null ? List.of() : real.countableServices(from, to, partner);
                }
            };
        }
    }

    /** servedEstablishments joins the establishments table: engagements that name no establishment drop out (an INNER JOIN). */
    static final class ServedDropsNoEstablishment extends BreaksReports {
        @Override
        ReportQueries breakReports(ReportQueries real, StorageTransaction tx) {
            return new ForwardingReports(real) {
                @Override
                public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                    return real.servedEstablishments(from, to).stream().filter(s -> s.establishment() != null).toList();
                }
            };
        }
    }
}
