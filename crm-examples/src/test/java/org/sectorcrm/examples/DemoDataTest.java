package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.examples.demo.DemoData;

class DemoDataTest {
    private static CrmSession load(long seed) {
        InMemoryCrmStorage storage = new InMemoryCrmStorage();
        StaffUser admin = new DemoData(seed).load(storage, "admin@board.example");
        return Crm.builder().storage(storage).build().as(admin);
    }

    private static List<Employer> firstEmployers(CrmSession s) {
        return s.employers().list(EmployerFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items();
    }

    @Test
    void theSameSeedGivesTheSameRegion() {
        CrmSession a = load(7);
        CrmSession b = load(7);
        assertThat(firstEmployers(a)).isEqualTo(firstEmployers(b));
        assertThat(firstEmployers(load(8))).isNotEqualTo(firstEmployers(a));
    }

    @Test
    void theRegionIsFullAndEveryReferralStatusOccurs() {
        CrmSession s = load(2026);
        List<Employer> employers = firstEmployers(s);
        assertThat(employers).hasSize(DemoData.EMPLOYERS);
        assertThat(employers).allSatisfy(e -> assertThat(e.naics()).isNotNull());
        assertThat(employers.stream().map(Employer::sector).filter(java.util.Objects::nonNull).distinct().count()).isGreaterThanOrEqualTo(6);
        assertThat(s.engagements().count(EngagementFilter.ALL)).isGreaterThan(1000);
        Set<ReferralStatus> statuses = s.referrals().list(ReferralFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(Referral::status).collect(Collectors.toCollection(() -> EnumSet.noneOf(ReferralStatus.class)));
        assertThat(statuses).isEqualTo(EnumSet.allOf(ReferralStatus.class));
        long stages = s.partnerships().list(PartnershipFilter.ALL, PageRequest.first(100)).items().stream()
                .map(SectorPartnership::stage).distinct().count();
        assertThat(stages).isGreaterThanOrEqualTo(5);
    }
}
