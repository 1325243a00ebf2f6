package org.sectorcrm.examples.mail;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.DoNotContact;

/**
 * How the e-mails honour a do-not-contact flag. SectorCRM e-mails staff only, never contacts or employers, so a flag
 * cannot stop an e-mail to the flagged party; what it changes is what staff are prompted to do: a mail about a flagged
 * employer, or about a referral or appointment involving a flagged contact, says so in a line of its own (naming the
 * contact no more than before: "the person this referral is about"), and a follow-up reminder to reach a flagged employer
 * is not sent at all. A withdrawn release of information is said the same way.
 */
final class DoNotContactNotes {
    private DoNotContactNotes() {
    }

    /** The flag of the employer as the recipient reads it, if any. */
    static Optional<DoNotContact> employer(CrmSession s, EmployerId id) {
        return s.employers().find(id).map(Employer::doNotContact);
    }

    /** The line a mail about the employer carries: empty when the employer is not flagged. */
    static String employerLine(CrmSession s, EmployerId id) {
        return employer(s, id).map(f -> "DO NOT CONTACT the employer: flagged " + f.describe() + "\n").orElse("");
    }

    /** The line for contacts the mail is about without naming them: empty when none of them is flagged. */
    static String contactsLine(CrmSession s, Collection<ContactId> contacts, String who) {
        Optional<DoNotContact> flag = contacts.stream().filter(Objects::nonNull).map(id -> s.contacts().find(id))
                .flatMap(Optional::stream).map(ContactView::contact).map(c -> c.doNotContact()).filter(Objects::nonNull).findFirst();
        return flag.map(f -> "DO NOT CONTACT " + who + ": flagged " + f.describe() + "\n").orElse("");
    }

    /**
     * The line for a referral whose contact withdrew their release of information: from then on their details are not
     * to be shared or used on its strength (the mail still names nobody). Empty otherwise.
     */
    static String releaseLine(org.sectorcrm.core.referral.Referral r) {
        if (r.release() == null || r.release().withdrawnOn() == null) {
            return "";
        }
        return "RELEASE WITHDRAWN on " + r.release().withdrawnOn() + ": the person this referral is about no longer agrees to share their details;"
                + " do not contact them or pass their details on.\n";
    }
}
