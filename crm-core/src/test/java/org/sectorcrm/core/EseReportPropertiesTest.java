package org.sectorcrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.ProgramPeriod;

/**
 * The ESE report over random histories equals a naive model that applies each definition engagement by engagement:
 * per category and in total, for the state, each region and each partner, and the repeat-business numerator and
 * denominator.
 */
class EseReportPropertiesTest {
    private static final String[] COUNTIES = {"Cook", "DuPage", "Peoria", "Lake", null};
    private static final Channel[] CHANNELS = {Channel.MEETING, Channel.CALL, Channel.SITE_VISIT, Channel.MASS_MAILING, Channel.COLD_CALL};

    @Property(tries = 30)
    void theReportIsTheDefinitionAppliedToEveryEngagement(@ForAll long seed, @ForAll @IntRange(min = 2022, max = 2026) int programYear,
            @ForAll @IntRange(min = 0, max = 4) int quarter) {
        Random random = new Random(seed);
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneOffset.UTC);
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(seed))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Board", PartnerKind.WORKFORCE_BOARD), "Ada", "ada@board.example");
        var reference = crm.as(admin).reference();
        Partner college = reference.partners().create(Partner.named("College", PartnerKind.COMMUNITY_COLLEGE));
        List<StaffUser> staff = List.of(reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo", "bo@board.example", Role.STAFF)),
                reference.staffUsers().create(StaffUser.of(college.id(), "Di", "di@college.example", Role.STAFF)));
        List<Region> regions = List.of(reference.regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook", "DuPage"))),
                reference.regions().create(Region.of("NC", "North Central", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Peoria"))));
        List<Employer> employers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Establishment> sites = new ArrayList<>();
            int n = random.nextInt(3);
            for (int j = 0; j < n; j++) {
                sites.add(new Establishment(null, "Site " + j, null, COUNTIES[random.nextInt(COUNTIES.length)], null, null, j == 0));
            }
            Employer e = Employer.named("Employer " + i).withEstablishments(sites);
            if (random.nextBoolean()) {
                e = e.withRegion(regions.get(random.nextInt(2)).id());
            }
            employers.add(crm.as(staff.get(0)).employers().create(e));
        }
        List<Engagement> engagements = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Employer e = employers.get(random.nextInt(employers.size()));
            StaffUser by = staff.get(random.nextInt(2));
            Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
            boolean assisted = channel.canBeStaffAssisted() && random.nextInt(4) > 0;
            Set<EseCategory> services = EnumSet.noneOf(EseCategory.class);
            for (EseCategory c : EseCategory.values()) {
                if (random.nextInt(5) == 0) {
                    services.add(c);
                }
            }
            LocalDate day = LocalDate.of(2019, 7, 1).plusDays(random.nextInt(8 * 366));
            Engagement g = Engagement.of(e.id(), by.partner(), by.id(), day, channel, "touch").withStaffAssisted(assisted).withServices(services);
            if (!e.establishments().isEmpty() && random.nextBoolean()) {
                g = g.withEstablishment(e.establishments().get(random.nextInt(e.establishments().size())).id());
            }
            engagements.add(crm.as(by).engagements().create(g));
        }
        ProgramPeriod period = new ProgramPeriod(programYear, quarter);
        ProgramPeriod.DateWindow window = period.lookBack(3);
        List<String> areas = new ArrayList<>(List.of("state", "region:NE", "region:NC", "partner:" + admin.partner().asString(),
                "partner:" + college.id().asString()));
        for (String area : areas) {
            EseReport report = crm.as(staff.get(0)).reports().ese(period.label(), area);
            Set<String> total = new TreeSet<>();
            for (EseCategory c : EseCategory.values()) {
                Set<String> want = served(employers, engagements, regions, area, period.start(), period.end(), c);
                assertThat(report.rows().get(c.line() - 1).establishments()).as(area + " " + c).containsExactlyElementsOf(want);
                total.addAll(want);
            }
            assertThat(report.total().establishments()).as(area).containsExactlyElementsOf(total);
            Set<String> before = served(employers, engagements, regions, area, window.start(), window.end(), null);
            assertThat(report.repeatBusiness().denominatorEstablishments()).as(area).containsExactlyElementsOf(before);
            assertThat(report.repeatBusiness().numerator()).isEqualTo(before.stream().filter(total::contains).count());
            assertThat(report.repeatBusiness().rate() == null).isEqualTo(before.isEmpty());
        }
    }

    /** The naive model: engagement by engagement, the definition as docs/reports.md states it. */
    private static Set<String> served(List<Employer> employers, List<Engagement> engagements, List<Region> regions, String area, LocalDate from,
            LocalDate to, EseCategory category) {
        Set<String> out = new TreeSet<>();
        for (Engagement g : engagements) {
            if (!g.staffAssisted() || g.services().isEmpty() || g.date().isBefore(from) || g.date().isAfter(to)
                    || (category != null && !g.services().contains(category))) {
                continue;
            }
            if (area.startsWith("partner:") && !g.partner().asString().equals(area.substring(8))) {
                continue;
            }
            Employer e = employers.stream().filter(x -> x.id().equals(g.employer())).findFirst().orElseThrow();
            Establishment site = g.establishment() == null ? e.primaryEstablishment().orElse(null) : e.establishment(g.establishment()).orElseThrow();
            if (site == null) {
                continue;
            }
            if (area.startsWith("region:")) {
                Region r = regions.stream().filter(x -> x.id().equals(new RegionCode(area.substring(7)))).findFirst().orElseThrow();
                boolean in = site.county() == null ? r.id().equals(e.region()) : r.counties().contains(site.county());
                if (!in) {
                    continue;
                }
            }
            out.add(site.id().asString());
        }
        return out;
    }
}
