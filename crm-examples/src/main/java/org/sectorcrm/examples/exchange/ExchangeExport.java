package org.sectorcrm.examples.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.records.SessionRecords;
import org.sectorcrm.json.exchange.ExchangeWriter;

/**
 * Writes the records one staff user may read into an exchange file (crm-json's NDJSON format), paging through the
 * application API so an export of any size runs in constant memory. Because it reads through {@link CrmSession},
 * every rule of crm-core applies: engagement notes the user may not read are not in the file, and a VIEWER's export
 * holds contacts without e-mail and phone. Every export of a type with personal fields (contacts) is recorded in the
 * audit trail.
 */
public final class ExchangeExport {
    private static final int PAGE = 500;
    private final CrmSession session;
    private final String detail;

    /** @param detail what the audit entry of a contact export says about it (format and destination) */
    public ExchangeExport(CrmSession session, String detail) {
        this(session, detail, Runnable::run);
    }

    /** @param audit given each PII-export audit entry to record; the CLI records them only once the export completed */
    public ExchangeExport(CrmSession session, String detail, java.util.function.Consumer<Runnable> audit) {
        this.session = session;
        this.detail = detail;
        this.audit = audit;
    }

    private final java.util.function.Consumer<Runnable> audit;

    /**
     * Every record of every type, in {@link AggregateTypes#all()} order (referenced records first: a full export that
     * imports line by line); returns the count of each type, in that order.
     */
    public Map<AggregateType<?, ?, ?>, Long> writeAll(ExchangeWriter out) {
        Map<AggregateType<?, ?, ?>, Long> counts = new LinkedHashMap<>();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            counts.put(type, write(out, type));
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Every record of one type; returns how many. */
    public long write(ExchangeWriter out, AggregateType<?, ?, ?> type) {
        long n = each(out, type);
        if (!type.personalFields().isEmpty()) {
            audit.accept(() -> session.audit().recordPiiExport(type.key(), n, detail));
        }
        return n;
    }

    private <I extends Id, T extends Aggregate<I>, F> long each(ExchangeWriter out, AggregateType<I, T, F> type) {
        RecordOperations<I, T, F, ?> ops = SessionRecords.of(session, type);
        long n = 0;
        Page<?> page = ops.list(type.all(), PageRequest.first(PAGE));
        while (true) {
            for (Object item : page.items()) {
                // A VIEWER's view carries a contact without e-mail and phone: that is what the file gets.
                out.write(SessionRecords.record(type, item));
                n++;
            }
            if (!page.hasNext()) {
                return n;
            }
            page = ops.list(type.all(), PageRequest.after(page.nextCursor(), PAGE));
        }
    }
}
