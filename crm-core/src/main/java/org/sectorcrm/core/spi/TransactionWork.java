package org.sectorcrm.core.spi;

@FunctionalInterface
public interface TransactionWork<R> {
    R run(StorageTransaction tx);
}
