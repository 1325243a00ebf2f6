package org.sectorcrm.core;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.partnership.Member;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.report.CadenceReport;
import org.sectorcrm.core.report.DuplicatedEffortReport;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.ReportQueries.CadenceFact;
import org.sectorcrm.core.spi.ReportQueries.PartnerContact;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * Contact cadence and duplicated effort, over the storage's {@code partnerContacts} (one row per employer and
 * partner, aggregated in SQL on a database: engagements are never loaded) and the employers, solutions and
 * partnerships those rows name.
 */
final class ContactHealth {
    private static final Set<SolutionStatus> AGREED_OR_LATER = Set.of(SolutionStatus.AGREED, SolutionStatus.IN_DELIVERY, SolutionStatus.COMPLETED);
    private final StorageTransaction tx;
    private final Map<EmployerId, Employer> employers = new HashMap<>();

    ContactHealth(StorageTransaction tx) {
        this.tx = tx;
    }

    private Employer employer(EmployerId id) {
        return employers.computeIfAbsent(id, k -> tx.employers().find(k).orElse(null));
    }

    CadenceReport cadence(LocalDate on, int defaultDays, Map<String, Integer> sectorDays) {
        Map<PartnerId, Map<EmployerId, LocalDate>> byPartner = new HashMap<>();
        Map<EmployerId, LocalDate> anyone = new HashMap<>();
        for (PartnerContact c : tx.reports().partnerContacts(null, on)) {
            byPartner.computeIfAbsent(c.partner(), k -> new HashMap<>()).put(c.employer(), c.last());
            anyone.merge(c.employer(), c.last(), (a, b) -> a.isAfter(b) ? a : b);
        }
        // Compact rows instead of the employers' documents (issue 10 at region scale): the employers that are not
        // INACTIVE, with what an overdue row shows and the partner that leads each. An employer absent here is
        // inactive or gone, which the report leaves out either way.
        Map<EmployerId, CadenceFact> facts = new HashMap<>();
        Map<PartnerId, List<EmployerId>> led = new HashMap<>();
        for (CadenceFact f : ReportQueries.of(tx).cadenceFacts()) {
            facts.put(f.employer(), f);
            if (f.lead() != null) {
                led.computeIfAbsent(f.lead(), k -> new ArrayList<>()).add(f.employer());
            }
        }
        List<CadenceReport.PartnerRow> rows = new ArrayList<>();
        List<Partner> partners = new ArrayList<>(NetworkHealth.all(tx.partners()));
        partners.sort(Comparator.comparing(p -> p.id().asString()));
        for (Partner p : partners) {
            Map<EmployerId, LocalDate> last = byPartner.getOrDefault(p.id(), Map.of());
            Set<EmployerId> theirs = new LinkedHashSet<>(last.keySet());
            theirs.addAll(led.getOrDefault(p.id(), List.of()));
            List<CadenceReport.Overdue> overdue = new ArrayList<>();
            for (EmployerId id : theirs) {
                CadenceReport.Overdue o = overdue(facts.get(id), last.get(id), on, defaultDays, sectorDays, null);
                if (o != null) {
                    overdue.add(o);
                }
            }
            overdue.sort(MOST_OVERDUE_FIRST);
            rows.add(new CadenceReport.PartnerRow(p.id(), p.name(), overdue));
        }
        List<CadenceReport.Overdue> champions = new ArrayList<>();
        for (SectorPartnership sp : NetworkHealth.all(tx.partnerships())) {
            for (Member m : sp.members()) {
                if (m.role() == MemberRole.CHAIR || m.role() == MemberRole.CHAMPION) {
                    CadenceReport.Overdue o = overdue(facts.get(m.employer()), anyone.get(m.employer()), on, defaultDays, sectorDays, sp);
                    if (o != null) {
                        champions.add(o);
                    }
                }
            }
        }
        champions.sort(MOST_OVERDUE_FIRST);
        return new CadenceReport(on, defaultDays, sectorDays, rows, champions);
    }

    private static final Comparator<CadenceReport.Overdue> MOST_OVERDUE_FIRST = Comparator
            .comparing((CadenceReport.Overdue o) -> o.daysSince() == null ? Long.MAX_VALUE : o.daysSince()).reversed()
            .thenComparing(o -> o.employer().asString());

    /** The overdue row of {@code e} (null: inactive or gone, see {@link ReportQueries#cadenceFacts}), or null when contacted within its cadence. */
    private static CadenceReport.Overdue overdue(CadenceFact e, LocalDate last, LocalDate on, int defaultDays, Map<String, Integer> sectorDays,
            SectorPartnership in) {
        if (e == null) {
            return null;
        }
        String sector = e.sector() == null ? null : e.sector().asString();
        int days = sector == null ? defaultDays : sectorDays.getOrDefault(sector, defaultDays);
        Long since = last == null ? null : ChronoUnit.DAYS.between(last, on);
        if (since != null && since <= days) {
            return null;
        }
        return new CadenceReport.Overdue(e.employer(), e.legalName(), sector, last, since, days, in == null ? null : in.id());
    }

    DuplicatedEffortReport duplicatedEffort(LocalDate on, int windowDays) {
        LocalDate from = on.minusDays(windowDays - 1L);
        Map<EmployerId, Set<PartnerId>> engaged = new TreeMap<>(Comparator.comparing(EmployerId::asString));
        for (PartnerContact c : tx.reports().partnerContacts(from, on)) {
            engaged.computeIfAbsent(c.employer(), k -> new java.util.TreeSet<>(Comparator.comparing(PartnerId::asString))).add(c.partner());
        }
        List<DuplicatedEffortReport.Row> rows = new ArrayList<>();
        engaged.forEach((id, partners) -> {
            Employer e = partners.size() < 2 ? null : employer(id);
            if (e == null || e.lead() != null) {
                return;
            }
            List<Set<PartnerId>> shared = new ArrayList<>();
            for (Solution s : NetworkHealth.all(tx.solutions(), new SolutionFilter(id, null, null, null, null))) {
                if (AGREED_OR_LATER.contains(s.status())) {
                    Set<PartnerId> team = new LinkedHashSet<>(s.contributors());
                    team.add(s.leadPartner());
                    shared.add(team);
                }
            }
            for (SectorPartnership sp : NetworkHealth.all(tx.partnerships(), new PartnershipFilter(null, null, null, null, id))) {
                Set<PartnerId> team = new LinkedHashSet<>(sp.supportPartners());
                if (sp.convener() != null) {
                    team.add(sp.convener());
                }
                shared.add(team);
            }
            List<PartnerId> list = new ArrayList<>(partners);
            List<List<PartnerId>> pairs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    PartnerId a = list.get(i);
                    PartnerId b = list.get(j);
                    if (shared.stream().noneMatch(t -> t.contains(a) && t.contains(b))) {
                        pairs.add(List.of(a, b));
                    }
                }
            }
            if (!pairs.isEmpty()) {
                rows.add(new DuplicatedEffortReport.Row(id, e.legalName(), list, pairs));
            }
        });
        return new DuplicatedEffortReport(from, on, rows);
    }
}
