package org.sectorcrm.core.search;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * What search looks at, defined once so that every store indexes the same text: employers by legal
 * name, trade names and tags; contacts by name, title and e-mail; engagements by summary and the text
 * of the notes the reader may read; needs by description; solutions by name and funding streams; partnerships by
 * name; referrals by the requested service and the external reference (never the decline reason or the outcome,
 * which only the two partners of the referral discuss). Each type's descriptor
 * ({@link org.sectorcrm.core.type.AggregateType#searchableText}) points here.
 */
public final class SearchableText {
    private SearchableText() {
    }

    /** The non-null parts, one per line. */
    public static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    public static String of(BusinessNeed n) {
        return join(n.description());
    }

    public static String of(Solution s) {
        return join(s.name(), String.join("\n", s.fundingStreams()));
    }

    public static String of(SectorPartnership p) {
        return join(p.name());
    }

    public static String of(Referral r) {
        return join(r.requestedService(), r.externalReference());
    }

    public static String of(Employer e) {
        List<String> parts = new ArrayList<>();
        parts.add(e.legalName());
        parts.addAll(e.tradeNames());
        parts.addAll(e.tags());
        return String.join("\n", parts);
    }

    public static String of(Contact c) {
        List<String> parts = new ArrayList<>();
        if (c.firstName() != null) {
            parts.add(c.firstName());
        }
        parts.add(c.lastName());
        if (c.title() != null) {
            parts.add(c.title());
        }
        if (c.email() != null) {
            parts.add(c.email().value());
        }
        return String.join("\n", parts);
    }

    /** The summary: engagement metadata, readable by every partner. */
    public static String summaryOf(Engagement e) {
        return e.summary();
    }

    /** Summary plus the notes {@code reader} of {@code readerPartner} may read. */
    public static String readableBy(Engagement e, org.sectorcrm.core.search.Reader reader) {
        return readableBy(e, reader.user(), reader.partner());
    }

    /** Summary plus the notes {@code reader} of {@code readerPartner} may read (both null: only SHARED notes). */
    public static String readableBy(Engagement e, StaffUserId reader, PartnerId readerPartner) {
        StringBuilder sb = new StringBuilder(e.summary());
        for (Note n : e.notes()) {
            if (n.readableBy(reader, readerPartner)) {
                sb.append('\n').append(n.text());
            }
        }
        return sb.toString();
    }
}
