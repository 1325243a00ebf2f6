package org.sectorcrm.core.event;

/** The kinds of records events and audit entries speak of; {@link #key()} is the lower camel name used in messages and JSON. */
public enum RecordType {
    REGION("region"),
    SECTOR("sector"),
    PARTNER("partner"),
    STAFF_USER("staffUser"),
    EMPLOYER("employer"),
    CONTACT("contact"),
    ENGAGEMENT("engagement"),
    NEED("need"),
    SOLUTION("solution"),
    PARTNERSHIP("partnership"),
    REFERRAL("referral"),
    OUTCOME("outcome"),
    FEEDBACK("feedback");

    private final String key;

    RecordType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
