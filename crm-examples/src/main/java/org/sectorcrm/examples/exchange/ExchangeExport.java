package org.sectorcrm.examples.exchange;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.feedback.FeedbackFilter;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.json.exchange.ExchangeType;
import org.sectorcrm.json.exchange.ExchangeWriter;

/**
 * Writes the records one staff user may read into an exchange file (crm-json's NDJSON format), paging through the
 * application API so an export of any size runs in constant memory. Because it reads through {@link CrmSession},
 * every rule of crm-core applies: engagement notes the user may not read are not in the file, and a VIEWER's export
 * holds contacts without e-mail and phone. Every export that holds contacts is recorded in the audit trail.
 */
public final class ExchangeExport {
    private static final int PAGE = 500;
    private final CrmSession session;
    private final String detail;

    /** @param detail what the audit entry of a contact export says about it (format and destination) */
    public ExchangeExport(CrmSession session, String detail) {
        this.session = session;
        this.detail = detail;
    }

    /** Every record of every type, in {@link ExchangeType} order (a full export that imports line by line). */
    public Map<ExchangeType, Long> writeAll(ExchangeWriter out) {
        Map<ExchangeType, Long> counts = new EnumMap<>(ExchangeType.class);
        for (ExchangeType type : ExchangeType.values()) {
            counts.put(type, write(out, type));
        }
        return counts;
    }

    /** Every record of one type; returns how many. */
    public long write(ExchangeWriter out, ExchangeType type) {
        long n = switch (type) {
            case REGION -> each(p -> session.reference().regions().list(RegionFilter.ALL, p), Function.identity(), out);
            case SECTOR -> each(p -> session.reference().sectors().list(SectorFilter.ALL, p), Function.identity(), out);
            case PARTNER -> each(p -> session.reference().partners().list(PartnerFilter.ALL, p), Function.identity(), out);
            case STAFF_USER -> each(p -> session.reference().staffUsers().list(StaffUserFilter.ALL, p), Function.identity(), out);
            case EMPLOYER -> each(p -> session.employers().list(EmployerFilter.ALL, p), Function.identity(), out);
            // A VIEWER's view carries a contact without e-mail and phone: that is what the file gets.
            case CONTACT -> each(p -> session.contacts().list(ContactFilter.ALL, p), ContactView::contact, out);
            case PARTNERSHIP -> each(p -> session.partnerships().list(PartnershipFilter.ALL, p), Function.identity(), out);
            case NEED -> each(p -> session.needs().list(NeedFilter.ALL, p), Function.identity(), out);
            case ENGAGEMENT -> each(p -> session.engagements().list(EngagementFilter.ALL, p), Function.identity(), out);
            case SOLUTION -> each(p -> session.solutions().list(SolutionFilter.ALL, p), Function.identity(), out);
            case REFERRAL -> each(p -> session.referrals().list(ReferralFilter.ALL, p), Function.identity(), out);
            case OUTCOME -> each(p -> session.outcomes().list(OutcomeFilter.ALL, p), Function.identity(), out);
            case FEEDBACK -> each(p -> session.feedback().list(FeedbackFilter.ALL, p), Function.identity(), out);
        };
        if (type == ExchangeType.CONTACT) {
            session.audit().recordPiiExport("contact", n, detail);
        }
        return n;
    }

    private static <V> long each(Function<PageRequest, Page<V>> pages, Function<V, ? extends Aggregate<?>> record, ExchangeWriter out) {
        long n = 0;
        Page<V> page = pages.apply(PageRequest.first(PAGE));
        while (true) {
            for (V item : page.items()) {
                out.write(record.apply(item));
                n++;
            }
            if (!page.hasNext()) {
                return n;
            }
            page = pages.apply(PageRequest.after(page.nextCursor(), PAGE));
        }
    }
}
