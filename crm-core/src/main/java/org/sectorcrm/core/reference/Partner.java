package org.sectorcrm.core.reference;

import java.util.List;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.internal.Check;

/** An organisation taking part in the regional system, the regions it serves and its service catalog. Reference data: ADMIN only. */
public record Partner(PartnerId id, Stamp stamp, String name, PartnerKind kind, Set<RegionCode> regions,
        List<CatalogService> services, boolean active) implements Aggregate<PartnerId> {
    public Partner {
        Check c = Check.of("partner").text("name", name, Limits.NAME).require("kind", kind);
        regions = c.sortedSet("regions", regions);
        services = c.list("services", services);
        c.throwIfInvalid();
    }

    public static Partner named(String name, PartnerKind kind) {
        return new Partner(null, null, name, kind, Set.of(), List.of(), true);
    }

    public Partner withId(PartnerId id) {
        return new Partner(id, stamp, name, kind, regions, services, active);
    }

    public Partner withStamp(Stamp stamp) {
        return new Partner(id, stamp, name, kind, regions, services, active);
    }

    public Partner withRegions(Set<RegionCode> regions) {
        return new Partner(id, stamp, name, kind, regions, services, active);
    }

    public Partner withServices(List<CatalogService> services) {
        return new Partner(id, stamp, name, kind, regions, services, active);
    }

    public Partner withActive(boolean active) {
        return new Partner(id, stamp, name, kind, regions, services, active);
    }
}
