package org.sectorcrm.core.engagement;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * One touchpoint between a partner and an employer at one establishment (the primary one unless said).
 * Only staff-assisted engagements count for ESE; mass mailings and cold calls can never be staff-assisted.
 * {@code externalId} is the key of the engagement in the system it was imported from (unique when present).
 */
public record Engagement(EngagementId id, Stamp stamp, EmployerId employer, EstablishmentId establishment,
        PartnershipId partnership, PartnerId partner, StaffUserId staff, LocalDate date, Channel channel, boolean staffAssisted,
        String summary, List<Note> notes, Set<ContactId> contacts, Set<EseCategory> services, Set<NeedId> needs,
        LocalDate followUpDue, String externalId) implements Aggregate<EngagementId> {

    public Engagement {
        Check c = Check.of("engagement").require("employer", employer).require("partner", partner).require("staff", staff)
                .require("date", date).date("date", date).require("channel", channel).text("summary", summary, Limits.DESCRIPTION)
                .optionalText("externalId", externalId, Limits.CODE).notBefore("followUpDue", followUpDue, "date", date);
        if (channel != null && staffAssisted && !channel.canBeStaffAssisted()) {
            c.fail("staffAssisted", channel + " engagements are never staff-assisted (they do not count for ESE)");
        }
        notes = c.list("notes", notes);
        contacts = c.idSet("contacts", contacts);
        services = c.sortedSet("services", services);
        needs = c.idSet("needs", needs);
        Set<NoteId> noteIds = new HashSet<>();
        for (int i = 0; i < notes.size(); i++) {
            NoteId nid = notes.get(i).id();
            c.that(nid == null || noteIds.add(nid), "notes[" + i + "].id", "is used twice");
        }
        c.throwIfInvalid();
    }

    public static Engagement of(EmployerId employer, PartnerId partner, StaffUserId staff, LocalDate date, Channel channel, String summary) {
        return new Engagement(null, null, employer, null, null, partner, staff, date, channel, channel != null && channel.canBeStaffAssisted(), summary,
                List.of(), Set.of(), Set.of(), Set.of(), null, null);
    }

    /** Whether this engagement counts for ESE: staff-assisted and delivering at least one ESE service category. */
    public boolean countsForEse() {
        return staffAssisted && !services.isEmpty();
    }

    public Engagement withId(EngagementId id) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withStamp(Stamp stamp) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withEstablishment(EstablishmentId establishment) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withPartnership(PartnershipId partnership) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withStaffAssisted(boolean staffAssisted) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withSummary(String summary) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withNotes(List<Note> notes) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withContacts(Set<ContactId> contacts) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withServices(Set<EseCategory> services) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withNeeds(Set<NeedId> needs) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withFollowUpDue(LocalDate followUpDue) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }

    public Engagement withExternalId(String externalId) {
        return new Engagement(id, stamp, employer, establishment, partnership, partner, staff, date, channel, staffAssisted, summary, notes, contacts, services, needs, followUpDue, externalId);
    }
}
