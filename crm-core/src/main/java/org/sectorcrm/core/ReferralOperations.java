package org.sectorcrm.core;

import java.time.LocalDate;
import java.util.UUID;

import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.referral.FollowUp;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * Referrals between partners. Staff send referrals from their own partner; the receiving partner's staff
 * accept, start, complete or decline them (declining needs a reason); the sending partner's staff cancel them.
 */
public final class ReferralOperations extends RecordOperations<ReferralId, Referral, ReferralFilter, Referral> {
    ReferralOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.REFERRAL);
    }

    @Override
    Object statusOf(Referral r) {
        return r.status();
    }

    @Override
    Referral prepare(Changes changes, Referral r, Referral stored) {
        if (stored == null && !r.fromPartner().equals(actor.partner())) {
            throw new AccessDeniedException(actor.name() + " sends referrals from their own partner " + actor.partner() + ", not from " + r.fromPartner());
        }
        // A referral starts SENT: only the receiver accepts, starts or completes it, so a sender cannot record an answer
        // the other partner never gave (status changes by update are refused already).
        if (stored == null && r.status() != ReferralStatus.SENT) {
            throw ValidationException.of(key(), "status", "a new referral is SENT; the receiving partner moves it on (accept, start, complete)");
        }
        var sender = changes.tx.staffUsers().find(r.fromStaff());
        if (sender.isEmpty() || !sender.get().partner().equals(r.fromPartner())) {
            throw ValidationException.of(key(), "fromStaff", "must be a staff user of the sending partner " + r.fromPartner());
        }
        if (stored != null) {
            requireParty(stored);
            if (!stored.fromPartner().equals(r.fromPartner()) || !stored.toPartner().equals(r.toPartner())) {
                throw ValidationException.of(key(), "toPartner", "the partners of a referral do not change; cancel it and send a new one");
            }
            // The moments of the moves are crm-core's record of when they happened (the response-time report): an update keeps them.
            r = r.withMoments(stored.respondedAt(), stored.completedAt());
        }
        FeedbackOperations.requireEmployer(changes, key(), r.employer());
        if (changes.tx.partners().find(r.toPartner()).isEmpty()) {
            throw ValidationException.of(key(), "toPartner", "partner " + r.toPartner() + " does not exist");
        }
        if (r.need() != null && changes.tx.needs().find(r.need()).isEmpty()) {
            throw ValidationException.of(key(), "need", "need " + r.need() + " does not exist");
        }
        if (r.contact() != null) {
            var contact = changes.tx.contacts().find(r.contact());
            if (contact.isEmpty() || !contact.get().employer().equals(r.employer())) {
                throw ValidationException.of(key(), "contact", "contact " + r.contact() + " is not a contact of employer " + r.employer());
            }
            LocalDate today = LocalDate.ofInstant(changes.now, crm.clock().getZone());
            boolean newlyShared = stored == null || !r.contact().equals(stored.contact());
            if (crm.releaseRequired() && newlyShared && !r.mayShareContactOn(today)) {
                throw ValidationException.of(key(), "release", "a referral about contact " + r.contact() + " shares their details with partner "
                        + r.toPartner() + ": record the release of information they signed (form, obtainedOn, scope), valid today " + today
                        + " (not expired, not withdrawn), or leave the contact out");
            }
        }
        if (stored != null && stored.release() != null && stored.release().withdrawnOn() != null
                && (r.release() == null || r.release().withdrawnOn() == null)) {
            throw ValidationException.of(key(), "release", "a withdrawn release stays withdrawn; record a new one only with a new signed form");
        }
        return r;
    }

    /** Only the sending partner deletes a referral (usually it should be cancelled instead, which keeps the record). */
    @Override
    void checkDelete(Changes changes, Referral stored) {
        if (!stored.fromPartner().equals(actor.partner())) {
            throw new AccessDeniedException("only the sending partner's staff may delete referral " + stored.id());
        }
        // The thread belongs to both partners: one side deleting the referral must not destroy what the other wrote.
        long messages = changes.tx.store(AggregateTypes.REFERRAL_MESSAGE).count(org.sectorcrm.core.message.ReferralMessageFilter.thread(stored.id()));
        if (messages > 0) {
            throw new ConflictException(key(), stored.id(), stored.version(), "referral " + stored.id() + " has " + messages + " message(s) on its thread; cancel it instead, which keeps the thread");
        }
    }

    public Referral accept(ReferralId id, long expectedVersion) {
        return asReceiver(id, expectedVersion, r -> r.accept().withMoments(crm.clock().instant(), null));
    }

    public Referral start(ReferralId id, long expectedVersion) {
        return asReceiver(id, expectedVersion, Referral::start);
    }

    public Referral complete(ReferralId id, long expectedVersion, String outcome) {
        return asReceiver(id, expectedVersion, r -> r.complete(outcome).withMoments(r.respondedAt(), crm.clock().instant()));
    }

    /** Declines with the reason the regional referral work group requires. */
    public Referral decline(ReferralId id, long expectedVersion, String reason) {
        return asReceiver(id, expectedVersion, r -> r.decline(reason).withMoments(crm.clock().instant(), null));
    }

    public Referral cancel(ReferralId id, long expectedVersion) {
        return transition(id, expectedVersion, r -> {
            if (!r.fromPartner().equals(actor.partner())) {
                throw new AccessDeniedException("only the sending partner's staff may cancel referral " + id);
            }
            return r.cancel();
        });
    }

    /** Adds an entry to the follow-up log (either partner's staff). */
    public Referral followUp(ReferralId id, long expectedVersion, String text) {
        return transition(id, expectedVersion, r -> {
            requireParty(r);
            return r.withFollowUp(new FollowUp(crm.clock().instant(), actor.user(), text));
        });
    }

    /**
     * Records that the referral's contact withdrew their release of information on {@code on} (either partner's staff):
     * from then on it is not valid, and nothing more about them is shared or e-mailed to them on its strength.
     *
     * @since 2
     */
    public Referral withdrawRelease(ReferralId id, long expectedVersion, LocalDate on) {
        require(key(), "on", on);
        return transition(id, expectedVersion, r -> {
            requireParty(r);
            if (r.release() == null) {
                throw ValidationException.of(key(), "release", "referral " + id + " records no release of information to withdraw");
            }
            return r.aboutContact(r.contact(), r.release().withdrawn(on));
        });
    }

    /** Referrals sent but not answered after their response due date, as of {@code today}. */
    public Page<Referral> overdue(LocalDate today, PageRequest page) {
        require(key(), "today", today);
        return list(new ReferralFilter(null, null, null, null, today), page);
    }

    private Referral asReceiver(ReferralId id, long expectedVersion, java.util.function.UnaryOperator<Referral> move) {
        return transition(id, expectedVersion, r -> {
            if (!r.toPartner().equals(actor.partner())) {
                throw new AccessDeniedException("only the receiving partner's staff may answer referral " + id);
            }
            return move.apply(r);
        });
    }

    private void requireParty(Referral r) {
        if (!r.toPartner().equals(actor.partner()) && !r.fromPartner().equals(actor.partner())) {
            throw new AccessDeniedException("only the staff of the two partners of referral " + r.id() + " may change it");
        }
    }
}
