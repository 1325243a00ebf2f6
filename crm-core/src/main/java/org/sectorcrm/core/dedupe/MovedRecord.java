package org.sectorcrm.core.dedupe;

import org.sectorcrm.core.internal.Check;

/** A record a merge re-pointed from the merged employer to the survivor: its type key, id and the field that changed. */
public record MovedRecord(String type, String id, String field) {
    public MovedRecord {
        Check.of("movedRecord").text("type", type, org.sectorcrm.core.Limits.CODE).text("id", id, org.sectorcrm.core.Limits.CODE)
                .text("field", field, org.sectorcrm.core.Limits.CODE).throwIfInvalid();
    }
}
