package org.sectorcrm.core.reference;

import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.internal.Check;

/** A planning region (an economic development region or a local workforce area) and its counties. Reference data: ADMIN only. */
public record Region(RegionCode id, Stamp stamp, String name, RegionKind kind, List<String> counties) implements Aggregate<RegionCode> {
    public Region {
        Check c = Check.of("region").require("id", id).text("name", name, Limits.NAME).require("kind", kind);
        counties = c.texts("counties", counties, Limits.NAME);
        c.throwIfInvalid();
    }

    public static Region of(String code, String name, RegionKind kind, List<String> counties) {
        return new Region(new RegionCode(code), null, name, kind, counties);
    }

    @Override
    public Region withId(RegionCode id) {
        return new Region(id, stamp, name, kind, counties);
    }

    public Region withStamp(Stamp stamp) {
        return new Region(id, stamp, name, kind, counties);
    }
}
