package org.sectorcrm.core.spi;

import java.util.Set;

/**
 * The root of a storage implementation.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #inTransaction} runs the work in one transaction: when the work returns, every write it made
 *       is committed at once; when it throws, <em>nothing</em> it wrote is visible to anyone, ever, and the
 *       exception reaches the caller unchanged (a {@link org.sectorcrm.core.CrmException} as is; a failure of
 *       the storage itself as {@link org.sectorcrm.core.StorageException}).</li>
 *   <li>Reads inside a transaction see that transaction's own writes.</li>
 *   <li>A transaction started on a thread that is already inside one joins it (one commit at the end of the outer one).</li>
 *   <li>Implementations are thread-safe; concurrent transactions never lose an update: the optimistic-locking
 *       check of {@link AggregateStore#save} is atomic with the write.</li>
 *   <li>The {@link StorageTransaction} and the stores it hands out must not be used after the work returns.</li>
 * </ul>
 *
 * @since 1
 */
public interface CrmStorage extends AutoCloseable {
    /** The SPI version this interface describes; a kit version states which SPI version it checks. */
    int SPI_VERSION = 1;

    /**
     * Runs {@code work} in a read-write transaction and returns its result.
     *
     * @throws org.sectorcrm.core.StorageException when the storage fails (nothing of the work is kept)
     */
    <R> R inTransaction(TransactionWork<R> work);

    /**
     * Runs {@code work} in a transaction that only reads; a write in it throws {@link IllegalStateException}.
     * Implementations may run it with less locking. The default runs {@link #inTransaction} with a view of the
     * transaction whose writes throw.
     */
    default <R> R read(TransactionWork<R> work) {
        return inTransaction(tx -> work.run(new org.sectorcrm.core.internal.ReadOnlyTransaction(tx)));
    }

    /** The optional capabilities this implementation has; the kit skips (loudly) the tests of those it lacks. */
    Set<Capability> capabilities();

    /** Releases what the storage owns (connections, pools). Idempotent. */
    @Override
    void close();
}
