package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.dedupe.MergeChoices;
import org.sectorcrm.core.dedupe.MovedRecord;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.Repointer;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The writes of a merge and an unmerge. Which records refer to an employer comes from the descriptors: every
 * {@link AggregateType#repointersTo repointer to employers} of every type of {@link AggregateTypes#all()}, so a new type
 * that references employers is moved by a merge without a change here.
 */
final class EmployerRepointing {
    private EmployerRepointing() {
    }

    /** How many records of each type refer to {@code employer} (type key to count, types with none left out). */
    static Map<String, Long> count(StorageTransaction tx, EmployerId employer) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            long n = countOf(tx, type, employer);
            if (n > 0) {
                counts.put(type.key(), n);
            }
        }
        return counts;
    }

    private static <I extends Id, T extends Aggregate<I>, F> long countOf(StorageTransaction tx, AggregateType<I, T, F> type, EmployerId employer) {
        long n = 0;
        for (Repointer<T, F> r : type.repointersTo(AggregateTypes.EMPLOYER)) {
            n += tx.store(type).count(r.referring().apply(employer));
        }
        return n;
    }

    static EmployerMerge merge(Changes changes, Employer[] pair, MergeChoices choices) {
        Employer survivor = pair[0];
        Employer merged = pair[1];
        StorageTransaction tx = changes.tx;
        Employer result = EmployerSurvivorship.merge(survivor, merged, choices);
        List<MovedRecord> moved = new ArrayList<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            moveAll(changes, type, merged.id(), survivor.id(), moved);
        }
        // The merged employer goes first: its FEIN may be the one the survivor takes.
        tx.employers().delete(merged.id(), merged.version());
        changes.deleted(AggregateTypes.EMPLOYER, merged.id(), merged.version());
        Employer after = save(changes, survivor, result);
        EmployerMerge record = new EmployerMerge(EmployerMergeId.of(merged.id()), Stamp.first(changes.now, changes.actor.partner()), survivor.id(),
                merged, survivor, after, moved, changes.actor.user());
        tx.store(AggregateTypes.EMPLOYER_MERGE).save(record, 0);
        changes.created(AggregateTypes.EMPLOYER_MERGE, record.id(), record.version());
        changes.audit(DedupeOperations.MERGED, AggregateTypes.EMPLOYER.key(), survivor.id().asString(), "merged employer " + merged.id() + " ("
                + merged.legalName() + ") into " + survivor.id() + " (" + survivor.legalName() + "); " + moved.size() + " records re-pointed");
        return record;
    }

    static Employer unmerge(Changes changes, EmployerId mergedId) {
        StorageTransaction tx = changes.tx;
        AggregateStore<EmployerMergeId, EmployerMerge, ?> merges = tx.store(AggregateTypes.EMPLOYER_MERGE);
        EmployerMerge record = merges.find(EmployerMergeId.of(mergedId)).orElseThrow(() -> new NotFoundException("employerMerge", mergedId));
        Optional<Employer> current = tx.employers().find(record.survivor());
        if (!record.survivor().equals(record.survivorAfter().id()) || current.isEmpty()) {
            throw new ConflictException("employerMerge", mergedId, record.version(), "the survivor " + record.survivorAfter().id()
                    + " was itself merged into " + record.survivor() + " since: unmerge that first");
        }
        Employer now = current.get();
        Employer restored = EmployerSurvivorship.unmerge(now, record.survivorBefore(), record.survivorAfter(), record.merged());
        save(changes, now, restored);
        Employer merged = record.merged();
        tx.employers().save(merged, 0);
        changes.created(AggregateTypes.EMPLOYER, merged.id(), merged.version());
        for (MovedRecord m : record.moved()) {
            AggregateType<?, ?, ?> type = AggregateTypes.byKey(m.type()).orElseThrow(() -> new IllegalStateException("no type " + m.type()));
            moveBack(changes, type, m, record.survivor(), merged.id());
        }
        merges.delete(record.id(), record.version());
        changes.deleted(AggregateTypes.EMPLOYER_MERGE, record.id(), record.version());
        changes.audit(DedupeOperations.UNMERGED, AggregateTypes.EMPLOYER.key(), record.survivor().asString(), "restored employer " + merged.id()
                + " (" + merged.legalName() + ") merged into " + record.survivor() + "; " + record.moved().size() + " records looked at");
        return merged;
    }

    private static Employer save(Changes changes, Employer stored, Employer next) {
        AggregateType<EmployerId, Employer, ?> type = AggregateTypes.EMPLOYER;
        Employer candidate = next.withId(stored.id()).withStamp(stored.stamp());
        if (type.changedFields(stored, candidate).isEmpty()) {
            return stored;
        }
        Employer complete = candidate.withStamp(stored.stamp().next(changes.now));
        changes.tx.employers().save(complete, stored.version());
        changes.changed(type, stored.id(), complete.version(), type.changedFields(stored, complete), type.changes(stored, complete));
        return complete;
    }

    private static <I extends Id, T extends Aggregate<I>, F> void moveAll(Changes changes, AggregateType<I, T, F> type, EmployerId from, EmployerId to,
            List<MovedRecord> moved) {
        AggregateStore<I, T, F> store = changes.tx.store(type);
        for (Repointer<T, F> r : type.repointersTo(AggregateTypes.EMPLOYER)) {
            List<I> ids = new ArrayList<>();
            F filter = r.referring().apply(from);
            Page<T> page = store.query(filter, PageRequest.first(PageRequest.MAX_LIMIT));
            page.items().forEach(t -> ids.add(t.id()));
            while (page.hasNext()) {
                page = store.query(filter, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
                page.items().forEach(t -> ids.add(t.id()));
            }
            for (I id : ids) {
                T stored = store.find(id).orElseThrow();
                if (write(changes, type, stored, r.repoint().apply(stored, from, to))) {
                    moved.add(new MovedRecord(type.key(), id.asString(), r.field()));
                }
            }
        }
    }

    private static <I extends Id, T extends Aggregate<I>, F> void moveBack(Changes changes, AggregateType<I, T, F> type, MovedRecord m, EmployerId from,
            EmployerId to) {
        Optional<T> stored = changes.tx.store(type).find(type.parseId(m.id()));
        if (stored.isEmpty()) {
            return; // deleted since the merge: nothing to move back
        }
        for (Repointer<T, F> r : type.repointersTo(AggregateTypes.EMPLOYER)) {
            if (r.field().equals(m.field())) {
                write(changes, type, stored.get(), r.repoint().apply(stored.get(), from, to));
            }
        }
    }

    /** Saves {@code next} over {@code stored} with the next stamp when it differs; whether it did. */
    private static <I extends Id, T extends Aggregate<I>, F> boolean write(Changes changes, AggregateType<I, T, F> type, T stored, T next) {
        T candidate = type.assign(next, stored.id(), stored.stamp());
        List<String> fields = type.changedFields(stored, candidate);
        if (fields.isEmpty()) {
            return false;
        }
        T complete = type.assign(next, stored.id(), stored.stamp().next(changes.now));
        changes.tx.store(type).save(complete, stored.version());
        changes.changed(type, stored.id(), complete.version(), fields, type.changes(stored, complete));
        return true;
    }
}
