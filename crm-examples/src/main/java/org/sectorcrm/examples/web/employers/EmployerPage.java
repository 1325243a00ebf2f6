package org.sectorcrm.examples.web.employers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.outcome.OutcomeFilter;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;

/**
 * One employer: its facts and relationship lead, establishments, contacts (masked for VIEWERs by crm-core), which other
 * partners engaged it recently, one timeline of engagements (with the notes this reader may read), needs, solutions,
 * referrals, appointments and outcome measures, and the change history. A fixed number of reads whatever the
 * employer's size: one per kind of record, one for the history, one each for the partner and staff names.
 */
public final class EmployerPage {
    static final int TIMELINE = 100;
    /** How many of each other kind the page shows. */
    static final int LIST = 200;

    /** One entry of the timeline. */
    public record Item(LocalDate date, String kind, String title, String detail, String href, List<NoteView> notes) {
    }

    /** A note the reader may read, with who wrote it for whom. */
    public record NoteView(String author, String partner, String visibility, String text) {
    }

    /** A partner that engaged the employer in the last 180 days: how often and when last. */
    public record Engaged(String partner, long engagements, LocalDate last, boolean lead) {
    }

    /** One entry of the change history. */
    public record Change(String at, String who, String action, String fields) {
    }

    private static void more(List<String> cut, org.sectorcrm.core.Page<?> page, String kind) {
        if (page.hasNext()) {
            cut.add("the first " + LIST + " " + kind);
        }
    }

    public void show(WebRequest r) {
        CrmSession s = r.crm();
        EmployerId id = EmployerId.of(r.path("id"));
        Employer e = s.employers().get(id);
        if (!e.id().equals(id)) {
            // get() follows a merged employer's old id to its survivor: send the browser to the survivor's own address
            r.redirect("/employers/" + e.id().asString(), "Employer " + id + " was merged into this one.");
            return;
        }
        var contactPage = s.contacts().list(ContactFilter.atEmployer(id), PageRequest.first(LIST));
        List<ContactView> contacts = contactPage.items();
        List<Engagement> engagements = s.engagements().timeline(id, TIMELINE);
        var needPage = s.needs().list(new NeedFilter(id, null, null, null), PageRequest.first(LIST));
        List<BusinessNeed> needs = needPage.items();
        var solutionPage = s.solutions().list(new SolutionFilter(id, null, null, null, null), PageRequest.first(LIST));
        List<Solution> solutions = solutionPage.items();
        var referralPage = s.referrals().list(new ReferralFilter(null, null, id, null, null), PageRequest.first(LIST));
        List<Referral> referrals = referralPage.items();
        List<org.sectorcrm.core.partnership.SectorPartnership> partnerships = s.partnerships().list(
                new org.sectorcrm.core.partnership.PartnershipFilter(null, null, null, null, id), PageRequest.first(50)).items();
        var appointmentPage = s.appointments().list(new AppointmentFilter(id, null, null, null, null, null, null), PageRequest.first(LIST));
        List<Appointment> appointments = appointmentPage.items();
        var outcomePage = s.outcomes().list(new OutcomeFilter(id, null, null), PageRequest.first(LIST));
        List<OutcomeMeasure> outcomes = outcomePage.items();
        // the page reads a bounded number of each kind (a fixed number of reads); when there are more, it says so
        List<String> cut = new ArrayList<>();
        more(cut, contactPage, "contacts");
        if (engagements.size() >= TIMELINE) {
            cut.add("the newest " + TIMELINE + " engagements");
        }
        more(cut, needPage, "needs");
        more(cut, solutionPage, "solutions");
        more(cut, referralPage, "referrals");
        more(cut, appointmentPage, "appointments");
        more(cut, outcomePage, "outcome measures");
        List<AuditEntry> history = s.audit().history(AggregateTypes.EMPLOYER, id, PageRequest.first(50)).items();

        Map<String, String> contactNames = new LinkedHashMap<>();
        contacts.forEach(c -> contactNames.put(c.contact().id().asString(), c.contact().firstName() + " " + c.contact().lastName()));

        List<Item> timeline = new ArrayList<>();
        for (Engagement g : engagements) {
            List<NoteView> notes = new ArrayList<>();
            for (Note n : g.notes()) {
                notes.add(new NoteView(r.names().staff(n.author()), r.names().partner(n.partner()), Option.words(n.visibility().name()), n.text()));
            }
            String present = g.contacts().stream().map(c -> contactNames.getOrDefault(c.asString(), "a contact")).sorted().reduce((a, b) -> a + ", " + b)
                    .map(x -> "; with " + x).orElse("");
            String services = g.services().isEmpty() ? "" : "; services: " + g.services().stream().map(x -> x.label()).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("");
            timeline.add(new Item(g.date(), Option.words(g.channel().name()), g.summary(),
                    r.names().partner(g.partner()) + " (" + r.names().staff(g.staff()) + ")" + (g.staffAssisted() ? ", staff-assisted" : "")
                            + present + services + (g.followUpDue() == null ? "" : "; follow-up due " + g.followUpDue()), null, notes));
        }
        for (BusinessNeed n : needs) {
            timeline.add(new Item(n.raisedOn() != null ? n.raisedOn() : n.stamp().createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    "Need", Option.words(n.category().name()) + ": " + n.description(), Option.words(n.status().name()), "/needs/" + n.id().asString(),
                    List.of()));
        }
        for (Solution so : solutions) {
            timeline.add(new Item(so.startDate() != null ? so.startDate() : so.stamp().createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                    "Solution", so.name(), Option.words(so.type().name()) + ", " + Option.words(so.status().name()) + ", led by "
                            + r.names().partner(so.leadPartner()), "/solutions/" + so.id().asString(), List.of()));
        }
        for (Referral ref : referrals) {
            timeline.add(new Item(ref.sentOn(), "Referral", ref.requestedService(), r.names().partner(ref.fromPartner()) + " to "
                    + r.names().partner(ref.toPartner()) + ": " + Option.words(ref.status().name()), "/referrals/" + ref.id().asString(), List.of()));
        }
        for (Appointment a : appointments) {
            timeline.add(new Item(a.start().toLocalDate(), "Appointment", a.title(), Option.words(a.status().name()) + ", organised by "
                    + r.names().staff(a.organizer()), "/appointments/" + a.id().asString(), List.of()));
        }
        for (OutcomeMeasure o : outcomes) {
            timeline.add(new Item(o.baselineOn(), "Outcome measure", o.metric().name(), "baseline " + o.baseline().toPlainString()
                    + o.latest().map(x -> ", latest " + x.value().toPlainString() + " on " + x.on()).orElse(""), null, List.of()));
        }
        timeline.sort(Comparator.comparing(Item::date).reversed());

        Map<PartnerId, long[]> counts = new LinkedHashMap<>();
        Map<PartnerId, LocalDate> last = new LinkedHashMap<>();
        LocalDate since = r.today().minusDays(180);
        for (Engagement g : engagements) {
            if (!g.date().isBefore(since)) {
                counts.computeIfAbsent(g.partner(), k -> new long[1])[0]++;
                last.merge(g.partner(), g.date(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Engaged> engaged = new ArrayList<>();
        PartnerId leadPartner = e.lead() == null ? null : e.lead().partner();
        counts.forEach((p, n) -> engaged.add(new Engaged(r.names().partner(p), n[0], last.get(p), p.equals(leadPartner))));
        engaged.sort(Comparator.comparing(Engaged::last).reversed());

        List<Change> changes = new ArrayList<>();
        for (AuditEntry a : history) {
            changes.add(new Change(a.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"), r.names().staff(a.actor()) + " ("
                    + r.names().partner(a.partner()) + ")", Option.words(a.action()), String.join(", ", a.changedFields())));
        }

        Map<String, Object> p = new LinkedHashMap<>();
        p.put("e", e);
        p.put("region", r.names().region(e.region()));
        p.put("sector", r.names().sector(e.sector()));
        p.put("lead", e.lead() == null ? null : r.names().partner(e.lead().partner())
                + (e.lead().staff() == null ? "" : " – " + r.names().staff(e.lead().staff())));
        p.put("contacts", contacts);
        p.put("engaged", engaged);
        p.put("timeline", timeline);
        p.put("cut", cut);
        p.put("changes", changes);
        // the sector partnerships it belongs to, linked (their page shows the rest): one read
        p.put("partnerships", partnerships.stream().map(sp -> new Option("/partnerships/" + sp.id().asString(), sp.name() + " ("
                + sp.members().stream().filter(m -> m.employer().equals(id)).map(m -> Option.words(m.role().name()).toLowerCase(java.util.Locale.ROOT))
                        .findFirst().orElse("member") + ", " + Option.words(sp.stage().name()).toLowerCase(java.util.Locale.ROOT) + ")")).toList());
        p.put("attachments", org.sectorcrm.examples.web.attachments.AttachmentBox.of(r, AggregateTypes.EMPLOYER, id));
        r.render("employers/show.jte", e.legalName(), "/employers", p);
    }
}
