package org.sectorcrm.core;

import org.sectorcrm.core.dedupe.EmployerMerge;
import org.sectorcrm.core.dedupe.EmployerMergeFilter;
import org.sectorcrm.core.dedupe.EmployerMergeId;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The merge records (tombstones) of merged employers: read and listed like any record, written only by
 * {@link DedupeOperations#merge} and {@link DedupeOperations#unmerge} (a hand-made tombstone could hide an employer).
 */
public final class EmployerMergeOperations extends RecordOperations<EmployerMergeId, EmployerMerge, EmployerMergeFilter, EmployerMerge> {
    EmployerMergeOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.EMPLOYER_MERGE);
    }

    @Override
    public EmployerMerge create(EmployerMerge draft) {
        throw refused();
    }

    @Override
    public EmployerMerge update(EmployerMergeId id, long expectedVersion, EmployerMerge changed) {
        throw refused();
    }

    @Override
    public void delete(EmployerMergeId id, long expectedVersion) {
        throw refused();
    }

    @Override
    public <K> void batch(BatchOptions options, RecordBatch.Listener<K, EmployerMerge> listener,
            java.util.function.Consumer<RecordBatch<K, EmployerMergeId, EmployerMerge, EmployerMergeFilter, EmployerMerge>> work) {
        throw refused();
    }

    private ValidationException refused() {
        return ValidationException.of(key(), "record", "merge records are written only by dedupe().merge and dedupe().unmerge");
    }
}
