package org.sectorcrm.examples.web.referrals;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.message.ReadMarker;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The message thread on the referral page (tag {@code tags/messages.jte}) and the inbox's unread counts
 * ({@code tags/unread.jte}). Showing the page to one of the two partners' staff marks the thread read for that user,
 * after the page has picked out what was new to them; it moves only their read marker. The post form carries the CSRF
 * token like every form, and bodies are written escaped (jte) with line breaks kept by CSS.
 */
public final class MessageThreadPage {
    /** One message, in words. */
    public record Entry(String id, String at, String author, String partner, boolean mine, boolean unread, String body, String replyTo) {
    }

    /** The thread for the page: null on referrals the user's partner is not a side of (they see no messages). */
    public record Thread(String referral, List<Entry> entries, long unread, boolean canPost, String body, String error) {
    }

    /** One referral with messages the user has not read, for the inbox. */
    public record Unread(String href, String service, long count) {
    }

    /** Registered before {@code /referrals/{id}/{move}}, which would take "messages" for a move. */
    public List<WebRoute> routes() {
        return List.of(WebRoute.post("/referrals/{id}/messages", this::post));
    }

    void post(WebRequest r) {
        CrmSession s = r.crm();
        ReferralId id = ReferralId.of(r.path("id"));
        FormErrors errors = new FormErrors(Map.of("body", "Message", "replyTo", "Reply to"));
        String replyTo = r.form("replyTo");
        ReferralMessage m = errors.save(() -> s.messages().post(id, r.form("body"),
                replyTo == null || replyTo.isBlank() ? null : ReferralMessageId.of(replyTo)), v -> "body");
        if (m == null) {
            new ReferralPages().page(r, 400, s.referrals().get(id), errors, r.formValues(), null);
            return;
        }
        r.redirect("/referrals/" + id.asString() + "#messages", "Sent your message to the other partner.");
    }

    /** The thread of {@code x} as {@code r}'s user sees it (null when their partner is not a side), marking it read. */
    static Thread view(WebRequest r, Referral x, FormErrors errors, Map<String, String> values) {
        var me = r.actor();
        if (!x.fromPartner().equals(me.partner()) && !x.toPartner().equals(me.partner())) {
            return null;
        }
        var messages = r.crm().messages();
        List<ReferralMessage> thread = messages.thread(x.id());
        Optional<ReadMarker> marker = r.crm().readMarkers().find(org.sectorcrm.core.message.ReadMarkerId.of(x.id(), me.user()));
        List<Entry> entries = new ArrayList<>();
        long unread = 0;
        for (ReferralMessage m : thread) {
            boolean mine = m.author().equals(me.user());
            boolean isNew = !mine && marker.map(k -> !k.covers(m)).orElse(true);
            unread += isNew ? 1 : 0;
            StaffUser by = r.names().staff().get(m.author());
            entries.add(new Entry(m.id().asString(), m.sentAt().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' ') + " UTC",
                    r.names().staff(m.author()), by == null ? r.names().partner(m.authorPartner()) : r.names().partner(by.partner()), mine, isNew,
                    m.body(), m.replyTo() == null ? null : m.replyTo().asString()));
        }
        if (unread > 0) {
            messages.markRead(x.id(), "web");
        }
        return new Thread(x.id().asString(), entries, unread, r.canWrite(), values.get("body"), errors.of("body"));
    }

    /** The user's unread counts for the inbox, with each referral's requested service. */
    static List<Unread> unread(WebRequest r) {
        List<Unread> rows = new ArrayList<>();
        Map<ReferralId, Long> counts = new LinkedHashMap<>(r.crm().messages().unreadCounts());
        counts.forEach((id, n) -> r.crm().referrals().find(id)
                .ifPresent(x -> rows.add(new Unread("/referrals/" + id.asString() + "#messages", x.requestedService(), n))));
        return rows;
    }
}
