package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link RecordOperations#importAll} did: how many records were created, updated or left unchanged, and each
 * rejected one by its position in the stream (0-based) with the reason.
 *
 * @since 2
 */
public record BatchReport(long created, long updated, long unchanged, List<Rejection> rejections) {
    public BatchReport {
        if (rejections == null) {
            throw ValidationException.of("batch report", "rejections", "is required (empty when none)");
        }
        rejections = List.copyOf(rejections);
    }

    /** One rejected record: its position in the input and what was wrong (every field at once for a validation error). */
    public record Rejection(long index, CrmException problem) {
    }

    public long stored() {
        return created + updated;
    }

    /** Counts outcomes as a batch reports them. */
    static final class Collector<V> implements RecordBatch.Listener<Long, V> {
        private long created;
        private long updated;
        private long unchanged;
        private final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void stored(Long index, RecordBatch.Outcome outcome, V record) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                default -> throw new IllegalStateException("unknown outcome " + outcome);
            }
        }

        @Override
        public void rejected(Long index, CrmException problem) {
            rejections.add(new Rejection(index, problem));
        }

        BatchReport report() {
            rejections.sort(Comparator.comparingLong(Rejection::index));
            return new BatchReport(created, updated, unchanged, rejections);
        }
    }
}
