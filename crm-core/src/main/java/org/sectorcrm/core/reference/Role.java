package org.sectorcrm.core.reference;

/** What a staff user may do, each role including the ones before it: VIEWER &lt; STAFF &lt; MANAGER &lt; ADMIN. */
public enum Role {
    /** Reads; sees contact e-mail and phone masked. */
    VIEWER,
    /** Reads and writes business records. */
    STAFF,
    /** STAFF, plus managing the staff of their own partner. */
    MANAGER,
    /** Everything, including reference data (regions, sectors, partners). Never bypasses PRIVATE or other partners' PARTNER notes. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
