package org.sectorcrm.core.spi;

import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;

/** Append-only audit trail, written in the same transaction as the change it records. @since 1 */
public interface AuditLog {
    /** Appends the entry; it commits or rolls back with the transaction. An entry with an id already logged throws {@link org.sectorcrm.core.ConflictException}. */
    void append(AuditEntry entry);

    /**
     * Appends the entries in order, like {@link #append} for each (the default); a store may batch them, with the same
     * outcome: an entry with an id already logged throws {@link org.sectorcrm.core.ConflictException}, and every
     * field, the {@linkplain org.sectorcrm.core.audit.AuditEntry#changes field changes} included, round-trips.
     * @since 2
     */
    default void appendAll(java.util.List<AuditEntry> entries) {
        for (AuditEntry e : entries) {
            append(e);
        }
    }

    /** Entries matching the filter in ascending id order (ids are time-ordered), paged like {@link AggregateStore#query}. */
    Page<AuditEntry> query(AuditFilter filter, PageRequest page);
}
