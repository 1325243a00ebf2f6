package org.sectorcrm.examples.web.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The home page: what needs the user's partner today. Follow-ups due within a week (and overdue), referrals waiting
 * (incoming to answer, outgoing not yet done, overdue), the user's appointments of the next two weeks, and what
 * other partners did lately with the employers this partner works with (it engaged them in 90 days or leads them).
 */
public final class MyWorkPage {
    static final int ROWS = 20;

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/", this::show));
    }

    /** One row of a list on the page, already in words. */
    public record Row(String href, String title, String detail, String when, boolean overdue) {
    }

    void show(WebRequest r) {
        CrmSession s = r.crm();
        PartnerId me = s.actor().partner();
        LocalDate today = r.today();
        Map<String, Object> p = new LinkedHashMap<>();

        List<Row> followUps = new ArrayList<>();
        for (Engagement e : first(s.engagements().followUpsDue(today.plusDays(7)))) {
            followUps.add(new Row("/employers/" + e.employer().asString(), r.names().employer(e.employer()), e.summary(),
                    "due " + e.followUpDue(), e.followUpDue().isBefore(today)));
        }
        p.put("followUps", followUps);

        List<Row> incoming = new ArrayList<>();
        for (ReferralStatus st : List.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)) {
            for (Referral ref : s.referrals().list(new ReferralFilter(null, me, null, st, null), PageRequest.first(ROWS)).items()) {
                incoming.add(referralRow(r, ref, "from " + r.names().partner(ref.fromPartner()), today));
            }
        }
        List<Row> outgoing = new ArrayList<>();
        for (ReferralStatus st : List.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS)) {
            for (Referral ref : s.referrals().list(new ReferralFilter(me, null, null, st, null), PageRequest.first(ROWS)).items()) {
                outgoing.add(referralRow(r, ref, "to " + r.names().partner(ref.toPartner()), today));
            }
        }
        List<Row> overdue = new ArrayList<>();
        for (Referral ref : s.referrals().list(new ReferralFilter(null, me, null, null, today), PageRequest.first(ROWS)).items()) {
            overdue.add(referralRow(r, ref, "from " + r.names().partner(ref.fromPartner()), today));
        }
        p.put("incoming", first(incoming));
        p.put("outgoing", first(outgoing));
        p.put("overdue", overdue);

        Instant now = Instant.now();
        List<Row> appointments = new ArrayList<>();
        var filter = new AppointmentFilter(null, null, null, s.actor().user(), AppointmentStatus.SCHEDULED, now, now.plus(14, ChronoUnit.DAYS));
        List<Appointment> mine = new ArrayList<>(s.appointments().list(filter, PageRequest.first(ROWS)).items());
        mine.sort(java.util.Comparator.comparing(a -> a.start().atZone(a.zone()).toInstant()));
        for (Appointment a : mine) {
            appointments.add(new Row("/employers/" + a.employer().asString(), a.title(), r.names().employer(a.employer()),
                    a.start().toString().replace('T', ' ') + " (" + a.zone() + ")", false));
        }
        p.put("appointments", appointments);

        p.put("activity", otherPartnersActivity(r, me, today));
        r.render("home/mywork.jte", "My work", "/", p);
    }

    /** Engagements of the last 30 days by other partners with employers this partner engaged in 90 days or leads. */
    private List<Row> otherPartnersActivity(WebRequest r, PartnerId me, LocalDate today) {
        CrmSession s = r.crm();
        Set<EmployerId> ours = new HashSet<>();
        var mine = new EngagementFilter(null, me, null, today.minusDays(90), today, null, null, null, null);
        forEach(s, mine, e -> ours.add(e.employer()));
        var led = EmployerFilter.ALL.withLeadPartner(me);
        var page = s.employers().list(led, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(e -> ours.add(e.id()));
        while (page.hasNext()) {
            page = s.employers().list(led, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            page.items().forEach(e -> ours.add(e.id()));
        }
        List<Engagement> theirs = new ArrayList<>();
        forEach(s, EngagementFilter.between(today.minusDays(30), today), e -> {
            if (!e.partner().equals(me) && ours.contains(e.employer())) {
                theirs.add(e);
            }
        });
        theirs.sort(java.util.Comparator.comparing(Engagement::date).reversed());
        List<Row> rows = new ArrayList<>();
        for (Engagement e : first(theirs)) {
            rows.add(new Row("/employers/" + e.employer().asString(), r.names().employer(e.employer()),
                    r.names().partner(e.partner()) + ": " + org.sectorcrm.examples.web.Option.words(e.channel().name()) + " – " + e.summary(),
                    e.date().toString(), false));
        }
        return rows;
    }

    private static void forEach(CrmSession s, EngagementFilter f, java.util.function.Consumer<Engagement> each) {
        var page = s.engagements().list(f, PageRequest.first(PageRequest.MAX_LIMIT));
        page.items().forEach(each);
        while (page.hasNext()) {
            page = s.engagements().list(f, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            page.items().forEach(each);
        }
    }

    private static Row referralRow(WebRequest r, Referral ref, String party, LocalDate today) {
        return new Row("/referrals/" + ref.id().asString(), r.names().employer(ref.employer()),
                party + ": " + ref.requestedService() + " (" + org.sectorcrm.examples.web.Option.words(ref.status().name()) + ")",
                ref.responseDue() == null ? "sent " + ref.sentOn() : "answer due " + ref.responseDue(), ref.isOverdue(today));
    }

    private static <T> List<T> first(List<T> all) {
        return all.size() <= ROWS ? all : all.subList(0, ROWS);
    }

}
