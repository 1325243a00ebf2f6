package org.sectorcrm.core.employer;

import java.util.Locale;

import org.sectorcrm.core.Limits;
import org.sectorcrm.core.internal.Check;

/** A US street address. Every part is optional (imports are often partial), but a given state is a two-letter code and a ZIP is ZIP or ZIP+4. */
public record Address(String street, String city, String state, String zip) {
    /**
     * The USPS codes of the states, DC, the territories and freely associated states, and the military post offices
     * (AA, AE, AP): a spreadsheet or a mail merge trusts the code, so "XX" or "Il." is refused, not stored.
     */
    public static final java.util.Set<String> STATES = java.util.Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
            "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP", "UM", "FM", "MH",
            "PW", "AA", "AE", "AP");

    public Address {
        state = state == null ? null : state.strip().toUpperCase(Locale.ROOT);
        zip = zip == null ? null : zip.strip();
        Check.of("address").optionalText("street", street, Limits.NAME).optionalText("city", city, Limits.NAME)
                .that(state == null || STATES.contains(state), "state", "must be a USPS state or territory code (IL, DC, PR, ...) but was '" + state + "'")
                .that(zip == null || zip.matches("\\d{5}(-\\d{4})?"), "zip", "must be a ZIP (12345) or ZIP+4 (12345-6789) but was '" + zip + "'")
                .throwIfInvalid();
    }

    /** The five-digit ZIP, or null. */
    public String zip5() {
        return zip == null ? null : zip.substring(0, 5);
    }
}
