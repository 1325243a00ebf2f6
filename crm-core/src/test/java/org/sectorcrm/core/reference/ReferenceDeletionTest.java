package org.sectorcrm.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.partnership.SectorPartnership;

/** A region or sector that records still name is not deleted (their reports would lose them); once nothing names it, it goes. */
class ReferenceDeletionTest {
    private final Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).build();
    private final CrmSession admin = crm.as(crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin",
            "ada@board.example"));

    @Test
    void aRegionNamedByAnEmployerAndAPartnerStaysAndTheRefusalCountsBoth() {
        Region region = admin.reference().regions().create(Region.of("IL-EDR-4", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        Employer employer = admin.employers().create(Employer.named("Acme Tool and Die").withRegion(region.id()));
        Partner college = admin.reference().partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE)
                .withRegions(java.util.Set.of(region.id())));

        assertThatThrownBy(() -> admin.reference().regions().delete(region.id(), region.version())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("region IL-EDR-4 is still named by 1 employer and 1 partner");
        assertThat(admin.reference().regions().find(region.id())).isPresent();

        admin.employers().update(employer.id(), employer.version(), employer.withRegion(null));
        admin.reference().partners().update(college.id(), college.version(), college.withRegions(java.util.Set.of()));
        admin.reference().regions().delete(region.id(), region.version());
        assertThat(admin.reference().regions().find(region.id())).isEmpty();
    }

    @Test
    void aSectorNamedByAPartnershipStays() {
        Sector sector = admin.reference().sectors().create(Sector.of("MFG", "Manufacturing", List.of("31", "32", "33")));
        Region region = admin.reference().regions().create(Region.of("IL-EDR-4", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        admin.partnerships().create(SectorPartnership.convened("Northern Illinois Manufacturing", region.id(), sector.id(), admin.actor().partner()));

        assertThatThrownBy(() -> admin.reference().sectors().delete(sector.id(), sector.version())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("sector MFG is still named by 1 partnership");
        assertThat(admin.reference().sectors().find(sector.id())).isPresent();
        assertThatThrownBy(() -> admin.reference().regions().delete(region.id(), region.version())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("region IL-EDR-4 is still named by 1 partnership");
    }
}
