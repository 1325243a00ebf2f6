package org.sectorcrm.tck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.search.SearchableText;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.internal.ModelData.Reader;
import org.sectorcrm.tck.internal.Program.Delete;
import org.sectorcrm.tck.internal.Program.Entity;
import org.sectorcrm.tck.internal.Program.Find;
import org.sectorcrm.tck.internal.Program.Insert;
import org.sectorcrm.tck.internal.Program.Mode;
import org.sectorcrm.tck.internal.Program.Query;
import org.sectorcrm.tck.internal.Program.Search;
import org.sectorcrm.tck.internal.Program.Step;
import org.sectorcrm.tck.internal.Program.Transaction;
import org.sectorcrm.tck.internal.Program.Update;
import org.sectorcrm.tck.internal.Program.Write;

/**
 * Runs one {@link Program} against the reference store and the store under test, step by step, and asserts that
 * every step has the same observable result in both (the same value, or an exception of the same contract type
 * carrying the same current version), and that after every step both hold the same records. Search is held to
 * its guarantee only: the store under test must return every record the reference returns, and only real,
 * current records, and never an engagement because of a note its reader may not read.
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
    private final java.util.function.Consumer<String> observer;
    private String where = "";

    /**
     * @param seed     seeds the ids of the program's records
     * @param observer told what each step did in the reference ("update: ConflictException", "search: hits"), for
     *                 statistics that show which paths a run covered
     */
    public ModelHarness(CrmStorage reference, CrmStorage tested, long seed, java.util.function.Consumer<String> observer) {
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
            step(steps.get(i));
            sameRecords();
        }
        where = "after the last step";
        sameLogs();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void step(Step step) {
        if (step instanceof Write w) {
            Action action = resolve(w);
            if (action != null) {
                compare(w.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), "the write", work -> work.inTransaction(tx -> {
                    action.applyTo(tx);
                    return null;
                }), null);
            }
        } else if (step instanceof Transaction t) {
            List<Action> actions = t.writes().stream()
                    // Without REFERENTIAL_INTEGRITY an employer deleted in the same transaction as a record added for it
                    // would be refused by the reference only: not comparable.
                    .filter(x -> testedChecksReferences || !(x instanceof Delete d && d.entity() == Entity.EMPLOYER))
                    .map(this::resolve).filter(Objects::nonNull).toList();
            compare(t.rollback() ? "transaction rolled back by its work" : "transaction", t.rollback() ? "the transaction rolled back by its work" : "the transaction", storage -> {
                RuntimeException rollback = new WorkFailed();
                storage.inTransaction(tx -> {
                    actions.forEach(a -> a.applyTo(tx));
                    if (t.rollback()) {
                        throw rollback;
                    }
                    return null;
                });
                return null;
            }, WorkFailed.class);
        } else if (step instanceof Query q) {
            query(q);
        } else if (step instanceof Find f) {
            Id id = pick(f.entity(), f.pick()).map(a -> (Id) a.id()).orElseGet(() -> freshId(f.entity()));
            compare("find", "find " + id, storage -> storage.read(tx -> store(tx, f.entity()).find(id)), null);
        } else if (step instanceof Search s) {
            search(s);
        } else {
            throw new IllegalStateException("unknown step " + step);
        }
    }

    private void query(Query q) {
        List<EmployerId> employers = ids(Entity.EMPLOYER).stream().map(EmployerId::of).toList();
        Object filter = switch (q.entity()) {
            case EMPLOYER -> data.employerFilter(q.filterSeed());
            case CONTACT -> data.contactFilter(q.filterSeed(), employers);
            case ENGAGEMENT -> data.engagementFilter(q.filterSeed(), employers);
        };
        compare("query", "query " + filter + " in pages of " + q.pageSize(), storage -> List.of(
                Paging.all(q.entity() + " query " + filter, q.pageSize(), p -> storage.read(tx -> store(tx, q.entity()).query(filter, p)), Aggregate::id),
                storage.read(tx -> store(tx, q.entity()).count(filter))), null);
    }

    private void search(Search s) {
        List<String> texts = all(reference, s.entity()).stream().map(ModelHarness::allText).toList();
        SearchTerms terms = ModelData.searchTerms(s.wordSeed(), texts);
        Reader reader = ModelData.READERS.get(Math.floorMod(s.reader(), ModelData.READERS.size()));
        Function<CrmStorage, Function<PageRequest, Page<Aggregate<?>>>> searching = storage -> p -> storage.read(tx -> switch (s.entity()) {
            case EMPLOYER -> tx.employers().search(terms, org.sectorcrm.core.search.Reader.EVERYONE, p).map(e -> (Aggregate<?>) e);
            case CONTACT -> tx.contacts().search(terms, org.sectorcrm.core.search.Reader.EVERYONE, p).map(c -> (Aggregate<?>) c);
            case ENGAGEMENT -> tx.engagements().search(terms, org.sectorcrm.core.search.Reader.of(reader.id(), reader.partner()), p).map(e -> (Aggregate<?>) e);
        });
        String what = s.entity() + " search " + terms.words() + (s.entity() == Entity.ENGAGEMENT ? " by " + reader : "");
        List<Aggregate<?>> expected = Paging.all("reference " + what, 50, searching.apply(reference), Aggregate::id);
        List<Aggregate<?>> actual = Paging.all(what, s.pageSize(), searching.apply(tested), Aggregate::id);
        observer.accept("search: " + (expected.isEmpty() ? "no hits" : "hits"));
        assertThat(actual).as("%s: %s must include every record the reference finds", where, what).containsAll(expected);
        for (Aggregate<?> hit : actual) {
            Optional<Object> stored = reference.read(tx -> store(tx, s.entity()).find(hit.id()).map(Object.class::cast));
            assertThat(stored).as("%s: %s returned %s, which must be a real, current record", where, what, hit.id()).contains(hit);
            if (hit instanceof Engagement e && !terms.matches(SearchableText.readableBy(e, reader.id(), reader.partner()))) {
                // The vocabulary has no stems or prefixes of its words: nothing but a note the reader may not read can explain this hit.
                assertThat(terms.matches(allText(e))).as("%s: %s returned %s only because of a note %s may not read", where, what, e.id(), reader)
                        .isFalse();
            }
        }
    }

    /** Every word of the record search could look at, unreadable notes included. */
    private static String allText(Aggregate<?> record) {
        if (record instanceof Employer e) {
            return SearchableText.of(e);
        }
        if (record instanceof Contact c) {
            return SearchableText.of(c);
        }
        Engagement e = (Engagement) record;
        StringBuilder sb = new StringBuilder(e.summary());
        for (Note n : e.notes()) {
            sb.append('\n').append(n.text());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Turning writes into concrete saves and deletes, against the reference's current state.

    /** A concrete write, the same for both stores. */
    private record Action(Entity entity, Aggregate<?> record, Id id, long expected, AuditEntry audit, DomainEvent event) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        void applyTo(StorageTransaction tx) {
            tx.audit().append(audit);
            if (event != null) {
                tx.events().append(event);
            }
            AggregateStore store = store(tx, entity);
            if (record != null) {
                store.save(record, expected);
            } else {
                store.delete(id, expected);
            }
        }
    }

    private Action resolve(Write w) {
        if (w instanceof Insert i) {
            EmployerId parent = i.entity() == Entity.EMPLOYER ? null : parentFor(i.seed());
            if (i.entity() != Entity.EMPLOYER && parent == null) {
                return null;
            }
            return save(i.entity(), content(i.entity(), freshId(i.entity()), Fixtures.firstStamp(), parent, i.seed()), 0);
        }
        if (w instanceof Update u) {
            Optional<Aggregate<?>> target = u.mode() == Mode.MISSING ? Optional.empty() : pick(u.entity(), u.pick());
            if (target.isEmpty()) {
                EmployerId parent = u.entity() == Entity.EMPLOYER ? null : parentFor(u.seed());
                if (u.entity() != Entity.EMPLOYER && parent == null) {
                    return null;
                }
                return save(u.entity(), content(u.entity(), freshId(u.entity()), Fixtures.stampAt(2), parent, u.seed()), 1);
            }
            Aggregate<?> stored = target.get();
            long expected = expected(stored.version(), u.mode());
            Stamp s = stored.stamp();
            Stamp next = new Stamp(expected + 1, s.createdAt(), s.updatedAt().plusSeconds(1), s.createdBy());
            return save(u.entity(), content(u.entity(), stored.id(), next, parentOf(stored), u.seed()), expected);
        }
        Delete d = (Delete) w;
        Optional<Aggregate<?>> target = d.mode() == Mode.MISSING ? Optional.empty() : pick(d.entity(), d.pick());
        if (target.isEmpty()) {
            return delete(d.entity(), freshId(d.entity()), 1);
        }
        Aggregate<?> stored = target.get();
        if (d.entity() == Entity.EMPLOYER && !testedChecksReferences && isReferenced(stored.id())) {
            // Without REFERENTIAL_INTEGRITY the store may delete what the reference refuses to: not comparable.
            return null;
        }
        return delete(d.entity(), stored.id(), expected(stored.version(), d.mode()));
    }

    private static long expected(long stored, Mode mode) {
        return mode == Mode.CORRECT ? stored : stored > 1 ? stored - 1 : stored + 1;
    }

    private Action save(Entity entity, Aggregate<?> record, long expected) {
        return new Action(entity, record, record.id(), expected, audit("SAVE", entity, record.id()), event(entity, record.id(), record.version()));
    }

    private Action delete(Entity entity, Id id, long expected) {
        return new Action(entity, null, id, expected, audit("DELETE", entity, id), event(entity, id, expected));
    }

    private AuditEntry audit(String action, Entity entity, Id id) {
        Reader by = ModelData.READERS.get(0);
        return new AuditEntry(new AuditId(ids.get()), Fixtures.NOW, by.id(), by.partner(), action, entity.name().toLowerCase(java.util.Locale.ROOT),
                id.asString(), List.of(), null);
    }

    private DomainEvent event(Entity entity, Id id, long version) {
        if (!events) {
            return null;
        }
        Reader by = ModelData.READERS.get(0);
        return new DomainEvent.Changed(ids.get(), Fixtures.NOW, by.id(), by.partner(), AggregateTypes.byKey(entity.name().toLowerCase(java.util.Locale.ROOT)).orElseThrow(), id.asString(), version,
                List.of("model"));
    }

    private Aggregate<?> content(Entity entity, Id id, Stamp stamp, EmployerId parent, long seed) {
        return switch (entity) {
            case EMPLOYER -> data.employer((EmployerId) id, stamp, seed);
            case CONTACT -> data.contact((ContactId) id, stamp, parent, seed);
            case ENGAGEMENT -> data.engagement((EngagementId) id, stamp, parent, seed);
        };
    }

    /**
     * The employer a new contact or engagement belongs to: an existing one, or, when there is none and the store
     * under test checks references, an unknown one (both stores must refuse it). Null when the step cannot be compared.
     */
    private EmployerId parentFor(long seed) {
        List<String> employers = ids(Entity.EMPLOYER);
        if (employers.isEmpty()) {
            return testedChecksReferences ? new EmployerId(ids.get()) : null;
        }
        return EmployerId.of(employers.get(Math.floorMod(seed, employers.size())));
    }

    private static EmployerId parentOf(Aggregate<?> record) {
        if (record instanceof Contact c) {
            return c.employer();
        }
        if (record instanceof Engagement e) {
            return e.employer();
        }
        return null;
    }

    private boolean isReferenced(Id employer) {
        return reference.read(tx -> tx.contacts().count(org.sectorcrm.core.contact.ContactFilter.atEmployer((EmployerId) employer)) > 0
                || tx.engagements().count(org.sectorcrm.core.engagement.EngagementFilter.forEmployer((EmployerId) employer)) > 0);
    }

    private Id freshId(Entity entity) {
        UUID uuid = ids.get();
        return switch (entity) {
            case EMPLOYER -> new EmployerId(uuid);
            case CONTACT -> new ContactId(uuid);
            case ENGAGEMENT -> new EngagementId(uuid);
        };
    }

    /** The {@code pick}-th record of the reference, in id order, or empty when there is none. */
    private Optional<Aggregate<?>> pick(Entity entity, int pick) {
        List<Aggregate<?>> all = all(reference, entity);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(Math.floorMod(pick, all.size())));
    }

    private List<String> ids(Entity entity) {
        return all(reference, entity).stream().map(a -> a.id().asString()).toList();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Comparing.

    /** What one storage did: a value, or an exception described by its contract type (and current version for conflicts). */
    private record Outcome(Object value, String error, Long currentVersion) {
    }

    /**
     * Runs {@code work} on both stores and asserts equal outcomes. {@code ownException} is the type of an exception
     * the work throws itself: it must reach the caller as the very instance thrown.
     */
    private void compare(String kind, String what, Function<CrmStorage, Object> work, Class<? extends RuntimeException> ownException) {
        Outcome expected = outcome(reference, work, ownException);
        Outcome actual = outcome(tested, work, ownException);
        observer.accept(kind + ": " + (expected.error() != null ? expected.error()
                : expected.value() instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof List<?> rows ? (rows.isEmpty() ? "no rows" : "rows")
                : expected.value() instanceof Optional<?> o ? (o.isPresent() ? "found" : "not found") : "ok"));
        assertThat(actual.error()).as("%s: %s must end like it does in the reference store (%s)", where, what,
                expected.error() == null ? "returning " + expected.value() : "throwing " + expected.error()).isEqualTo(expected.error());
        if (expected.currentVersion() != null) {
            assertThat(actual.currentVersion()).as("%s: the ConflictException of %s must carry the current version", where, what)
                    .isEqualTo(expected.currentVersion());
        }
        assertThat(actual.value()).as("%s: %s must return what the reference returns", where, what).isEqualTo(expected.value());
    }

    private static Outcome outcome(CrmStorage storage, Function<CrmStorage, Object> work, Class<? extends RuntimeException> ownException) {
        try {
            return new Outcome(work.apply(storage), null, null);
        } catch (RuntimeException e) {
            if (ownException != null && ownException.isInstance(e)) {
                return new Outcome(null, "the work's own exception", null);
            }
            Long version = e instanceof ConflictException c && c.currentVersion().isPresent() ? c.currentVersion().getAsLong() : null;
            return new Outcome(null, contractType(e), version);
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

    private void sameRecords() {
        for (Entity entity : Entity.values()) {
            List<Aggregate<?>> expected = all(reference, entity);
            assertThat(all(tested, entity)).as("%s: the %s records of both stores", where, entity).containsExactlyElementsOf(expected);
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

    private static List<Aggregate<?>> all(CrmStorage storage, Entity entity) {
        return Paging.all(entity + " query", 100, p -> storage.read(tx -> store(tx, entity).query(all(entity), p).map(a -> (Aggregate<?>) a)),
                Aggregate::id);
    }

    @SuppressWarnings("unchecked")
    private static AggregateStore<Id, Aggregate<Id>, Object> store(StorageTransaction tx, Entity entity) {
        Object store = switch (entity) {
            case EMPLOYER -> tx.employers();
            case CONTACT -> tx.contacts();
            case ENGAGEMENT -> tx.engagements();
        };
        return (AggregateStore<Id, Aggregate<Id>, Object>) store;
    }

    private static Object all(Entity entity) {
        return switch (entity) {
            case EMPLOYER -> Kinds.of(AggregateTypes.EMPLOYER).all();
            case CONTACT -> Kinds.of(AggregateTypes.CONTACT).all();
            case ENGAGEMENT -> Kinds.of(AggregateTypes.ENGAGEMENT).all();
        };
    }

    /** Thrown by a transaction's work to roll it back; must reach the caller as thrown. */
    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed() {
            super("the work fails on purpose to roll its transaction back", null, false, false);
        }
    }
}
