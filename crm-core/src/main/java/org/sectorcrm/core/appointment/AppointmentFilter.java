package org.sectorcrm.core.appointment;

import java.time.Instant;

import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;

/**
 * Which appointments a query returns; null fields do not filter. {@code attendee}: appointments this staff user
 * organises or attends (a staff member's calendar). {@code from}/{@code to}: appointments that end after
 * {@code from} and start before {@code to} (overlapping that window). {@link #matches} is the definition every
 * store implements.
 */
public record AppointmentFilter(EmployerId employer, ReferralId referral, PartnerId organizerPartner, StaffUserId attendee,
        AppointmentStatus status, Instant from, Instant to) {
    public static final AppointmentFilter ALL = new AppointmentFilter(null, null, null, null, null, null, null);

    public static AppointmentFilter calendarOf(StaffUserId staff) {
        return new AppointmentFilter(null, null, null, staff, null, null, null);
    }

    public boolean matches(Appointment a) {
        return (employer == null || employer.equals(a.employer()))
                && (referral == null || referral.equals(a.referral()))
                && (organizerPartner == null || organizerPartner.equals(a.organizerPartner()))
                && (attendee == null || attendee.equals(a.organizer()) || a.staff().contains(attendee))
                && (status == null || status == a.status())
                && (from == null || a.endsAt().isAfter(from))
                && (to == null || a.startsAt().isBefore(to));
    }
}
