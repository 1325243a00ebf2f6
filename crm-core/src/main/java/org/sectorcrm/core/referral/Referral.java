package org.sectorcrm.core.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.internal.Transitions;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * A business-to-partner referral about an employer: one partner asks another to serve it. Declining
 * needs a documented reason (a must-have of the regional referral work group); a completed referral
 * carries its outcome. Job-seeker case management is out of scope: {@code externalReference} lets an
 * integrator link a case in its own system.
 *
 * <p>A referral may be about one individual {@code contact} of the employer; then {@code release} records the release
 * of information that contact signed (form, date, scope, expiry, withdrawal). When the deployment requires it (the
 * default), a referral naming a contact is only sent with a release valid that day.
 */
public record Referral(ReferralId id, Stamp stamp, PartnerId fromPartner, StaffUserId fromStaff, PartnerId toPartner,
        EmployerId employer, PartnershipId partnership, NeedId need, String requestedService, ReferralStatus status,
        LocalDate sentOn, LocalDate responseDue, String declineReason, List<FollowUp> followUps, String outcome,
        String externalReference, ContactId contact, Release release, Instant respondedAt, Instant completedAt) implements Aggregate<ReferralId> {
    public Referral {
        Check c = Check.of("referral").require("fromPartner", fromPartner).require("fromStaff", fromStaff).require("toPartner", toPartner)
                .require("employer", employer).text("requestedService", requestedService, Limits.NAME).require("status", status)
                .require("sentOn", sentOn).date("sentOn", sentOn).notBefore("responseDue", responseDue, "sentOn", sentOn)
                .optionalText("declineReason", declineReason, Limits.DESCRIPTION).optionalText("outcome", outcome, Limits.DESCRIPTION)
                .optionalText("externalReference", externalReference, Limits.CODE);
        c.that(fromPartner == null || !fromPartner.equals(toPartner), "toPartner", "must be another partner than the sender");
        if (status == ReferralStatus.DECLINED) {
            c.text("declineReason", declineReason, Limits.DESCRIPTION);
        } else {
            c.that(declineReason == null, "declineReason", "is only given when the referral is declined");
        }
        if (status == ReferralStatus.COMPLETED) {
            c.text("outcome", outcome, Limits.DESCRIPTION);
        }
        c.that(release == null || contact != null, "release", "is recorded for a referral about an individual contact: name the contact");
        // Moments of the lifecycle moves, set by crm-core from its clock: null on records stored before SPI 2 kept
        // them (the reports leave those out of the response times), never on a move that did not happen.
        c.that(respondedAt == null || status != ReferralStatus.SENT, "respondedAt", "is only given once the referral was accepted or declined");
        c.that(completedAt == null || status == ReferralStatus.COMPLETED, "completedAt", "is only given when the referral is completed");
        c.that(respondedAt == null || completedAt == null || !completedAt.isBefore(respondedAt), "completedAt", "must not be before respondedAt");
        followUps = c.list("followUps", followUps);
        c.throwIfInvalid();
    }

    public static Referral sent(PartnerId from, StaffUserId fromStaff, PartnerId to, EmployerId employer, String requestedService,
            LocalDate sentOn, LocalDate responseDue) {
        return new Referral(null, null, from, fromStaff, to, employer, null, null, requestedService, ReferralStatus.SENT,
                sentOn, responseDue, null, List.of(), null, null, null, null, null, null);
    }

    public Referral accept() {
        return moveTo(ReferralStatus.ACCEPTED, null, outcome);
    }

    public Referral start() {
        return moveTo(ReferralStatus.IN_PROGRESS, null, outcome);
    }

    public Referral complete(String outcome) {
        return moveTo(ReferralStatus.COMPLETED, null, outcome);
    }

    /** Declines with the documented reason the work group requires; a blank reason is refused. */
    public Referral decline(String reason) {
        if (reason == null || reason.isBlank()) {
            throw org.sectorcrm.core.ValidationException.of("referral", "declineReason", "is required to decline a referral");
        }
        return moveTo(ReferralStatus.DECLINED, reason, outcome);
    }

    public Referral cancel() {
        return moveTo(ReferralStatus.CANCELLED, null, outcome);
    }

    public Referral withFollowUp(FollowUp followUp) {
        List<FollowUp> log = new ArrayList<>(followUps);
        log.add(followUp);
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, log, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    /** Still waiting for the receiving partner's answer after the response due date. */
    public boolean isOverdue(LocalDate today) {
        return status == ReferralStatus.SENT && responseDue != null && today.isAfter(responseDue);
    }

    private Referral moveTo(ReferralStatus to, String reason, String outcome) {
        Transitions.require("referral", "status", status, to, status.next());
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, to,
                sentOn, responseDue, reason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    public Referral withId(ReferralId id) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    public Referral withStamp(Stamp stamp) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    public Referral withPartnership(PartnershipId partnership) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    public Referral withNeed(NeedId need) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    public Referral withExternalReference(String externalReference) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    /** The same referral about one individual contact of the employer, with the release of information they gave (may be null). */
    public Referral aboutContact(ContactId contact, Release release) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }

    /** Whether the contact's details may go to the receiving partner on {@code day}: no contact named, or a valid release. */
    public boolean mayShareContactOn(LocalDate day) {
        return contact == null || release != null && release.isValidOn(day);
    }

    /**
     * The moments of the lifecycle moves ({@code respondedAt}: accepted or declined; {@code completedAt}: completed).
     * crm-core sets them from its clock on each move and keeps them on updates; a caller does not.
     *
     * @since 2
     */
    public Referral withMoments(Instant respondedAt, Instant completedAt) {
        return new Referral(id, stamp, fromPartner, fromStaff, toPartner, employer, partnership, need, requestedService, status,
                sentOn, responseDue, declineReason, followUps, outcome, externalReference, contact, release, respondedAt, completedAt);
    }
}
