package org.sectorcrm.core.memory;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.search.SearchableText;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.AuditLog;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.ContactStore;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.EmployerStore;
import org.sectorcrm.core.spi.EngagementStore;
import org.sectorcrm.core.spi.EventLog;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;

/**
 * The reference implementation of the storage SPI: every other store must behave like this one (the
 * kit's model-based properties compare them). Thread-safe. A read-write transaction holds a write lock
 * for its whole run and writes in place, keeping an undo log; when the work throws, the undo log puts
 * back every map as it was before any reader could see the difference. Read transactions share a read lock.
 * Simple and obviously all-or-nothing, at the price of one writer at a time.
 */
public final class InMemoryCrmStorage implements CrmStorage {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Tx> current = new ThreadLocal<>();

    private final Table<RegionCode, Region, RegionFilter> regions = new Table<>("region", RegionFilter::matches);
    private final Table<SectorCode, Sector, SectorFilter> sectors = new Table<>("sector", SectorFilter::matches);
    private final Table<PartnerId, Partner, PartnerFilter> partners = new Table<>("partner", PartnerFilter::matches);
    private final Table<StaffUserId, StaffUser, StaffUserFilter> staffUsers = new Table<>("staffUser", StaffUserFilter::matches);
    private final Table<EmployerId, Employer, EmployerFilter> employers = new Table<>("employer", EmployerFilter::matches);
    private final Table<ContactId, Contact, ContactFilter> contacts = new Table<>("contact", ContactFilter::matches);
    private final Table<EngagementId, Engagement, EngagementFilter> engagements = new Table<>("engagement", EngagementFilter::matches);
    private final Table<NeedId, BusinessNeed, NeedFilter> needs = new Table<>("need", NeedFilter::matches);
    private final Table<SolutionId, Solution, SolutionFilter> solutions = new Table<>("solution", SolutionFilter::matches);
    private final Table<PartnershipId, SectorPartnership, PartnershipFilter> partnerships = new Table<>("partnership", PartnershipFilter::matches);
    private final Table<ReferralId, Referral, ReferralFilter> referrals = new Table<>("referral", ReferralFilter::matches);
    private final Table<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes = new Table<>("outcome", OutcomeFilter::matches);
    private final Table<FeedbackId, Feedback, FeedbackFilter> feedback = new Table<>("feedback", FeedbackFilter::matches);
    private final TreeMap<String, AuditEntry> audit = new TreeMap<>();
    private final List<StoredEvent> events = new ArrayList<>();
    private volatile boolean closed;

    public InMemoryCrmStorage() {
        staffUsers.unique("email", StaffUser::email).references("partner", StaffUser::partner, partners);
        employers.unique("fein", Employer::fein);
        contacts.references("employer", Contact::employer, employers);
        engagements.unique("externalId", Engagement::externalId).references("employer", Engagement::employer, employers);
        needs.references("employer", BusinessNeed::employer, employers);
        solutions.references("employer", Solution::employer, employers);
        referrals.references("employer", Referral::employer, employers);
        outcomes.references("employer", OutcomeMeasure::employer, employers);
        feedback.references("employer", Feedback::employer, employers);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public <R> R inTransaction(TransactionWork<R> work) {
        return run(work, false);
    }

    @Override
    public <R> R read(TransactionWork<R> work) {
        return run(work, true);
    }

    private <R> R run(TransactionWork<R> work, boolean readOnly) {
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new IllegalStateException("the storage is closed");
        }
        Tx outer = current.get();
        if (outer != null) {
            if (outer.readOnly && !readOnly) {
                throw new IllegalStateException("cannot start a read-write transaction inside a read-only one");
            }
            return work.run(outer); // joins: one commit (or rollback) at the end of the outer transaction
        }
        var l = readOnly ? lock.readLock() : lock.writeLock();
        l.lock();
        Tx tx = new Tx(readOnly);
        current.set(tx);
        try {
            R result = work.run(tx);
            tx.done = true;
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            tx.done = true;
            current.remove();
            l.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /** One table: a sorted map from id text to aggregate, with its unique keys and references. */
    private final class Table<I extends Id, T extends Aggregate<I>, F> {
        final String type;
        final BiPredicate<F, T> matcher;
        final TreeMap<String, T> rows = new TreeMap<>();
        final List<Map.Entry<String, Function<T, ?>>> uniques = new ArrayList<>();
        final List<Reference<T>> references = new ArrayList<>();
        final List<Table<?, ?, ?>> referencedBy = new ArrayList<>();

        Table(String type, BiPredicate<F, T> matcher) {
            this.type = type;
            this.matcher = matcher;
        }

        Table<I, T, F> unique(String field, Function<T, ?> key) {
            uniques.add(Map.entry(field, key));
            return this;
        }

        Table<I, T, F> references(String field, Function<T, ? extends Id> ref, Table<?, ?, ?> target) {
            references.add(new Reference<>(field, ref, target));
            target.referencedBy.add(this);
            return this;
        }

        boolean referencesId(String idText) {
            return rows.values().stream().anyMatch(row -> references.stream().anyMatch(r -> {
                Id ref = r.ref().apply(row);
                return ref != null && ref.asString().equals(idText);
            }));
        }
    }

    private record Reference<T>(String field, Function<T, ? extends Id> ref, Table<?, ?, ?> target) {
    }

    /** A transaction: the stores, writing in place under the write lock and logging how to undo each write. */
    private final class Tx implements StorageTransaction {
        final boolean readOnly;
        final Deque<Runnable> undo = new ArrayDeque<>();
        boolean done;

        Tx(boolean readOnly) {
            this.readOnly = readOnly;
        }

        void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        void checkWritable() {
            if (done) {
                throw new IllegalStateException("the transaction is over; stores must not be used after the work returns");
            }
            if (readOnly) {
                throw new IllegalStateException("this is a read-only transaction");
            }
        }

        void checkOpen() {
            if (done) {
                throw new IllegalStateException("the transaction is over; stores must not be used after the work returns");
            }
        }

        <K, V> void put(TreeMap<K, V> map, K key, V value) {
            V previous = map.put(key, value);
            undo.push(() -> {
                if (previous == null) {
                    map.remove(key);
                } else {
                    map.put(key, previous);
                }
            });
        }

        <K, V> void remove(TreeMap<K, V> map, K key) {
            V previous = map.remove(key);
            if (previous != null) {
                undo.push(() -> map.put(key, previous));
            }
        }

        @Override
        public AggregateStore<RegionCode, Region, RegionFilter> regions() {
            return new Store<>(regions);
        }

        @Override
        public AggregateStore<SectorCode, Sector, SectorFilter> sectors() {
            return new Store<>(sectors);
        }

        @Override
        public AggregateStore<PartnerId, Partner, PartnerFilter> partners() {
            return new Store<>(partners);
        }

        @Override
        public AggregateStore<StaffUserId, StaffUser, StaffUserFilter> staffUsers() {
            return new Store<>(staffUsers);
        }

        @Override
        public EmployerStore employers() {
            return new Employers();
        }

        @Override
        public ContactStore contacts() {
            return new Contacts();
        }

        @Override
        public EngagementStore engagements() {
            return new Engagements();
        }

        @Override
        public AggregateStore<NeedId, BusinessNeed, NeedFilter> needs() {
            return new Store<>(needs);
        }

        @Override
        public AggregateStore<SolutionId, Solution, SolutionFilter> solutions() {
            return new Store<>(solutions);
        }

        @Override
        public AggregateStore<PartnershipId, SectorPartnership, PartnershipFilter> partnerships() {
            return new Store<>(partnerships);
        }

        @Override
        public AggregateStore<ReferralId, Referral, ReferralFilter> referrals() {
            return new Store<>(referrals);
        }

        @Override
        public AggregateStore<OutcomeId, OutcomeMeasure, OutcomeFilter> outcomes() {
            return new Store<>(outcomes);
        }

        @Override
        public AggregateStore<FeedbackId, Feedback, FeedbackFilter> feedback() {
            return new Store<>(feedback);
        }

        @Override
        public AuditLog audit() {
            return new AuditLog() {
                @Override
                public void append(AuditEntry entry) {
                    Objects.requireNonNull(entry, "entry");
                    checkWritable();
                    if (audit.containsKey(entry.id().asString())) {
                        throw new ConflictException("audit", entry.id(), null, "audit entry " + entry.id() + " is already logged");
                    }
                    put(audit, entry.id().asString(), entry);
                }

                @Override
                public Page<AuditEntry> query(AuditFilter filter, PageRequest page) {
                    checkOpen();
                    return pageOf(audit, page, filter::matches, AuditEntry::id);
                }
            };
        }

        @Override
        public EventLog events() {
            return new EventLog() {
                @Override
                public void append(DomainEvent event) {
                    Objects.requireNonNull(event, "event");
                    checkWritable();
                    events.add(new StoredEvent(events.size() + 1L, event));
                    undo.push(() -> events.remove(events.size() - 1));
                }

                @Override
                public List<StoredEvent> after(long afterSequence, int limit) {
                    checkOpen();
                    if (limit < 1) {
                        throw new IllegalArgumentException("limit must be positive but was " + limit);
                    }
                    int from = (int) Math.max(0, Math.min(afterSequence, events.size()));
                    return List.copyOf(events.subList(from, Math.min(events.size(), from + limit)));
                }
            };
        }

        /** The generic store over one table. */
        class Store<I extends Id, T extends Aggregate<I>, F> implements AggregateStore<I, T, F> {
            final Table<I, T, F> table;

            Store(Table<I, T, F> table) {
                this.table = table;
            }

            @Override
            public Optional<T> find(I id) {
                Objects.requireNonNull(id, "id");
                checkOpen();
                return Optional.ofNullable(table.rows.get(id.asString()));
            }

            @Override
            public void save(T aggregate, long expectedVersion) {
                Objects.requireNonNull(aggregate, "aggregate");
                checkWritable();
                if (aggregate.id() == null || aggregate.stamp() == null) {
                    throw new IllegalArgumentException("cannot store a draft " + table.type + " (it has no id or stamp)");
                }
                if (expectedVersion < 0 || expectedVersion > 0 && aggregate.version() != expectedVersion + 1) {
                    throw new IllegalArgumentException(table.type + " " + aggregate.id() + " has version " + aggregate.version()
                            + " but saving over version " + expectedVersion + " needs version " + (expectedVersion + 1));
                }
                String key = aggregate.id().asString();
                T stored = table.rows.get(key);
                if (expectedVersion == 0 && stored != null) {
                    throw new ConflictException(table.type, aggregate.id(), stored.version(), table.type + " " + aggregate.id() + " already exists");
                }
                if (expectedVersion > 0) {
                    if (stored == null) {
                        throw new NotFoundException(table.type, aggregate.id());
                    }
                    if (stored.version() != expectedVersion) {
                        throw ConflictException.staleVersion(table.type, aggregate.id(), expectedVersion, stored.version());
                    }
                }
                for (Map.Entry<String, Function<T, ?>> unique : table.uniques) {
                    Object value = unique.getValue().apply(aggregate);
                    if (value == null) {
                        continue;
                    }
                    for (T other : table.rows.values()) {
                        if (!other.id().equals(aggregate.id()) && value.equals(unique.getValue().apply(other))) {
                            throw new ConflictException(table.type, aggregate.id(), null, table.type + "." + unique.getKey() + " " + value
                                    + " is already used by " + table.type + " " + other.id());
                        }
                    }
                }
                for (Reference<T> ref : table.references) {
                    Id target = ref.ref().apply(aggregate);
                    if (target != null && !ref.target().rows.containsKey(target.asString())) {
                        throw new NotFoundException(ref.target().type, target);
                    }
                }
                put(table.rows, key, aggregate);
            }

            @Override
            public void delete(I id, long expectedVersion) {
                Objects.requireNonNull(id, "id");
                checkWritable();
                T stored = table.rows.get(id.asString());
                if (stored == null) {
                    throw new NotFoundException(table.type, id);
                }
                if (stored.version() != expectedVersion) {
                    throw ConflictException.staleVersion(table.type, id, expectedVersion, stored.version());
                }
                for (Table<?, ?, ?> other : table.referencedBy) {
                    if (other.referencesId(id.asString())) {
                        throw new ConflictException(table.type, id, stored.version(),
                                table.type + " " + id + " is still referenced by a " + other.type + " and cannot be deleted");
                    }
                }
                remove(table.rows, id.asString());
            }

            @Override
            public Page<T> query(F filter, PageRequest page) {
                Objects.requireNonNull(filter, "filter");
                checkOpen();
                return pageOf(table.rows, page, t -> table.matcher.test(filter, t), Aggregate::id);
            }

            @Override
            public long count(F filter) {
                Objects.requireNonNull(filter, "filter");
                checkOpen();
                return table.rows.values().stream().filter(t -> table.matcher.test(filter, t)).count();
            }
        }

        final class Employers extends Store<EmployerId, Employer, EmployerFilter> implements EmployerStore {
            Employers() {
                super(employers);
            }

            @Override
            public Page<Employer> search(SearchTerms terms, PageRequest page) {
                Objects.requireNonNull(terms, "terms");
                checkOpen();
                return pageOf(table.rows, page, e -> terms.matches(SearchableText.of(e)), Employer::id);
            }

            @Override
            public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
                Objects.requireNonNull(filter, "filter");
                checkOpen();
                Comparator<Id> nullsFirst = Comparator.nullsFirst(Comparator.comparing(Id::asString));
                TreeMap<List<Id>, Long> groups = new TreeMap<>((a, b) -> {
                    int c = nullsFirst.compare(a.get(0), b.get(0));
                    return c != 0 ? c : nullsFirst.compare(a.get(1), b.get(1));
                });
                for (Employer e : table.rows.values()) {
                    if (filter.matches(e)) {
                        groups.merge(java.util.Arrays.asList(e.region(), e.sector()), 1L, Long::sum);
                    }
                }
                List<GroupCount> result = new ArrayList<>();
                groups.forEach((k, n) -> result.add(new GroupCount((RegionCode) k.get(0), (SectorCode) k.get(1), n)));
                return result;
            }
        }

        final class Contacts extends Store<ContactId, Contact, ContactFilter> implements ContactStore {
            Contacts() {
                super(contacts);
            }

            @Override
            public Page<Contact> search(SearchTerms terms, PageRequest page) {
                Objects.requireNonNull(terms, "terms");
                checkOpen();
                return pageOf(table.rows, page, c -> terms.matches(SearchableText.of(c)), Contact::id);
            }
        }

        final class Engagements extends Store<EngagementId, Engagement, EngagementFilter> implements EngagementStore {
            Engagements() {
                super(engagements);
            }

            @Override
            public Page<Engagement> search(SearchTerms terms, StaffUserId reader, PartnerId readerPartner, PageRequest page) {
                Objects.requireNonNull(terms, "terms");
                Objects.requireNonNull(reader, "reader");
                Objects.requireNonNull(readerPartner, "readerPartner");
                checkOpen();
                return pageOf(table.rows, page, e -> terms.matches(SearchableText.readableBy(e, reader, readerPartner)), Engagement::id);
            }

            @Override
            public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
                Objects.requireNonNull(from, "from");
                Objects.requireNonNull(to, "to");
                checkOpen();
                Set<ServedEstablishment> served = new LinkedHashSet<>();
                for (Engagement e : table.rows.values()) {
                    if (e.staffAssisted() && !e.date().isBefore(from) && !e.date().isAfter(to)) {
                        e.services().forEach(c -> served.add(new ServedEstablishment(e.employer(), e.establishment(), c)));
                    }
                }
                return List.copyOf(served);
            }
        }
    }

    /** Keyset page over a sorted map: rows strictly after the cursor, filtered, at most limit of them. */
    private static <T> Page<T> pageOf(TreeMap<String, T> rows, PageRequest page, java.util.function.Predicate<T> keep,
            Function<T, ? extends Id> idOf) {
        Objects.requireNonNull(page, "page");
        Map<String, T> tail = page.after() == null ? rows : rows.tailMap(page.after(), false);
        List<T> hits = new ArrayList<>(Math.min(page.limit() + 1, 64));
        for (T row : tail.values()) {
            if (keep.test(row)) {
                hits.add(row);
                if (hits.size() > page.limit()) {
                    break;
                }
            }
        }
        return Page.of(hits, page.limit(), idOf);
    }
}
