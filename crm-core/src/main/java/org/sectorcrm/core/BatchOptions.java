package org.sectorcrm.core;

/**
 * How a {@link RecordBatch} writes: how many records go into one transaction, and whether it is a dry run.
 *
 * @param batchSize records per transaction (1 to {@value #MAX_BATCH_SIZE}); a failed transaction is retried record
 *        by record, so a bad record costs one batch's work again, not the whole import's
 * @param dryRun run every check and write exactly as the real run would, inside one transaction that is rolled back
 *        at the end: the outcomes reported are those of the real run, and nothing is kept or published
 * @since 2
 */
public record BatchOptions(int batchSize, boolean dryRun) {
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 10_000;

    public BatchOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw ValidationException.of("batch", "batchSize", "must be between 1 and " + MAX_BATCH_SIZE + " but was " + batchSize);
        }
    }

    /** {@value #DEFAULT_BATCH_SIZE} records per transaction, stored. */
    public static BatchOptions defaults() {
        return new BatchOptions(DEFAULT_BATCH_SIZE, false);
    }

    public BatchOptions withBatchSize(int size) {
        return new BatchOptions(size, dryRun);
    }

    public BatchOptions withDryRun(boolean value) {
        return new BatchOptions(batchSize, value);
    }
}
