package org.sectorcrm.core.appointment;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.internal.Transitions;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * A meeting with an employer that partners schedule (the referral work group's "ability to schedule appointments"),
 * optionally tied to a referral, an engagement or a sector partnership. The organiser is a staff user of
 * {@code organizerPartner}; attendees are the employer's contacts and staff users of any partner.
 *
 * <p>Start and end are wall-clock times in {@code zone}: a 10:00 meeting in Chicago stays at 10:00 local time when
 * daylight-saving rules change, as calendar programs keep it. A place, a video link, or both. Once HELD, it
 * may name the engagement it {@code produced}.
 */
public record Appointment(AppointmentId id, Stamp stamp, EmployerId employer, ReferralId referral, EngagementId engagement,
        PartnershipId partnership, PartnerId organizerPartner, StaffUserId organizer, String title, LocalDateTime start,
        LocalDateTime end, ZoneId zone, String location, String videoLink, Set<ContactId> contacts, Set<StaffUserId> staff,
        AppointmentStatus status, String cancelReason, EngagementId produced) implements Aggregate<AppointmentId> {
    public Appointment {
        Check c = Check.of("appointment").require("employer", employer).require("organizerPartner", organizerPartner)
                .require("organizer", organizer).text("title", title, Limits.NAME).require("start", start).require("end", end)
                .date("start", start == null ? null : start.toLocalDate()).date("end", end == null ? null : end.toLocalDate())
                .require("zone", zone).optionalText("location", location, Limits.NAME).optionalText("videoLink", videoLink, Limits.NAME)
                .require("status", status).optionalText("cancelReason", cancelReason, Limits.DESCRIPTION);
        if (start != null && end != null) {
            c.that(end.isAfter(start), "end", "must be after start (" + start + ") but was " + end);
        }
        if (videoLink != null) {
            c.that(Check.isWebLink(videoLink), "videoLink", "must be an http or https URL but was '" + videoLink + "'");
        }
        c.that(produced == null || status == AppointmentStatus.HELD, "produced", "names an engagement only once the appointment is HELD");
        c.that(cancelReason == null || status == AppointmentStatus.CANCELLED, "cancelReason", "is only given when the appointment is cancelled");
        contacts = c.idSet("contacts", contacts);
        staff = c.idSet("staff", staff);
        c.throwIfInvalid();
    }

    /** A new SCHEDULED appointment. */
    public static Appointment scheduled(EmployerId employer, PartnerId organizerPartner, StaffUserId organizer, String title,
            LocalDateTime start, LocalDateTime end, ZoneId zone) {
        return new Appointment(null, null, employer, null, null, null, organizerPartner, organizer, title, start, end, zone, null, null,
                Set.of(), Set.of(), AppointmentStatus.SCHEDULED, null, null);
    }

    /** When it starts, on the time line. */
    public Instant startsAt() {
        return start.atZone(zone).toInstant();
    }

    /** When it ends, on the time line. */
    public Instant endsAt() {
        return end.atZone(zone).toInstant();
    }

    /** The meeting took place; {@code produced} is the engagement recorded for it, or null when none is recorded yet. */
    public Appointment hold(EngagementId produced) {
        return moveTo(AppointmentStatus.HELD, null, produced);
    }

    /** Names the engagement a held appointment produced. */
    public Appointment producing(EngagementId engagement) {
        if (status != AppointmentStatus.HELD) {
            throw org.sectorcrm.core.ValidationException.of("appointment", "produced", "names an engagement only once the appointment is HELD");
        }
        return new Appointment(id, stamp, employer, referral, this.engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, engagement);
    }

    public Appointment cancel(String reason) {
        return moveTo(AppointmentStatus.CANCELLED, reason == null || reason.isBlank() ? null : reason, null);
    }

    public Appointment noShow() {
        return moveTo(AppointmentStatus.NO_SHOW, null, null);
    }

    /** Moves a scheduled appointment to another time. */
    public Appointment reschedule(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        if (status != AppointmentStatus.SCHEDULED) {
            throw org.sectorcrm.core.ValidationException.of("appointment", "start", "only a SCHEDULED appointment is rescheduled, not a " + status + " one");
        }
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }

    private Appointment moveTo(AppointmentStatus to, String reason, EngagementId produced) {
        Transitions.require("appointment", "status", status, to, status.next());
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, to, reason, produced);
    }

    @Override
    public Appointment withId(AppointmentId id) {
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }

    @Override
    public Appointment withStamp(Stamp stamp) {
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }

    /** The same appointment tied to a referral, an engagement and a partnership (each may be null). */
    public Appointment about(ReferralId referral, EngagementId engagement, PartnershipId partnership) {
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }

    /** The same appointment at a place and/or behind a video link. */
    public Appointment at(String location, String videoLink) {
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }

    /** The same appointment with these attendees. */
    public Appointment attendedBy(Set<ContactId> contacts, Set<StaffUserId> staff) {
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }

    /** The same appointment with another title. */
    public Appointment titled(String title) {
        return new Appointment(id, stamp, employer, referral, engagement, partnership, organizerPartner, organizer, title, start, end, zone,
                location, videoLink, contacts, staff, status, cancelReason, produced);
    }
}
