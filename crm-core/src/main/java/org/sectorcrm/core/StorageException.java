package org.sectorcrm.core;

/** The storage failed for a reason that is not the caller's input (connection lost, disk full, bug). */
public class StorageException extends CrmException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
