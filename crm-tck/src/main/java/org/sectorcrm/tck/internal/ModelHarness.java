package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.ReportQueries.ServedEstablishment;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.spi.TransactionWork;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.Program.Delete;
import org.sectorcrm.tck.internal.Program.Find;
import org.sectorcrm.tck.internal.Program.Insert;
import org.sectorcrm.tck.internal.Program.Mode;
import org.sectorcrm.tck.internal.Program.Nested;
import org.sectorcrm.tck.internal.Program.Op;
import org.sectorcrm.tck.internal.Program.Query;
import org.sectorcrm.tck.internal.Program.Read;
import org.sectorcrm.tck.internal.Program.Report;
import org.sectorcrm.tck.internal.Program.Search;
import org.sectorcrm.tck.internal.Program.Step;
import org.sectorcrm.tck.internal.Program.Transaction;
import org.sectorcrm.tck.internal.Program.Update;

/**
 * Runs one {@link Program} against the reference store and the store under test, step by step, and asserts that
 * every step has the same observable result in both: every operation of the step returns the same value (its
 * reads inside write transactions included), and the step ends the same way (normally, or by an exception of the
 * same contract type carrying the same current version). After every step both hold the same records of the types
 * the step wrote, and after the last step the same records of every type and the same logs. Search is held to its
 * guarantee only: the store under test must return every record the reference returns, only real, current records,
 * and never a record because of text its reader may not read.
 *
 * <p>Operations are resolved into concrete writes and reads (ids, versions, records, filters, words) against the
 * reference's state before the step runs, with the step's own earlier writes applied as if they succeed, so that a
 * transaction's later operations meet its own writes.
 *
 * <p>Every write also appends an audit entry (and, when both stores keep one, an event) in the same transaction,
 * so rollbacks are checked on the logs too.
 */
public final class ModelHarness {
    private final CrmStorage reference;
    private final CrmStorage tested;
    private final boolean testedChecksReferences;
    private final boolean events;
    private final Supplier<UUID> ids;
    private final ModelData data;
    private final Consumer<String> observer;
    private String where = "";
    /**
     * The text of the record the last write of each kind saved or deleted: searches often look for its words, which is
     * where a store that does not re-index an update, or keeps a deleted record findable, differs.
     */
    private final Map<Kind<?, ?, ?>, List<String>> written = new HashMap<>();

    /**
     * @param seed     seeds the ids of the program's records
     * @param observer told what each step did in the reference ("update: ConflictException", "search: hits"), for
     *                 statistics that show which paths a run covered
     */
    public ModelHarness(CrmStorage reference, CrmStorage tested, long seed, Consumer<String> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.tested = Objects.requireNonNull(tested, "tested");
        this.testedChecksReferences = tested.capabilities().contains(Capability.REFERENTIAL_INTEGRITY);
        this.events = tested.capabilities().contains(Capability.EVENT_LOG) && reference.capabilities().contains(Capability.EVENT_LOG);
        Random random = new Random(seed);
        // Both stores get the very same records: ids come from one generator, used once per step.
        var generator = Fixtures.ids(random.nextLong());
        this.ids = generator::next;
        this.data = new ModelData(ids);
    }

    public void run(Program program) {
        List<Step> steps = program.steps();
        for (int i = 0; i < steps.size(); i++) {
            where = "step " + (i + 1) + " of " + steps.size() + " (" + steps.get(i) + ")";
            sameRecords(step(steps.get(i)));
        }
        where = "after the last step";
        sameRecords(Kinds.ALL);
        sameLogs();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Steps.

    /** Runs the step on both stores and returns the kinds it wrote. */
    private Collection<Kind<?, ?, ?>> step(Step step) {
        if (step instanceof Op op) {
            Unit unit = new Unit(false);
            List<Action> actions = unit.resolve(List.of(op));
            String name = op.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            for (Action a : actions) {
                // A write gets its own transaction; a read pages in read transactions, one per page, as a client would.
                compare(name, a.toString(),
                        (storage, seen) -> seen.add(a.run(a.writes() ? storage::inTransaction : storage::read, storage == reference)));
                if (a instanceof WriteAction w && w.expected() != 0) {
                    searchWritten(w);
                }
            }
            return unit.touched;
        }
        if (step instanceof Transaction t) {
            return transaction(t);
        }
        if (step instanceof Nested n) {
            return nested(n);
        }
        throw new IllegalStateException("unknown step " + step);
    }

    /**
     * After an update or a delete of its own, a search by everyone for a word of the record it wrote or deleted ("an
     * updated record is re-indexed", "a deleted record is gone from search"): the random searches meet those words too
     * seldom for a store that indexes stale text to be caught within the tries once programs spread over every type.
     */
    private void searchWritten(WriteAction write) {
        List<String> recent = written.getOrDefault(write.kind(), List.of());
        SearchTerms terms = recent.isEmpty() ? null : ModelData.wordOf(recent.get(recent.size() - 1));
        if (terms != null) {
            SearchAction search = new SearchAction(write.kind(), terms, Reader.EVERYONE, PageRequest.MAX_LIMIT);
            compare("search after " + (write.record() == null ? "a delete" : "an update"), search.toString(),
                    (storage, seen) -> seen.add(search.run(storage::read, storage == reference)));
        }
    }

    private Collection<Kind<?, ?, ?>> transaction(Transaction t) {
        Unit unit = new Unit(true);
        List<Action> actions = unit.resolve(t.ops());
        compare(t.fails() ? "transaction failed by its work" : "transaction", t.fails() ? "the transaction its work fails" : "the transaction",
                (storage, seen) -> storage.inTransaction(tx -> {
                    Runner in = in(tx);
                    // A read nested in a write transaction joins it and sees its writes.
                    Runner reads = t.nestedReads() ? storage::read : in;
                    for (Action a : actions) {
                        seen.add(a.run(a.writes() ? in : reads, storage == reference));
                    }
                    if (t.fails()) {
                        throw new WorkFailed();
                    }
                    return null;
                }));
        return unit.touched;
    }

    private Collection<Kind<?, ?, ?>> nested(Nested n) {
        Unit unit = new Unit(true);
        List<Action> before = unit.resolve(n.before());
        View beforeInner = unit.view.copy();
        List<Action> inner = unit.resolve(n.inner());
        if (n.innerFails()) {
            // The outer work's later operations see what the savepoint leaves: nothing of the inner unit.
            unit.view = beforeInner;
        }
        List<Action> after = unit.resolve(n.after());
        String label = "nested unit" + (n.innerFails() ? " failed by its work" : "");
        compare(label, "the transaction with a nested unit", (storage, seen) -> storage.inTransaction(tx -> {
            boolean onReference = storage == reference;
            before.forEach(a -> seen.add(a.run(in(tx), onReference)));
            try {
                storage.inTransaction(innerTx -> {
                    inner.forEach(a -> seen.add(a.run(in(innerTx), onReference)));
                    if (n.innerFails()) {
                        throw new WorkFailed();
                    }
                    return null;
                });
                seen.add(new Seen("the inner unit", "returned"));
            } catch (WorkFailed e) {
                seen.add(new Seen("the inner unit", "failed as its work asked"));
            } catch (RuntimeException e) {
                seen.add(new Seen("the inner unit", "threw " + contractType(e)));
            }
            after.forEach(a -> seen.add(a.run(in(tx), onReference)));
            return null;
        }));
        return unit.touched;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operations, resolved into concrete actions against the reference's state.

    /** How an action reaches a transaction: a new one per call ({@code storage::read}), or the unit's own. */
    private interface Runner {
        <R> R run(TransactionWork<R> work);
    }

    private static Runner in(StorageTransaction tx) {
        return new Runner() {
            @Override
            public <R> R run(TransactionWork<R> work) {
                return work.run(tx);
            }
        };
    }

    /** What one operation observed, compared between the stores. */
    private record Seen(String what, Object value) {
    }

    /** A concrete operation, the same for both stores. */
    private interface Action {
        boolean writes();

        /** Runs the operation; {@code onReference} says whether this is the reference run (which records what the check needs). */
        Seen run(Runner runner, boolean onReference);
    }

    /** A save (record set) or a delete, with its audit entry and event. */
    private record WriteAction(Kind<?, ?, ?> kind, Aggregate<?> record, Id id, long expected, AuditEntry audit, DomainEvent event) implements Action {
        @Override
        public boolean writes() {
            return true;
        }

        @Override
        public Seen run(Runner runner, boolean onReference) {
            runner.run(tx -> {
                tx.audit().append(audit);
                if (event != null) {
                    tx.events().append(event);
                }
                AggregateStore<Id, Aggregate<Id>, Object> store = store(tx, kind);
                if (record != null) {
                    store.save(cast(record), expected);
                } else {
                    store.delete(id, expected);
                }
                return null;
            });
            return new Seen(toString(), "written");
        }

        @Override
        public String toString() {
            return (record == null ? "delete of " : expected == 0 ? "insert of " : "update of ") + kind + " " + id.asString() + " at expected version "
                    + expected;
        }
    }

    private record FindAction(Kind<?, ?, ?> kind, Id id) implements Action {
        @Override
        public boolean writes() {
            return false;
        }

        @Override
        public Seen run(Runner runner, boolean onReference) {
            return new Seen(toString(), runner.run(tx -> store(tx, kind).find(id).map(Object.class::cast)));
        }

        @Override
        public String toString() {
            return "find of " + kind + " " + id.asString();
        }
    }

    /** All pages of a query, and the count of the same filter. */
    private record QueryAction(Kind<?, ?, ?> kind, Object filter, int pageSize) implements Action {
        @Override
        public boolean writes() {
            return false;
        }

        @Override
        public Seen run(Runner runner, boolean onReference) {
            List<Aggregate<?>> rows = Paging.all(toString(), pageSize, p -> runner.run(tx -> store(tx, kind).query(filter, p).map(a -> (Aggregate<?>) a)),
                    Aggregate::id);
            return new Seen(toString(), List.of(rows, runner.run(tx -> store(tx, kind).count(filter))));
        }

        @Override
        public String toString() {
            return kind + " query and count of " + filter + " in pages of " + pageSize;
        }
    }

    /** All pages of a search; on the reference also every current record of the kind, which hits must be among. */
    private record SearchAction(Kind<?, ?, ?> kind, SearchTerms terms, Reader reader, int pageSize) implements Action {
        @Override
        public boolean writes() {
            return false;
        }

        @Override
        public Seen run(Runner runner, boolean onReference) {
            List<Aggregate<?>> hits = Paging.all(toString(), pageSize,
                    p -> runner.run(tx -> store(tx, kind).search(terms, reader, p).map(a -> (Aggregate<?>) a)), Aggregate::id);
            List<Aggregate<?>> current = onReference
                    ? Paging.all(kind + " records", 100, p -> runner.run(tx -> store(tx, kind).query(kind.all(), p).map(a -> (Aggregate<?>) a)), Aggregate::id)
                    : null;
            return new Seen(toString(), new Searched(this, hits, current));
        }

        @Override
        public String toString() {
            return kind + " search for " + terms.words() + " by " + (reader.user() == null ? "EVERYONE" : reader) + " in pages of " + pageSize;
        }
    }

    private record Searched(SearchAction search, List<Aggregate<?>> hits, List<Aggregate<?>> current) {
    }

    /** Both report queries; served establishments in a fixed order, since the contract gives them in none. */
    private record ReportAction(EmployerFilter filter, LocalDate from, LocalDate to) implements Action {
        private static final Comparator<ServedEstablishment> ORDER = Comparator.comparing(
                s -> s.employer().asString() + " " + (s.establishment() == null ? "-" : s.establishment().asString()) + " " + s.category());

        @Override
        public boolean writes() {
            return false;
        }

        @Override
        public Seen run(Runner runner, boolean onReference) {
            Object groups = runner.run(tx -> tx.reports().countByRegionAndSector(filter));
            List<ServedEstablishment> served = new ArrayList<>(runner.run(tx -> tx.reports().servedEstablishments(from, to)));
            served.sort(ORDER);
            List<ServedEstablishment> countable = new ArrayList<>(runner.run(tx -> tx.reports().countableServices(from, to, null)));
            countable.sort(ORDER);
            return new Seen(toString(), List.of(groups, served, countable));
        }

        @Override
        public String toString() {
            return "countByRegionAndSector(" + filter + "), servedEstablishments(" + from + ", " + to + ") and countableServices(" + from + ", " + to + ", null)";
        }
    }

    /**
     * The records a unit's operations are resolved against: the reference's committed records with the unit's earlier
     * writes applied, those that will succeed (a write that fails ends the transaction, so later operations never run).
     */
    private final class View {
        private final Map<Kind<?, ?, ?>, TreeMap<String, Aggregate<?>>> rows = new HashMap<>();

        private TreeMap<String, Aggregate<?>> rows(Kind<?, ?, ?> kind) {
            return rows.computeIfAbsent(kind, k -> {
                TreeMap<String, Aggregate<?>> map = new TreeMap<>();
                all(reference, k).forEach(a -> map.put(a.id().asString(), a));
                return map;
            });
        }

        List<Aggregate<?>> records(Kind<?, ?, ?> kind) {
            return List.copyOf(rows(kind).values());
        }

        boolean contains(AggregateType<?, ?, ?> type, Id id) {
            return rows(Kinds.of(type)).containsKey(id.asString());
        }

        void apply(WriteAction w) {
            TreeMap<String, Aggregate<?>> map = rows(w.kind());
            Aggregate<?> stored = map.get(w.id().asString());
            long version = stored == null ? 0 : stored.version();
            if (w.expected() == version) {
                if (w.record() != null) {
                    map.put(w.id().asString(), w.record());
                } else if (stored != null) {
                    map.remove(w.id().asString());
                }
            }
        }

        View copy() {
            View copy = new View();
            rows.forEach((k, m) -> copy.rows.put(k, new TreeMap<>(m)));
            return copy;
        }
    }

    /** The operations of one step, resolved in order, and the kinds they write. */
    private final class Unit {
        /** Whether the unit has several operations: a delete of a parent then comes with records that may point at it. */
        final boolean several;
        View view = new View();
        /** Without REFERENTIAL_INTEGRITY new records point at committed parents only (see {@link #resolve}). */
        final View committed = testedChecksReferences ? null : new View();
        final Set<Kind<?, ?, ?>> touched = new LinkedHashSet<>();

        Unit(boolean several) {
            this.several = several;
        }

        List<Action> resolve(List<Op> ops) {
            List<Action> actions = new ArrayList<>();
            for (Op op : ops) {
                // Without REFERENTIAL_INTEGRITY a parent deleted in the same transaction as a record added for it would be
                // refused by the reference only: not comparable.
                if (!testedChecksReferences && several && op instanceof Delete d && ModelData.PARENT_KINDS.contains(d.kind())) {
                    continue;
                }
                Action a = ModelHarness.this.resolve(op, view, committed == null ? view : committed);
                if (a instanceof WriteAction w) {
                    remember(w, view);
                    view.apply(w);
                    touched.add(w.kind());
                }
                if (a != null) {
                    actions.add(a);
                }
            }
            return actions;
        }
    }

    /** The concrete action of {@code op}, or null when its outcome would not be comparable. */
    private Action resolve(Op op, View view, View parents) {
        if (op instanceof Insert i) {
            return insert(Writes.kindOf(i.kind()), i.seed(), view, parents);
        }
        if (op instanceof Update u) {
            return update(Writes.kindOf(u.kind()), u, view, parents);
        }
        if (op instanceof Delete d) {
            return delete(Writes.kindOf(d.kind()), d, view);
        }
        return read((Read) op, view);
    }

    private <I extends Id, T extends Aggregate<I>, F> Action insert(Kind<I, T, F> k, long seed, View view, View parentView) {
        Parents parents = parents(k, seed, parentView);
        if (parents == null) {
            return null;
        }
        return save(k, data.record(k, freshId(k), Fixtures.firstStamp(), parents, seed), 0, parentView);
    }

    private <I extends Id, T extends Aggregate<I>, F> Action update(Kind<I, T, F> k, Update u, View view, View parentView) {
        Optional<T> target = u.mode() == Mode.MISSING ? Optional.empty() : pick(k, u.pick(), view);
        if (target.isEmpty()) {
            Parents parents = parents(k, u.seed(), parentView);
            return parents == null ? null : save(k, data.record(k, freshId(k), Fixtures.stampAt(2), parents, u.seed()), 1, parentView);
        }
        T stored = target.get();
        long expected = expected(stored.version(), u.mode());
        Stamp s = stored.stamp();
        Stamp next = new Stamp(expected + 1, s.createdAt(), s.updatedAt().plusSeconds(1), s.createdBy());
        // Half the updates edit the record (one field and the search text), half replace it with new content.
        Parents parents = (u.seed() & 1) == 0 ? parents(k, u.seed(), parentView) : null;
        T record = parents == null ? data.edit(k, stored, next, u.seed()) : data.record(k, stored.id(), next, parents, u.seed());
        return save(k, record, expected, parentView);
    }

    private <I extends Id, T extends Aggregate<I>, F> Action delete(Kind<I, T, F> k, Delete d, View view) {
        Optional<T> target = d.mode() == Mode.MISSING ? Optional.empty() : pick(k, d.pick(), view);
        if (target.isEmpty()) {
            return delete(k, freshId(k), 1);
        }
        T stored = target.get();
        if (!testedChecksReferences && isReferenced(k, stored.id(), view)) {
            // Without REFERENTIAL_INTEGRITY the store may delete what the reference refuses to: not comparable.
            return null;
        }
        return delete(k, stored.id(), expected(stored.version(), d.mode()));
    }

    private Action read(Read r, View view) {
        if (r instanceof Find f) {
            Kind<?, ?, ?> k = f.kind();
            return new FindAction(k, pick(Writes.kindOf(k), f.pick(), view).map(a -> (Id) a.id()).orElseGet(() -> freshId(Writes.kindOf(k))));
        }
        if (r instanceof Query q) {
            return new QueryAction(q.kind(), data.filter(Writes.kindOf(q.kind()), q.filterSeed()), q.pageSize());
        }
        if (r instanceof Search s) {
            List<String> texts = view.records(s.kind()).stream().map(a -> allText(s.kind(), a)).toList();
            return new SearchAction(s.kind(), ModelData.searchTerms(s.wordSeed(), written.getOrDefault(s.kind(), List.of()), texts),
                    ModelData.SEARCHERS.get(Math.floorMod(s.reader(), ModelData.SEARCHERS.size())), s.pageSize());
        }
        Report p = (Report) r;
        LocalDate from = ModelData.FIRST_DAY.plusDays(p.fromDay() - 1L);
        return new ReportAction(data.employerFilter(p.filterSeed()), from, from.plusDays(p.days()));
    }

    private void remember(WriteAction w, View view) {
        Aggregate<?> record = w.record() != null ? w.record()
                : view.records(w.kind()).stream().filter(a -> a.id().equals(w.id())).findFirst().orElse(null);
        if (record != null) {
            List<String> texts = written.computeIfAbsent(w.kind(), k -> new ArrayList<>());
            texts.add(allText(w.kind(), record));
            if (texts.size() > 1) {
                texts.remove(0);
            }
        }
    }

    private static long expected(long stored, Mode mode) {
        return mode == Mode.CORRECT ? stored : stored > 1 ? stored - 1 : stored + 1;
    }

    /** The save, or null when the record points at a missing parent and the store under test does not check that. */
    private <I extends Id, T extends Aggregate<I>, F> Action save(Kind<I, T, F> k, T record, long expected, View parentView) {
        if (!testedChecksReferences) {
            for (AggregateType.Reference<T> ref : k.type().references()) {
                Id parent = ref.of(record);
                if (parent != null && !parentView.contains(ref.target(), parent)) {
                    return null;
                }
            }
        }
        return new WriteAction(k, record, record.id(), expected, audit("SAVE", k, record.id()), event(k, record.id(), record.version()));
    }

    private Action delete(Kind<?, ?, ?> k, Id id, long expected) {
        return new WriteAction(k, null, id, expected, audit("DELETE", k, id), event(k, id, expected));
    }

    private AuditEntry audit(String action, Kind<?, ?, ?> k, Id id) {
        Reader by = ModelData.READERS.get(0);
        return new AuditEntry(new AuditId(ids.get()), Fixtures.NOW, by.user(), by.partner(), action, k.type().key(), id.asString(), List.of(), null);
    }

    private DomainEvent event(Kind<?, ?, ?> k, Id id, long version) {
        if (!events) {
            return null;
        }
        Reader by = ModelData.READERS.get(0);
        return new DomainEvent.Changed(ids.get(), Fixtures.NOW, by.user(), by.partner(), k.type(), id.asString(), version, List.of("model"));
    }

    /**
     * The parents a new record of the kind points at: for each of the type's references an existing record of the
     * target type, or, when there is none and the store under test checks references, an unknown id (both stores
     * must refuse the save). Null when the step cannot be compared.
     */
    private <I extends Id, T extends Aggregate<I>, F> Parents parents(Kind<I, T, F> k, long seed, View view) {
        EmployerId employer = null;
        PartnerId partner = null;
        int n = 0;
        for (AggregateType.Reference<T> ref : k.type().references()) {
            List<Aggregate<?>> targets = view.records(Kinds.of(ref.target()));
            Id parent;
            if (!targets.isEmpty()) {
                parent = targets.get(Math.floorMod(seed + n++, targets.size())).id();
            } else if (testedChecksReferences) {
                parent = freshId(Writes.kindOf(Kinds.of(ref.target())));
            } else {
                return null;
            }
            if (parent instanceof EmployerId e) {
                employer = e;
            } else if (parent instanceof PartnerId p) {
                partner = p;
            } else {
                throw new IllegalStateException("Parents has no place for a reference to " + ref.target() + " of " + k);
            }
        }
        // The kind's fixtures put the parents where its references are; the others are never read.
        return new Parents(employer != null ? employer : new EmployerId(ids.get()), partner != null ? partner : new PartnerId(ids.get()));
    }

    /** Whether a record of any type points at this one (the reference refuses to delete it). */
    private boolean isReferenced(Kind<?, ?, ?> k, Id id, View view) {
        for (Kind<?, ?, ?> other : Kinds.ALL) {
            if (references(Writes.kindOf(other), k.type(), id, view)) {
                return true;
            }
        }
        return false;
    }

    private <I extends Id, T extends Aggregate<I>, F> boolean references(Kind<I, T, F> other, AggregateType<?, ?, ?> target, Id id, View view) {
        for (AggregateType.Reference<T> ref : other.type().references()) {
            if (ref.target() == target && view.records(other).stream().anyMatch(a -> id.equals(ref.of(other.type().cast(a))))) {
                return true;
            }
        }
        return false;
    }

    private <I extends Id, T extends Aggregate<I>, F> I freshId(Kind<I, T, F> k) {
        UUID uuid = ids.get();
        // Codes people choose (regions, sectors): one no fixture uses.
        if (k.type().hasGeneratedIds()) {
            return k.type().newId(uuid);
        }
        I own = k.spec().freshCode(uuid);
        return own != null ? own : k.type().parseId("M-" + uuid);
    }

    /** The {@code pick}-th record of the view, in id order, or empty when there is none. */
    private <I extends Id, T extends Aggregate<I>, F> Optional<T> pick(Kind<I, T, F> k, int pick, View view) {
        List<Aggregate<?>> all = view.records(k);
        return all.isEmpty() ? Optional.empty() : Optional.of(k.type().cast(all.get(Math.floorMod(pick, all.size()))));
    }

    /** Every word search could look at in the record, for any reader: text only some readers may read included. */
    private static String allText(Kind<?, ?, ?> k, Aggregate<?> record) {
        Set<String> texts = new LinkedHashSet<>();
        for (Reader reader : ModelData.SEARCHERS) {
            texts.add(text(k, record, reader));
        }
        return String.join("\n", texts);
    }

    @SuppressWarnings("unchecked")
    private static String text(Kind<?, ?, ?> k, Aggregate<?> record, Reader reader) {
        return ((AggregateType<Id, Aggregate<Id>, Object>) k.type()).searchableText(cast(record), reader);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Comparing.

    /** What one storage did: what its operations returned, and the exception it ended with (its contract type, and current version for conflicts). */
    private record Outcome(List<Seen> seen, String error, Long currentVersion) {
    }

    /** Runs {@code work} on both stores and asserts equal outcomes. */
    private void compare(String kind, String what, BiConsumer<CrmStorage, List<Seen>> work) {
        Outcome expected = outcome(reference, work);
        Outcome actual = outcome(tested, work);
        if (expected.error() != null || expected.seen().size() != 1 || !(expected.seen().get(0).value() instanceof Searched)) {
            // A search is counted by its hits, below.
            observer.accept(kind + ": " + (expected.error() != null ? expected.error()
                    : expected.seen().size() == 1 ? shape(expected.seen().get(0).value()) : "ok"));
        }
        assertThat(actual.error()).as("%s: %s must end like it does in the reference store (%s)", where, what,
                expected.error() == null ? "normally" : "throwing " + expected.error()).isEqualTo(expected.error());
        if (expected.currentVersion() != null) {
            assertThat(actual.currentVersion()).as("%s: the ConflictException of %s must carry the current version", where, what)
                    .isEqualTo(expected.currentVersion());
        }
        assertThat(actual.seen()).as("%s: the operations of %s that ran", where, what).extracting(Seen::what)
                .containsExactlyElementsOf(expected.seen().stream().map(Seen::what).toList());
        for (int i = 0; i < expected.seen().size(); i++) {
            Seen e = expected.seen().get(i);
            Seen a = actual.seen().get(i);
            if (e.value() instanceof Searched s && a.value() instanceof Searched t) {
                sameSearch(s, t);
            } else {
                assertThat(a.value()).as("%s: %s must return what the reference returns", where, e.what()).isEqualTo(e.value());
            }
        }
    }

    private static String shape(Object value) {
        if (value instanceof Optional<?> o) {
            return o.isPresent() ? "found" : "not found";
        }
        if (value instanceof List<?> l && l.size() == 2 && l.get(0) instanceof List<?> rows) {
            return rows.isEmpty() ? "nothing" : "something";
        }
        return "ok";
    }

    private static Outcome outcome(CrmStorage storage, BiConsumer<CrmStorage, List<Seen>> work) {
        List<Seen> seen = new ArrayList<>();
        try {
            work.accept(storage, seen);
            return new Outcome(seen, null, null);
        } catch (WorkFailed e) {
            // The work's own exception must reach the caller as it was thrown.
            return new Outcome(seen, "the work's own exception", null);
        } catch (RuntimeException e) {
            Long version = e instanceof ConflictException c && c.currentVersion().isPresent() ? c.currentVersion().getAsLong() : null;
            return new Outcome(seen, contractType(e), version);
        }
    }

    /** The search guarantee: every record the reference finds, only real current records, nothing from unreadable text. */
    private void sameSearch(Searched expected, Searched actual) {
        SearchAction s = expected.search();
        observer.accept("search: " + (expected.hits().isEmpty() ? "no hits" : "hits"));
        assertThat(actual.hits()).as("%s: %s must include every record the reference finds", where, s).containsAll(expected.hits());
        Map<String, Aggregate<?>> current = new HashMap<>();
        expected.current().forEach(a -> current.put(a.id().asString(), a));
        for (Aggregate<?> hit : actual.hits()) {
            assertThat(Optional.<Object>ofNullable(current.get(hit.id().asString()))).as("%s: %s returned %s, which must be a real, current record", where, s,
                    hit.id()).contains((Object) hit);
            if (!s.terms().matches(text(s.kind(), hit, s.reader()))) {
                // The vocabulary has no stems or prefixes of its words: nothing but text the reader may not read can explain this hit.
                assertThat(s.terms().matches(allText(s.kind(), hit))).as("%s: %s returned %s only because of text its reader may not read", where, s,
                        hit.id()).isFalse();
            }
        }
    }

    /** The SPI's exception types; anything else by class and message, which never equals a contract type. */
    private static String contractType(RuntimeException e) {
        for (Class<?> type : List.of(ConflictException.class, NotFoundException.class, ValidationException.class, StorageException.class,
                IllegalArgumentException.class, IllegalStateException.class)) {
            if (type.isInstance(e)) {
                return type.getSimpleName();
            }
        }
        return e.getClass().getName() + ": " + e.getMessage();
    }

    private void sameRecords(Collection<Kind<?, ?, ?>> kinds) {
        for (Kind<?, ?, ?> kind : kinds) {
            List<Aggregate<?>> expected = all(reference, kind);
            assertThat(all(tested, kind)).as("%s: the %s records of both stores", where, kind).containsExactlyElementsOf(expected);
        }
    }

    private void sameLogs() {
        List<AuditEntry> expected = audit(reference);
        assertThat(audit(tested)).as("%s: the audit logs of both stores", where).containsExactlyElementsOf(expected);
        if (events) {
            List<StoredEvent> stored = tested.read(tx -> tx.events().after(0, 100_000));
            List<StoredEvent> model = reference.read(tx -> tx.events().after(0, 100_000));
            assertThat(stored).extracting(StoredEvent::event).as("%s: the event logs of both stores", where)
                    .containsExactlyElementsOf(model.stream().map(StoredEvent::event).toList());
            for (int i = 1; i < stored.size(); i++) {
                assertThat(stored.get(i).sequence()).as("event sequences increase").isGreaterThan(stored.get(i - 1).sequence());
            }
        }
    }

    private static List<AuditEntry> audit(CrmStorage storage) {
        return Paging.all("audit log", 100, p -> storage.read(tx -> tx.audit().query(AuditFilter.ALL, p)), AuditEntry::id);
    }

    private static List<Aggregate<?>> all(CrmStorage storage, Kind<?, ?, ?> kind) {
        return Paging.all(kind + " query", 100, p -> storage.read(tx -> store(tx, kind).query(kind.all(), p).map(a -> (Aggregate<?>) a)),
                Aggregate::id);
    }

    /** The kind's store, seen untyped: the model handles records of every kind alike. */
    @SuppressWarnings("unchecked")
    private static AggregateStore<Id, Aggregate<Id>, Object> store(StorageTransaction tx, Kind<?, ?, ?> kind) {
        return (AggregateStore<Id, Aggregate<Id>, Object>) (AggregateStore<?, ?, ?>) tx.store(kind.type());
    }

    @SuppressWarnings("unchecked")
    private static Aggregate<Id> cast(Aggregate<?> record) {
        return (Aggregate<Id>) record;
    }

    /** Thrown by a transaction's work to roll it back; must reach the caller as thrown. */
    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed() {
            super("the work fails on purpose to roll its transaction back", null, false, false);
        }
    }
}
