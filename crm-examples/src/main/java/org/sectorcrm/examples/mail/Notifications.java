package org.sectorcrm.examples.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.integrations.ServerTables;
import org.sectorcrm.jdbc.outbox.OutboxDispatcher;

/**
 * E-mail notifications, an outbox consumer ({@value #CONSUMER}) of the {@link OutboxDispatcher}: each event reaches
 * the staff it concerns at least once, in commit order, retried with the dispatcher's back-off while the SMTP server
 * refuses, and never twice to one person, because each (event, recipient) is claimed in {@code mail_log} before it
 * is sent and released again only when sending failed.
 *
 * <ul>
 *   <li>a referral sent, or cancelled: the receiving partner's active staff (not VIEWERs);</li>
 *   <li>a referral accepted, started, declined (with the reason) or completed (with the outcome): the staff user who
 *       sent it;</li>
 *   <li>a referral overdue (no answer by its response date): the receiving partner's staff and the sender, once per
 *       response date;</li>
 *   <li>an appointment scheduled, changed, rescheduled or cancelled: its organiser and staff attendees;</li>
 *   <li>a new message on a referral: the other partner's active staff (not VIEWERs), with the body ({@link ThreadMail});</li>
 *   <li>an engagement's follow-up coming due: the staff user who logged it, once per due date, on that day (or within
 *       {@link #FOLLOW_UP_CATCH_UP} days after it, if the server was down).</li>
 * </ul>
 *
 * <p>Nobody is told of their own action. Each message is composed from what its recipient may read, read as the
 * recipient through {@link Crm#as}: no note text and no contact's details are ever in an e-mail, only the employer's
 * name, the referral's service and dates, and a link. Each user chooses {@link Preference#EACH} (the default),
 * {@link Preference#DIGEST} (one e-mail a day, at {@link #digestAt}, listing what happened since the last one) or
 * {@link Preference#NONE}.
 */
public final class Notifications {
    public static final String CONSUMER = "mail:notifications";
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());
    /** How often the overdue referrals are looked for (each is announced once per response date in any case). */
    private static final Duration OVERDUE_SCAN = Duration.ofMinutes(10);
    /** How many days after a follow-up's due date its mail is still sent (a server down on the day catches up). */
    static final int FOLLOW_UP_CATCH_UP = 6;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm");

    /** What a staff user wants to get. */
    public enum Preference {
        /** an e-mail for each event that concerns them */
        EACH,
        /** one e-mail a day with every event that concerned them since the last */
        DIGEST,
        /** none */
        NONE
    }

    private final Crm crm;
    private final ServerTables tables;
    private final OutboxDispatcher outbox;
    private final Mailer mailer;
    private final Clock clock;
    private Instant lastOverdueScan = Instant.EPOCH;
    private java.time.LocalTime digestAt = java.time.LocalTime.of(7, 0);
    private ZoneId zone = ZoneId.systemDefault();

    public Notifications(Crm crm, ServerTables tables, OutboxDispatcher outbox, Mailer mailer, Clock clock) {
        this.crm = crm;
        this.tables = tables;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
        tables.ddl(List.of(
                "CREATE TABLE IF NOT EXISTS mail_preferences (user_id " + tables.key(36) + " PRIMARY KEY, mode " + tables.key(16) + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS mail_log (event_key " + tables.key(120) + " NOT NULL, recipient " + tables.key(36) + " NOT NULL,"
                        + " sent_at BIGINT NOT NULL, PRIMARY KEY (event_key, recipient))",
                "CREATE TABLE IF NOT EXISTS mail_digest (recipient " + tables.key(36) + " NOT NULL, event_key " + tables.key(120) + " NOT NULL,"
                        + " at BIGINT NOT NULL, subject " + tables.text() + " NOT NULL, body " + tables.text() + " NOT NULL, PRIMARY KEY (recipient, event_key))"));
        outbox.registerFromNow(CONSUMER); // a no-op when the cursor exists: a restart goes on where it stood
    }

    /** When the daily digests go out, in {@code zone} (default 07:00 in the server's time zone). */
    public Notifications digestAt(java.time.LocalTime time, ZoneId zone) {
        this.digestAt = time;
        this.zone = zone;
        return this;
    }

    public Preference preference(StaffUserId user) {
        return tables.query("SELECT mode FROM mail_preferences WHERE user_id = ?", rs -> Preference.valueOf(rs.getString(1)), user.asString()).stream()
                .findFirst().orElse(Preference.EACH);
    }

    public void setPreference(StaffUserId user, Preference preference) {
        if (tables.update("UPDATE mail_preferences SET mode = ? WHERE user_id = ?", preference.name(), user.asString()) == 0) {
            tables.update("INSERT INTO mail_preferences (user_id, mode) VALUES (?, ?)", user.asString(), preference.name());
        }
    }

    /** One round: the new events, then (every ten minutes) the referrals that became overdue. */
    public void poll() {
        outbox.drain(CONSUMER, this::handle);
        Instant now = clock.instant();
        if (Duration.between(lastOverdueScan, now).compareTo(OVERDUE_SCAN) >= 0) {
            lastOverdueScan = now;
            overdue(LocalDate.ofInstant(now, zone));
            followUpsDue(LocalDate.ofInstant(now, zone));
        }
        digests(now);
    }

    /**
     * Once the day's digest time has passed: one e-mail per user with digest entries waiting. The day's digest of a
     * user is claimed in {@code mail_log} like any message, so two nodes never both send it; entries are removed only
     * after the message went out, so a failed send leaves them for the next round.
     */
    private void digests(Instant now) {
        java.time.ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(digestAt)) {
            return;
        }
        LocalDate day = local.toLocalDate();
        List<String> waiting = tables.query("SELECT DISTINCT recipient FROM mail_digest WHERE at <= ?", rs -> rs.getString(1), now.toEpochMilli());
        for (String recipient : waiting) {
            StaffUserId id = StaffUserId.of(recipient);
            String key = "digest:" + day;
            Optional<StaffUser> user = crm.storage().read(tx -> tx.staffUsers().find(id));
            if (user.isEmpty() || !user.get().active()) {
                tables.update("DELETE FROM mail_digest WHERE recipient = ?", recipient);
                continue;
            }
            if (!claim(key, id)) {
                continue; // today's went out already; these wait for tomorrow's
            }
            record Entry(String key, String subject, String body) {
            }
            List<Entry> entries = tables.query("SELECT event_key, subject, body FROM mail_digest WHERE recipient = ? AND at <= ? ORDER BY at, event_key",
                    rs -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)), recipient, now.toEpochMilli());
            StringBuilder text = new StringBuilder("What happened in SectorCRM that concerns you (" + entries.size() + "):\n");
            for (Entry e : entries) {
                text.append("\n* ").append(e.subject()).append("\n\n").append(e.body().strip().indent(2));
            }
            try {
                mailer.send(user.get().email().value(), "[SectorCRM] Your daily digest: " + entries.size() + (entries.size() == 1 ? " update" : " updates"),
                        text + footer());
            } catch (MessagingException | RuntimeException e) {
                tables.update("DELETE FROM mail_log WHERE event_key = ? AND recipient = ?", key, recipient);
                LOG.log(System.Logger.Level.WARNING, "the digest of " + user.get().email() + " was not sent; it is tried again", e);
                return;
            }
            for (Entry e : entries) {
                tables.update("DELETE FROM mail_digest WHERE recipient = ? AND event_key = ?", recipient, e.key());
            }
        }
    }

    private void handle(StoredEvent stored) throws MessagingException {
        DomainEvent event = stored.event();
        String key = event.eventId().toString();
        if (event.recordType() == AggregateTypes.REFERRAL && !(event instanceof DomainEvent.Deleted)) {
            Optional<Referral> found = crm.storage().read(tx -> tx.referrals().find(AggregateTypes.REFERRAL.parseId(event.recordId())));
            if (found.isEmpty()) {
                return; // deleted since: nothing left to tell
            }
            Referral r = found.get();
            if (event instanceof DomainEvent.Created) {
                send(key, staffOf(r.toPartner()), event.actor(), as -> referralMail(as, r.id(), "sent"));
            } else if (event instanceof DomainEvent.StatusChanged moved) {
                ReferralStatus to = ReferralStatus.valueOf(moved.to());
                Set<StaffUserId> who = to == ReferralStatus.CANCELLED ? staffOf(r.toPartner()) : Set.of(r.fromStaff());
                send(key, who, event.actor(), as -> referralMail(as, r.id(), to.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
            }
        } else if (event.recordType() == AggregateTypes.REFERRAL_MESSAGE && event instanceof DomainEvent.Created) {
            var id = AggregateTypes.REFERRAL_MESSAGE.parseId(event.recordId());
            var found = crm.storage().read(tx -> tx.store(AggregateTypes.REFERRAL_MESSAGE).find(id));
            if (found.isPresent()) {
                send(key, staffOf(found.get().otherPartner()), event.actor(), as -> ThreadMail.message(as, id, mailer.settings().publicUrl(), this::partnerName));
            }
        } else if (event.recordType() == AggregateTypes.APPOINTMENT && !(event instanceof DomainEvent.Deleted)) {
            Optional<Appointment> found = crm.storage().read(tx -> tx.store(AggregateTypes.APPOINTMENT).find(AggregateTypes.APPOINTMENT.parseId(event.recordId())));
            if (found.isPresent()) {
                Appointment a = found.get();
                Set<StaffUserId> who = new LinkedHashSet<>();
                who.add(a.organizer());
                who.addAll(a.staff());
                String what = event instanceof DomainEvent.Created ? "scheduled" : event instanceof DomainEvent.StatusChanged m
                        ? m.to().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : "changed";
                send(key, who, event.actor(), as -> appointmentMail(as, a.id(), what));
            }
        }
    }

    private void overdue(LocalDate today) {
        List<Referral> late = crm.storage().read(tx -> tx.referrals().query(new ReferralFilter(null, null, null, null, today), PageRequest.first(1000)))
                .items();
        for (Referral r : late) {
            Set<StaffUserId> who = new LinkedHashSet<>(staffOf(r.toPartner()));
            who.add(r.fromStaff());
            try {
                send("overdue:" + r.id().asString() + ":" + r.responseDue(), who, null, as -> referralMail(as, r.id(), "overdue"));
            } catch (MessagingException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the overdue notice of referral " + r.id().asString() + " was not sent; it is tried again", e);
            }
        }
    }

    /** Follow-ups due today (or missed on the last {@link #FOLLOW_UP_CATCH_UP} days): to the staff user who logged each, once per due date. */
    private void followUpsDue(LocalDate today) {
        var filter = new org.sectorcrm.core.engagement.EngagementFilter(null, null, null, null, null, null, null, null, null, today);
        var page = crm.storage().read(tx -> tx.engagements().query(filter, PageRequest.first(PageRequest.MAX_LIMIT)));
        while (true) {
            for (var e : page.items()) {
                if (e.followUpDue().isBefore(today.minusDays(FOLLOW_UP_CATCH_UP))) {
                    continue; // long past: announced then, or before mail was configured
                }
                try {
                    send("followup:" + e.id().asString() + ":" + e.followUpDue(), Set.of(e.staff()), null,
                            as -> ThreadMail.followUp(as, e.id(), mailer.settings().publicUrl()));
                } catch (MessagingException | RuntimeException x) {
                    LOG.log(System.Logger.Level.WARNING, "the follow-up notice of engagement " + e.id().asString() + " was not sent; it is tried again", x);
                }
            }
            if (!page.hasNext()) {
                return;
            }
            String cursor = page.nextCursor();
            page = crm.storage().read(tx -> tx.engagements().query(filter, PageRequest.after(cursor, PageRequest.MAX_LIMIT)));
        }
    }

    /** A message as its recipient may read it, or empty when they may not read the record. */
    @FunctionalInterface
    private interface Compose {
        Optional<Mail> as(CrmSession recipient);
    }

    record Mail(String subject, String text) {
    }

    private void send(String key, Set<StaffUserId> recipients, StaffUserId actor, Compose compose) throws MessagingException {
        for (StaffUserId id : recipients) {
            if (id.equals(actor)) {
                continue;
            }
            Optional<StaffUser> user = crm.storage().read(tx -> tx.staffUsers().find(id));
            Preference preference = user.isEmpty() ? Preference.NONE : preference(id);
            if (user.isEmpty() || !user.get().active() || preference == Preference.NONE || !claim(key, id)) {
                continue;
            }
            Optional<Mail> mail;
            try {
                mail = compose.as(crm.as(user.get()));
            } catch (AccessDeniedException e) {
                mail = Optional.empty();
            }
            if (mail.isEmpty()) {
                continue; // claimed and kept: they may not read it, now or on a retry
            }
            if (preference == Preference.DIGEST) {
                tables.update("INSERT INTO mail_digest (recipient, event_key, at, subject, body) VALUES (?, ?, ?, ?, ?)", id.asString(), key,
                        clock.millis(), mail.get().subject().replaceFirst("^\\[SectorCRM] ", ""), mail.get().text());
                continue;
            }
            try {
                mailer.send(user.get().email().value(), mail.get().subject(), mail.get().text() + footer());
            } catch (MessagingException | RuntimeException e) {
                tables.update("DELETE FROM mail_log WHERE event_key = ? AND recipient = ?", key, id.asString()); // to be sent on the retry
                throw e;
            }
        }
    }

    /** Takes (key, recipient) for this node; false when it was sent (or is being sent) already. */
    private boolean claim(String key, StaffUserId recipient) {
        if (!tables.query("SELECT 1 FROM mail_log WHERE event_key = ? AND recipient = ?", rs -> 1, key, recipient.asString()).isEmpty()) {
            return false;
        }
        try {
            tables.update("INSERT INTO mail_log (event_key, recipient, sent_at) VALUES (?, ?, ?)", key, recipient.asString(), clock.millis());
            return true;
        } catch (org.sectorcrm.core.StorageException e) {
            return false; // another node claimed it in between (the primary key)
        }
    }

    private Set<StaffUserId> staffOf(PartnerId partner) {
        Set<StaffUserId> out = new LinkedHashSet<>();
        crm.storage().read(tx -> tx.staffUsers().query(new StaffUserFilter(partner, null, true), PageRequest.first(1000))).items().stream()
                .filter(u -> u.role() != Role.VIEWER).forEach(u -> out.add(u.id()));
        return out;
    }

    private Optional<Mail> referralMail(CrmSession s, org.sectorcrm.core.referral.ReferralId id, String what) {
        Optional<Referral> seen = s.referrals().find(id);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Referral r = seen.get();
        String employer = employerName(s, r.employer());
        String from = partnerName(r.fromPartner());
        String to = partnerName(r.toPartner());
        StringBuilder text = new StringBuilder();
        text.append("The referral of ").append(employer).append(" from ").append(from).append(" to ").append(to).append(" is ").append(what).append(".\n\n");
        text.append("Service requested: ").append(r.requestedService()).append('\n');
        text.append("Sent on: ").append(r.sentOn()).append('\n');
        if (r.responseDue() != null) {
            text.append("Response due: ").append(r.responseDue()).append('\n');
        }
        text.append("Status: ").append(r.status()).append('\n');
        text.append(DoNotContactNotes.employerLine(s, r.employer()));
        text.append(DoNotContactNotes.contactsLine(s, java.util.Collections.singleton(r.contact()), "the person this referral is about"));
        text.append(DoNotContactNotes.releaseLine(r));
        if (r.status() == ReferralStatus.DECLINED && r.declineReason() != null) {
            text.append("Reason given: ").append(r.declineReason()).append('\n');
        }
        if (r.status() == ReferralStatus.COMPLETED && r.outcome() != null) {
            text.append("Outcome: ").append(r.outcome()).append('\n');
        }
        text.append("\nOpen the employer: ").append(mailer.settings().publicUrl()).append("/employers/").append(r.employer().asString()).append('\n');
        return Optional.of(new Mail("[SectorCRM] Referral " + what + ": " + employer + " (" + from + " to " + to + ")", text.toString()));
    }

    private Optional<Mail> appointmentMail(CrmSession s, org.sectorcrm.core.appointment.AppointmentId id, String what) {
        Optional<Appointment> seen = s.appointments().find(id);
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        Appointment a = seen.get();
        String employer = employerName(s, a.employer());
        StringBuilder text = new StringBuilder();
        text.append("The appointment \"").append(a.title()).append("\" with ").append(employer).append(" is ").append(what).append(".\n\n");
        text.append("When: ").append(WHEN.format(a.start())).append(" to ").append(a.end().toLocalTime()).append(" (").append(a.zone()).append(")\n");
        if (a.location() != null) {
            text.append("Where: ").append(a.location()).append('\n');
        }
        text.append("Status: ").append(a.status()).append('\n');
        text.append(DoNotContactNotes.employerLine(s, a.employer()));
        text.append(DoNotContactNotes.contactsLine(s, a.contacts(), "a contact invited to it"));
        if (a.cancelReason() != null) {
            text.append("Reason given: ").append(a.cancelReason()).append('\n');
        }
        text.append("\nCalendar file: ").append(mailer.settings().publicUrl()).append("/api/v1/appointments/").append(a.id().asString()).append(".ics\n");
        return Optional.of(new Mail("[SectorCRM] Appointment " + what + ": " + a.title() + " (" + employer + ")", text.toString()));
    }

    private static String employerName(CrmSession s, EmployerId id) {
        return s.employers().find(id).map(Employer::legalName).orElse("an employer");
    }

    private String partnerName(PartnerId id) {
        return crm.storage().read(tx -> tx.partners().find(id)).map(p -> p.name()).orElse("a partner");
    }

    private String footer() {
        return "\n--\nYou get this e-mail because it concerns your work in SectorCRM. To get one digest a day or none, choose DIGEST or NONE at "
                + mailer.settings().publicUrl() + "/api/v1/me/notifications.\n";
    }
}
