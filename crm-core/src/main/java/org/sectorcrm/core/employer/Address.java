package org.sectorcrm.core.employer;

import java.util.Locale;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/** A US street address. Every part is optional (imports are often partial), but a given state is a two-letter code and a ZIP is ZIP or ZIP+4. */
public record Address(String street, String city, String state, String zip) {
    public Address {
        state = state == null ? null : state.strip().toUpperCase(Locale.ROOT);
        zip = zip == null ? null : zip.strip();
        Check.of("address").optionalText("street", street, Limits.NAME).optionalText("city", city, Limits.NAME)
                .that(state == null || state.matches("[A-Z]{2}"), "state", "must be a two-letter state code but was '" + state + "'")
                .that(zip == null || zip.matches("\\d{5}(-\\d{4})?"), "zip", "must be a ZIP (12345) or ZIP+4 (12345-6789) but was '" + zip + "'")
                .throwIfInvalid();
    }

    /** The five-digit ZIP, or null. */
    public String zip5() {
        return zip == null ? null : zip.substring(0, 5);
    }
}
