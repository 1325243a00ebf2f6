package org.sectorcrm.examples.mail;

import java.util.Optional;
import java.util.function.Function;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.Referral;

/**
 * The e-mails about a new message on a referral and a follow-up coming due, each composed as its recipient reads the
 * records (through their own session): a message's body only reaches someone who may read the message (the staff of the
 * referral's two partners, which every recipient is), a follow-up mail names the engagement's date, summary and due date
 * but never its notes, and neither names a contact.
 */
final class ThreadMail {
    private ThreadMail() {
    }

    static Optional<Notifications.Mail> message(CrmSession s, ReferralMessageId id, String publicUrl, Function<PartnerId, String> partnerName) {
        Optional<ReferralMessage> seen = s.messages().find(id);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        ReferralMessage m = seen.get();
        Optional<Referral> referral = s.referrals().find(m.referral());
        if (referral.isEmpty()) {
            return Optional.empty();
        }
        String employer = s.employers().find(m.employer()).map(Employer::legalName).orElse("an employer");
        String from = partnerName.apply(m.authorPartner());
        StringBuilder text = new StringBuilder();
        text.append(from).append(" wrote on the referral of ").append(employer).append(" (").append(referral.get().requestedService()).append("):\n\n");
        text.append(m.body().strip().indent(2)).append('\n');
        text.append(DoNotContactNotes.employerLine(s, m.employer()));
        text.append(DoNotContactNotes.contactsLine(s, java.util.Collections.singleton(referral.get().contact()), "the person this referral is about"));
        text.append(DoNotContactNotes.releaseLine(referral.get()));
        text.append("Only the staff of the referral's two partners read this thread.\n");
        text.append("Answer on the referral page: ").append(publicUrl).append("/referrals/").append(m.referral().asString()).append("#messages\n");
        return Optional.of(new Notifications.Mail("[SectorCRM] New message from " + from + ": " + employer, text.toString()));
    }

    static Optional<Notifications.Mail> followUp(CrmSession s, EngagementId id, String publicUrl) {
        Optional<Engagement> seen = s.engagements().find(id);
        if (seen.isEmpty() || seen.get().followUpDue() == null) {
            return Optional.empty();
        }
        Engagement e = seen.get();
        if (DoNotContactNotes.employer(s, e.employer()).isPresent()) {
            return Optional.empty(); // a reminder to reach an employer that asked not to be reached: none is sent
        }
        String employer = s.employers().find(e.employer()).map(Employer::legalName).orElse("an employer");
        StringBuilder text = new StringBuilder();
        text.append("A follow-up you planned with ").append(employer).append(" is due on ").append(e.followUpDue()).append(".\n\n");
        text.append("Engagement of ").append(e.date()).append(" (").append(e.channel()).append("): ").append(e.summary()).append('\n');
        text.append("\nOpen the employer: ").append(publicUrl).append("/employers/").append(e.employer().asString()).append('\n');
        return Optional.of(new Notifications.Mail("[SectorCRM] Follow-up due " + e.followUpDue() + ": " + employer, text.toString()));
    }
}
