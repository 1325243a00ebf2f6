package org.sectorcrm.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * What every area of {@link CrmSession} offers: get, list, create, update, delete, each as the session's
 * staff user, each write one transaction with its audit entry and event.
 *
 * @param <I> id type
 * @param <T> aggregate type
 * @param <F> filter type
 * @param <V> what a reader receives (the aggregate, or a view with what the reader may not see removed)
 */
public abstract class RecordOperations<I extends Id, T extends Aggregate<I>, F, V> {
    final Crm crm;
    final Actor actor;
    final AggregateType<I, T, F> type;

    RecordOperations(Crm crm, Actor actor, AggregateType<I, T, F> type) {
        this.crm = crm;
        this.actor = actor;
        this.type = type;
    }

    final AggregateStore<I, T, F> store(StorageTransaction tx) {
        return tx.store(type);
    }

    final T assign(T aggregate, I id, Stamp stamp) {
        return type.assign(aggregate, id, stamp);
    }

    final I newId(UUID value) {
        return type.newId(value);
    }

    /** The descriptor of the records these operations work on. */
    public AggregateType<I, T, F> type() {
        return type;
    }

    /** What the actor may see of a stored aggregate. */
    @SuppressWarnings("unchecked")
    V view(T aggregate) {
        return (V) aggregate;
    }

    /** The role needed to write; reference data raises it to ADMIN. */
    Role writeRole() {
        return Role.STAFF;
    }

    /** Checks and completes an incoming aggregate before it is stored (derived fields, child ids, references); {@code stored} is null on create. */
    T prepare(Changes changes, T incoming, T stored) {
        return incoming;
    }

    /** The lifecycle status, for aggregates whose status only moves through transition methods; null otherwise. */
    Object statusOf(T aggregate) {
        return null;
    }

    String key() {
        return type.key();
    }

    public V get(I id) {
        return find(id).orElseThrow(() -> new NotFoundException(key(), id));
    }

    public Optional<V> find(I id) {
        requireId(id);
        return crm.storage().find(type, id).map(this::view); // read(tx -> find), which a cache may answer without a transaction
    }

    public Page<V> list(F filter, PageRequest page) {
        if (filter == null) {
            throw ValidationException.of(key(), "filter", "is required (use the filter's ALL constant for no filter)");
        }
        if (page == null) {
            throw ValidationException.of(key(), "page", "is required");
        }
        return crm.storage().read(tx -> store(tx).query(filter, page)).map(this::view);
    }

    public long count(F filter) {
        if (filter == null) {
            throw ValidationException.of(key(), "filter", "is required (use the filter's ALL constant for no filter)");
        }
        return crm.storage().read(tx -> store(tx).count(filter));
    }

    /**
     * Stores a new record. A draft gets a new id; a given id is kept (imports that preserve ids). The stamp is
     * always set here: version 1, created now by the actor's partner.
     */
    public V create(T draft) {
        if (draft == null) {
            throw ValidationException.of(key(), "record", "is required");
        }
        actor.require(writeRole(), "create a " + key());
        T saved = crm.write(actor, changes -> {
            T complete = prepareCreate(changes, draft);
            store(changes.tx).save(complete, 0);
            changes.created(type, complete.id(), complete.version());
            return complete;
        });
        return view(saved);
    }

    /**
     * Saves changed fields of the stored record {@code id}, read at {@code expectedVersion}. A stale version throws
     * {@link ConflictException} and changes nothing. The id and stamp of {@code changed} are ignored (the stored
     * record's are kept), so a caller never has to invent a stamp to carry the version. An update that changes
     * nothing writes nothing and returns the stored record.
     *
     * @since 2
     */
    public V update(I id, long expectedVersion, T changed) {
        if (changed == null) {
            throw ValidationException.of(key(), "record", "is required");
        }
        requireId(id);
        if (changed.id() != null && !changed.id().equals(id)) {
            throw ValidationException.of(key(), "id", "is " + changed.id() + " in the record but " + id + " was named; an id never changes");
        }
        actor.require(writeRole(), "change a " + key());
        T saved = crm.write(actor, changes -> {
            T stored = loadForWrite(changes, id, expectedVersion);
            return saveChanged(changes, stored, prepareUpdate(changes, stored, changed), false);
        });
        return view(saved);
    }

    /** The checked, completed next state of {@code stored} an update asks for; the status only moves through lifecycle operations. */
    T prepareUpdate(Changes changes, T stored, T changed) {
        T prepared = prepare(changes, assign(changed, stored.id(), stored.stamp()), stored);
        Object before = statusOf(stored);
        if (before != null && !before.equals(statusOf(prepared))) {
            throw ValidationException.of(key(), "status", "changes only through the lifecycle operations, not by update");
        }
        return prepared;
    }

    /** The checked, complete first version of a new record (a draft gets an id; a given id is kept). */
    T prepareCreate(Changes changes, T draft) {
        I id = draft.id() != null ? draft.id() : newId(changes.newId());
        T prepared = prepare(changes, draft, null);
        return assign(prepared, id, Stamp.first(changes.now, actor.partner()));
    }

    /**
     * A batch of creates and updates written in few transactions: see {@link RecordBatch}. {@code work} adds the
     * writes; what is still pending when it returns is written then. Needs the write role, like each write.
     *
     * @since 2
     */
    public <K> void batch(BatchOptions options, RecordBatch.Listener<K, V> listener, java.util.function.Consumer<RecordBatch<K, I, T, F, V>> work) {
        require(key(), "options", options);
        require(key(), "listener", listener);
        require(key(), "work", work);
        actor.require(writeRole(), "import " + key() + " records");
        RecordBatch.run(this, options, listener, work);
    }

    /**
     * Creates every record of {@code records} through the bulk path ({@link #batch}): each is validated and gets its
     * audit entry and event as {@link #create} would give it. Rows are read from the stream as they are written, so a
     * stream of any length runs in constant memory. Returns what happened, every rejected record named by its position.
     *
     * @since 2
     */
    public BatchReport importAll(java.util.stream.Stream<T> records, BatchOptions options) {
        require(key(), "records", records);
        BatchReport.Collector<V> report = new BatchReport.Collector<>();
        long[] index = {0};
        batch(options, report, b -> records.forEachOrdered(r -> {
            long i = index[0]++;
            if (r == null) {
                report.rejected(i, ValidationException.of(key(), "record", "is required"));
            } else {
                b.create(i, r);
            }
        }));
        return report.report();
    }

    /** {@link #update(Id, long, Aggregate)} with the id and version {@code changed} carries (it was read from the store). */
    public V update(T changed) {
        if (changed == null) {
            throw ValidationException.of(key(), "record", "is required");
        }
        requireId(changed.id());
        return update(changed.id(), changed.version(), changed);
    }

    public void delete(I id, long expectedVersion) {
        requireId(id);
        actor.require(writeRole(), "delete a " + key());
        crm.write(actor, changes -> {
            T stored = loadForWrite(changes, id, expectedVersion);
            checkDelete(changes, stored);
            AttachmentOperations.deleteOwnedBy(changes, type, id); // a record's files go with it
            store(changes.tx).delete(id, expectedVersion);
            changes.deleted(type, id, expectedVersion);
            return null;
        });
    }

    /** Extra rules before a delete (inside its transaction); the default allows it. */
    void checkDelete(Changes changes, T stored) {
    }

    /** Loads the record a write starts from, checking the version the caller read first (so no work is wasted on a stale copy). */
    T loadForWrite(Changes changes, I id, long expectedVersion) {
        T stored = store(changes.tx).find(id).orElseThrow(() -> new NotFoundException(key(), id));
        if (stored.version() != expectedVersion) {
            throw ConflictException.staleVersion(key(), id, expectedVersion, stored.version());
        }
        return stored;
    }

    /** Runs a lifecycle move ({@code move} applied to the stored record) as one write. */
    V transition(I id, long expectedVersion, java.util.function.UnaryOperator<T> move) {
        requireId(id);
        actor.require(writeRole(), "change a " + key());
        T saved = crm.write(actor, changes -> {
            T stored = loadForWrite(changes, id, expectedVersion);
            T moved = move.apply(stored);
            return saveChanged(changes, stored, moved, true);
        });
        return view(saved);
    }

    /** Saves {@code next} over {@code stored} when anything differs; records a status or change event. */
    T saveChanged(Changes changes, T stored, T next, boolean lifecycle) {
        return saveChanged(changes, stored, next, lifecycle, (t, v) -> store(changes.tx).save(t, v));
    }

    /** {@link #saveChanged(Changes, Aggregate, Aggregate, boolean)} handing the save to {@code writer} (a batch collects it). */
    T saveChanged(Changes changes, T stored, T next, boolean lifecycle, java.util.function.ObjLongConsumer<T> writer) {
        T candidate = assign(next, stored.id(), stored.stamp());
        List<String> fields = type.changedFields(stored, candidate);
        if (fields.isEmpty()) {
            return stored;
        }
        T complete = assign(next, stored.id(), stored.stamp().next(changes.now));
        writer.accept(complete, stored.version());
        Object before = statusOf(stored);
        Object after = statusOf(complete);
        List<org.sectorcrm.core.audit.FieldChange> values = type.changes(stored, complete);
        if (lifecycle && before != null && !before.equals(after)) {
            changes.statusChanged(type, stored.id(), complete.version(), before, after, fields, values);
        } else {
            changes.changed(type, stored.id(), complete.version(), fields, values);
        }
        return complete;
    }

    void requireId(I id) {
        if (id == null) {
            throw ValidationException.of(key(), "id", "is required");
        }
    }

    static <X> X require(String record, String field, X value) {
        if (value == null) {
            throw ValidationException.of(record, field, "is required");
        }
        return value;
    }
}
