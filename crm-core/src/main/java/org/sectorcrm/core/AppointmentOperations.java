package org.sectorcrm.core;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Appointments: the organiser is the acting staff user's partner's staff; the employer, the organiser, the staff
 * attendees and any referral, engagement or partnership it is tied to must exist; the status moves only through
 * {@link #hold}, {@link #cancel} and {@link #noShow}, and only a scheduled appointment is {@linkplain #reschedule rescheduled}.
 */
public final class AppointmentOperations extends RecordOperations<AppointmentId, Appointment, AppointmentFilter, Appointment> {
    AppointmentOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.APPOINTMENT);
    }

    @Override
    Appointment prepare(Changes changes, Appointment a, Appointment stored) {
        FeedbackOperations.requireEmployer(changes, key(), a.employer());
        Check c = Check.of(key());
        if (stored == null) {
            c.that(a.organizerPartner().equals(actor.partner()), "organizerPartner",
                    "must be your own partner " + actor.partner() + ": staff schedule appointments for their own partner");
        } else {
            c.that(a.organizerPartner().equals(stored.organizerPartner()), "organizerPartner", "cannot change once scheduled");
        }
        var organizer = changes.tx.staffUsers().find(a.organizer());
        c.that(organizer.isPresent() && organizer.get().partner().equals(a.organizerPartner()), "organizer",
                "must be a staff user of the organising partner " + a.organizerPartner());
        for (var s : a.staff()) {
            c.that(changes.tx.staffUsers().find(s).isPresent(), "staff", "staff user " + s + " does not exist");
        }
        for (var contact : a.contacts()) {
            var found = changes.tx.contacts().find(contact);
            c.that(found.isPresent() && found.get().employer().equals(a.employer()), "contacts",
                    "contact " + contact + " is not a contact of employer " + a.employer());
        }
        if (a.referral() != null) {
            c.that(changes.tx.referrals().find(a.referral()).isPresent(), "referral", "referral " + a.referral() + " does not exist");
        }
        if (a.engagement() != null) {
            c.that(changes.tx.engagements().find(a.engagement()).isPresent(), "engagement", "engagement " + a.engagement() + " does not exist");
        }
        if (a.produced() != null) {
            c.that(changes.tx.engagements().find(a.produced()).isPresent(), "produced", "engagement " + a.produced() + " does not exist");
        }
        if (a.partnership() != null) {
            c.that(changes.tx.partnerships().find(a.partnership()).isPresent(), "partnership", "partnership " + a.partnership() + " does not exist");
        }
        c.throwIfInvalid();
        return a;
    }

    @Override
    Object statusOf(Appointment a) {
        return a.status();
    }

    /** The meeting took place; {@code produced} is the engagement recorded for it (may be null, and named later with {@link #recordEngagement}). */
    public Appointment hold(AppointmentId id, long expectedVersion, EngagementId produced) {
        return transition(id, expectedVersion, a -> a.hold(produced));
    }

    /** Names the engagement a held appointment produced. */
    public Appointment recordEngagement(AppointmentId id, long expectedVersion, EngagementId produced) {
        require(key(), "produced", produced);
        return transition(id, expectedVersion, a -> a.producing(produced));
    }

    public Appointment cancel(AppointmentId id, long expectedVersion, String reason) {
        return transition(id, expectedVersion, a -> a.cancel(reason));
    }

    public Appointment noShow(AppointmentId id, long expectedVersion) {
        return transition(id, expectedVersion, Appointment::noShow);
    }

    public Appointment reschedule(AppointmentId id, long expectedVersion, LocalDateTime start, LocalDateTime end, ZoneId zone) {
        return transition(id, expectedVersion, a -> a.reschedule(start, end, zone));
    }
}
