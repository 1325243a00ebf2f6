package org.sectorcrm.core.employer;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.NaicsCode;

/**
 * A worksite of an employer: the unit ESE counts (BLS QCEW: one location, one predominant activity).
 * With the state UI account number it identifies the establishment in wage records. The id is assigned
 * on save when null.
 */
public record Establishment(EstablishmentId id, String name, Address address, String county, String uiAccountNumber,
        NaicsCode naics, boolean primary) {
    public Establishment {
        Check.of("establishment").text("name", name, Limits.NAME).optionalText("county", county, Limits.NAME)
                .optionalText("uiAccountNumber", uiAccountNumber, Limits.CODE).throwIfInvalid();
    }

    public static Establishment primary(String name, Address address, String county) {
        return new Establishment(null, name, address, county, null, null, true);
    }

    public Establishment withId(EstablishmentId id) {
        return new Establishment(id, name, address, county, uiAccountNumber, naics, primary);
    }

    public Establishment withPrimary(boolean primary) {
        return new Establishment(id, name, address, county, uiAccountNumber, naics, primary);
    }
}
