package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * The bulk write path of one record type ({@link RecordOperations#batch}): creates and updates are queued and written
 * {@link BatchOptions#batchSize} at a time, each batch one transaction with one {@link AggregateStore#saveAll} and one
 * append of its audit entries and events, and the reference data the checks read (regions, sectors, partners, staff
 * users) read once per batch. Every record is validated and prepared exactly as a single create or update would be,
 * gets the same audit entry and event, and an update is saved over the version it was read at (optimistic locking).
 *
 * <p>A record that fails its checks is rejected without failing its batch. When the batch's writes fail (a unique key
 * taken, a concurrent change), the batch is rolled back and written again one record at a time, each in its own
 * nested transaction, so the good records are kept and each bad one is named. The {@link Listener} hears of every
 * record once, in the order they were added, after its transaction committed. A second write of an id already queued
 * first writes the queue, so it starts from what the first stored.
 *
 * @param <K> what the caller tags each record with (a line number, a position) to recognise it in the listener
 * @since 2
 */
public final class RecordBatch<K, I extends Id, T extends Aggregate<I>, F, V> {
    /** What a record came to. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** Hears of each record of the batch once, after its transaction committed (in a dry run: after it was written). */
    public interface Listener<K, V> {
        /** The record was stored (or, updated with no change, left as it was); {@code record} is what is stored now. */
        void stored(K tag, Outcome outcome, V record);

        /** The record was refused; nothing of it was stored. */
        void rejected(K tag, CrmException problem);
    }

    private record Item<K, T>(K tag, T record, boolean update) {
    }

    private record Result<K, T>(K tag, Outcome outcome, T record, CrmException problem) {
    }

    private final RecordOperations<I, T, F, V> ops;
    private final BatchOptions options;
    private final Listener<K, V> listener;
    private final List<Item<K, T>> pending = new ArrayList<>();
    private final Set<I> pendingIds = new HashSet<>();

    private RecordBatch(RecordOperations<I, T, F, V> ops, BatchOptions options, Listener<K, V> listener) {
        this.ops = ops;
        this.options = options;
        this.listener = listener;
    }

    static <K, I extends Id, T extends Aggregate<I>, F, V> void run(RecordOperations<I, T, F, V> ops, BatchOptions options, Listener<K, V> listener,
            Consumer<RecordBatch<K, I, T, F, V>> work) {
        RecordBatch<K, I, T, F, V> batch = new RecordBatch<>(ops, options, listener);
        if (!options.dryRun()) {
            work.accept(batch);
            batch.flush();
            return;
        }
        try {
            ops.crm.storage().inTransaction(tx -> {
                work.accept(batch);
                batch.flush();
                throw new DryRunEnds();
            });
        } catch (DryRunEnds expected) {
            // Everything the dry run wrote is rolled back, as it was meant to be.
        }
    }

    /** Queues a new record (a draft gets an id; a given id is kept). */
    public void create(K tag, T draft) {
        if (draft == null) {
            listener.rejected(tag, ValidationException.of(ops.key(), "record", "is required"));
            return;
        }
        add(new Item<>(tag, draft, false), draft.id());
    }

    /**
     * Queues an update of the stored record {@code changed.id()}, read at {@code changed.version()}: like
     * {@link RecordOperations#update(Aggregate)}, a stale version is rejected and a change of nothing writes nothing.
     */
    public void update(K tag, T changed) {
        if (changed == null || changed.id() == null) {
            listener.rejected(tag, ValidationException.of(ops.key(), changed == null ? "record" : "id", "is required"));
            return;
        }
        add(new Item<>(tag, changed, true), changed.id());
    }

    /**
     * Runs the session reads of {@code lookups} (finds, lists) in one read transaction instead of one each: an
     * importer resolving the natural keys of many rows. In a dry run they see what the dry run wrote.
     */
    public <R> R lookups(Supplier<R> lookups) {
        return ops.crm.storage().read(tx -> lookups.get());
    }

    /** How many records are queued and not yet written. */
    public int pending() {
        return pending.size();
    }

    private void add(Item<K, T> item, I id) {
        if (id != null && !pendingIds.add(id)) {
            flush();
            pendingIds.add(id);
        }
        pending.add(item);
        if (pending.size() >= options.batchSize()) {
            flush();
        }
    }

    /** Writes what is queued as one transaction (record by record when that fails), then tells the listener. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Item<K, T>> items = List.copyOf(pending);
        pending.clear();
        pendingIds.clear();
        List<DomainEvent> events = new ArrayList<>();
        List<Result<K, T>> results;
        try {
            results = ops.crm.storage().inTransaction(tx -> {
                events.clear(); // a storage may run the work again; only the committed run's events count
                return write(tx, items, events);
            });
        } catch (StorageException e) {
            throw e;
        } catch (CrmException e) {
            results = oneByOne(items, events);
        }
        if (!options.dryRun()) {
            ops.crm.publish(events);
        }
        for (Result<K, T> r : results) {
            if (r.problem() != null) {
                listener.rejected(r.tag(), r.problem());
            } else {
                listener.stored(r.tag(), r.outcome(), ops.view(r.record()));
            }
        }
    }

    /** The batch's writes failed: each record again in a nested transaction of its own, so that one bad record fails alone. */
    private List<Result<K, T>> oneByOne(List<Item<K, T>> items, List<DomainEvent> events) {
        List<Result<K, T>> results = new ArrayList<>();
        ops.crm.storage().inTransaction(tx -> {
            results.clear();
            events.clear();
            for (Item<K, T> item : items) {
                List<DomainEvent> mine = new ArrayList<>();
                try {
                    results.addAll(ops.crm.storage().inTransaction(inner -> {
                        mine.clear();
                        return write(inner, List.of(item), mine);
                    }));
                    events.addAll(mine);
                } catch (StorageException e) {
                    throw e;
                } catch (CrmException e) {
                    results.add(new Result<>(item.tag(), null, null, e));
                }
            }
            return null;
        });
        return results;
    }

    /**
     * Prepares every record as a single write would (checks, derived fields, stamp, audit entry, event), then saves
     * those that passed in one {@code saveAll} and appends their audit entries and events in one call each.
     */
    private List<Result<K, T>> write(StorageTransaction tx, List<Item<K, T>> items, List<DomainEvent> events) {
        Changes changes = new Changes(ops.crm, ops.actor, new ReferenceReads(tx, ops.type), events, true);
        List<AggregateStore.Save<T>> saves = new ArrayList<>(items.size());
        List<Result<K, T>> results = new ArrayList<>(items.size());
        for (Item<K, T> item : items) {
            try {
                if (item.update()) {
                    T stored = ops.loadForWrite(changes, item.record().id(), item.record().version());
                    T next = ops.prepareUpdate(changes, stored, item.record());
                    T saved = ops.saveChanged(changes, stored, next, false, (t, v) -> saves.add(new AggregateStore.Save<>(t, v)));
                    results.add(new Result<>(item.tag(), saved == stored ? Outcome.UNCHANGED : Outcome.UPDATED, saved, null));
                } else {
                    T complete = ops.prepareCreate(changes, item.record());
                    saves.add(new AggregateStore.Save<>(complete, 0));
                    changes.created(ops.type, complete.id(), complete.version());
                    results.add(new Result<>(item.tag(), Outcome.CREATED, complete, null));
                }
            } catch (StorageException e) {
                throw e;
            } catch (CrmException e) {
                // Checks only read: a record that fails them has written nothing, and the others go on.
                results.add(new Result<>(item.tag(), null, null, e));
            }
        }
        ops.store(tx).saveAll(saves);
        changes.flush();
        return results;
    }

    /** Thrown out of a dry run's transaction so that it rolls back; never reaches the caller. */
    private static final class DryRunEnds extends CrmException {
        private static final long serialVersionUID = 1L;

        DryRunEnds() {
            super("the dry run ends: everything it wrote is rolled back");
        }
    }
}
