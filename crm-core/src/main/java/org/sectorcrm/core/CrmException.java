package org.sectorcrm.core;

/**
 * The one unchecked root of every error SectorCRM throws on purpose. Subclasses are named for what
 * the caller can do about them: fix the input ({@link ValidationException}), reload and retry
 * ({@link ConflictException}), stop looking ({@link NotFoundException}), ask someone with more rights
 * ({@link AccessDeniedException}) or call operations ({@link StorageException}).
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CrmException(String message) {
        super(message);
    }

    protected CrmException(String message, Throwable cause) {
        super(message, cause);
    }
}
