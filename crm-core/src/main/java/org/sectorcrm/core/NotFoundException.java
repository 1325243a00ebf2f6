package org.sectorcrm.core;

/** The record asked for does not exist (or was deleted). */
public class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final String recordType;
    private final String recordId;

    public NotFoundException(String recordType, Object recordId) {
        super(recordType + " " + recordId + " does not exist");
        this.recordType = recordType;
        this.recordId = String.valueOf(recordId);
    }

    public String recordType() {
        return recordType;
    }

    public String recordId() {
        return recordId;
    }
}
