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
 *   <li>A transaction started on a thread that is already inside one joins it (one commit at the end of the outer one).
 *       The joined unit behaves like a savepoint: when its work throws (whatever it throws, a
 *       {@link org.sectorcrm.core.ConflictException} of a stale save or a taken unique key included), exactly what
 *       that inner work wrote is undone, its saves, deletes and appends alike (and the exception reaches the outer work); when the outer work catches it and returns, the outer
 *       transaction commits what it wrote itself and nothing of the failed inner unit. When the storage itself
 *       fails inside (a {@link org.sectorcrm.core.StorageException}: a lost connection, a full disk) the whole
 *       transaction is rolled back, and the outer call throws {@link org.sectorcrm.core.StorageException} even when
 *       the outer work caught the failure and returned. A deadlock or serialization failure, which the database
 *       resolves by aborting the transaction, reaches the caller as {@link org.sectorcrm.core.ConflictException}
 *       ("reload and retry") and likewise leaves nothing of the whole transaction. A read ({@link #read}) nested in
 *       {@code inTransaction} joins it and sees its writes. (Since SPI 2.)</li>
 *   <li>Implementations are thread-safe; concurrent transactions never lose an update: the optimistic-locking
 *       check of {@link AggregateStore#save} is atomic with the write.</li>
 *   <li>The {@link StorageTransaction} and the stores it hands out must not be used after the work returns.</li>
 * </ul>
 *
 * @since 1
 */
public interface CrmStorage extends AutoCloseable {
    /** The SPI version this interface describes; a kit version states which SPI version it checks. */
    int SPI_VERSION = 2;

    /**
     * Runs {@code work} in a read-write transaction and returns its result.
     *
     * @throws org.sectorcrm.core.StorageException when the storage fails (nothing of the work is kept)
     */
    <R> R inTransaction(TransactionWork<R> work);

    /**
     * Runs {@code work} in a transaction that only reads; every write in it throws {@link IllegalStateException}:
     * {@code save}, {@code saveAll} and {@code delete} of every store, whichever accessor handed it out, and
     * {@code append} and {@code appendAll} of the audit and event logs.
     * Implementations may run it with less locking. The default runs {@link #inTransaction} with a view of the
     * transaction whose writes throw.
     */
    default <R> R read(TransactionWork<R> work) {
        return inTransaction(tx -> work.run(new ReadOnlyStorageTransaction(tx)));
    }

    /**
     * The record {@code id} of {@code type}: exactly {@code read(tx -> tx.store(type).find(id))}, which is the default
     * (and, on a thread already inside a transaction, joins it like any read). It exists so that a caching storage
     * can answer a hit without opening a transaction of its delegate: the application's get-by-id goes through here.
     */
    default <I extends org.sectorcrm.core.Id, T extends org.sectorcrm.core.Aggregate<I>, F> java.util.Optional<T> find(
            org.sectorcrm.core.type.AggregateType<I, T, F> type, I id) {
        return read(tx -> tx.store(type).find(id));
    }

    /** The optional capabilities this implementation has; the kit skips (loudly) the tests of those it lacks. */
    Set<Capability> capabilities();

    /** Releases what the storage owns (connections, pools). Idempotent. */
    @Override
    void close();
}
