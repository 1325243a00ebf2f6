package org.sectorcrm.examples.csv;

import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Exports in the import's own columns, so an exported file imports back unchanged. Exports page through the
 * storage (memory grows only with the employers the rows point to), run as the exporting staff user (VIEWERs export masked PII), and every export of
 * contacts is recorded in the audit trail.
 */
public final class CsvExport {
    private static final int PAGE = 500;
    private final CrmSession session;
    private final Map<EmployerId, Employer> employers = new HashMap<>();

    /** What happens to an audit entry of a PII export: recorded at once, or held until the caller knows the export completed. */
    private final java.util.function.Consumer<Runnable> audit;

    public CsvExport(CrmSession session) {
        this(session, Runnable::run);
    }

    /** @param audit given each PII-export audit entry to record; the CLI records them only once the file is in place */
    public CsvExport(CrmSession session, java.util.function.Consumer<Runnable> audit) {
        this.session = session;
        this.audit = audit;
    }

    public long employers(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(EmployerRows.FIELDS);
        return each(p -> session.employers().list(EmployerFilter.ALL, p), e -> csv.write(EmployerRows.toRow(e)));
    }

    public long contacts(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(ContactRows.FIELDS);
        long n = each(p -> session.contacts().list(ContactFilter.ALL, p),
                v -> csv.write(ContactRows.toRow(v.contact(), employer(v.contact().employer()), v.masked(), v.email(), v.phone())));
        audit.accept(() -> session.audit().recordPiiExport("contact", n, "CSV export"));
        return n;
    }

    public long engagements(Writer out) {
        CsvWriter csv = new CsvWriter(out);
        csv.write(EngagementRows.FIELDS);
        Map<StaffUserId, String> emails = new HashMap<>();
        return each(p -> session.engagements().list(EngagementFilter.ALL, p), e -> csv.write(EngagementRows.toRow(e, employer(e.employer()),
                emails.computeIfAbsent(e.staff(), id -> session.reference().staffUsers().find(id).map(StaffUser::email).map(Object::toString).orElse(null)))));
    }

    private Employer employer(EmployerId id) {
        return employers.computeIfAbsent(id, session.employers()::get);
    }

    private static <T> long each(Function<PageRequest, Page<T>> pages, java.util.function.Consumer<T> sink) {
        long n = 0;
        Page<T> page = pages.apply(PageRequest.first(PAGE));
        while (true) {
            for (T item : page.items()) {
                sink.accept(item);
                n++;
            }
            if (!page.hasNext()) {
                return n;
            }
            page = pages.apply(PageRequest.after(page.nextCursor(), PAGE));
        }
    }
}
