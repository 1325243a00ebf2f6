package org.sectorcrm.core;

import java.util.OptionalLong;

/**
 * The write collides with the stored state: someone saved the record since it was read (a stale
 * version; {@link #currentVersion()} says what is stored now), the record already exists, a unique
 * key is taken, or the record is still referenced. Reload, reapply and retry. Nothing was changed.
 */
public class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String recordType;
    private final String recordId;
    private final Long currentVersion;

    public ConflictException(String recordType, Object recordId, Long currentVersion, String message) {
        super(message);
        this.recordType = recordType;
        this.recordId = String.valueOf(recordId);
        this.currentVersion = currentVersion;
    }

    /** The usual case: the caller expected {@code expected} but {@code current} is stored. */
    public static ConflictException staleVersion(String recordType, Object recordId, long expected, long current) {
        return new ConflictException(recordType, recordId, current, recordType + " " + recordId
                + " was changed by someone else: expected version " + expected + " but version " + current + " is stored");
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }

    /** The version stored now, when the conflict is about versions (and the record still exists). */
    public OptionalLong currentVersion() {
        return currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }
}
