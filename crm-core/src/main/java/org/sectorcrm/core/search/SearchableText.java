package org.sectorcrm.core.search;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * What search looks at, defined once so that every store indexes the same text: employers by legal
 * name, trade names and tags; contacts by name, title and e-mail; engagements by summary and the text
 * of the notes the reader may read.
 */
public final class SearchableText {
    private SearchableText() {
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
