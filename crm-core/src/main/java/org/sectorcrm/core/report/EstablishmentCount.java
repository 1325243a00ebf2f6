package org.sectorcrm.core.report;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.RegionCode;

/**
 * Labour-market data: how many establishments an area had in a calendar quarter (the BLS QCEW count), the denominator
 * of the Employer Penetration Rate. The id is the natural key, quarter and area ({@link EstablishmentCountId}:
 * {@code 2026-Q2:STATE} or {@code 2026-Q2:IL-EDR-4}), so there is at most one count per area and quarter and
 * loading a count again replaces it. {@code source} says where the figure came from (e.g. "QCEW 2026 Q2").
 *
 * @since 2
 */
public record EstablishmentCount(EstablishmentCountId id, Stamp stamp, long establishments, String source)
        implements Aggregate<EstablishmentCountId> {
    /** The area of the whole deployment. */
    public static final String STATE = "STATE";

    public EstablishmentCount {
        Check.of("establishmentCount").require("id", id)
                .that(establishments >= 0, "establishments", "must be 0 or more but was " + establishments)
                .optionalText("source", source, Limits.NAME).throwIfInvalid();
    }

    public static EstablishmentCount of(String area, CalendarQuarter quarter, long establishments) {
        return new EstablishmentCount(EstablishmentCountId.of(checkArea(area, "area"), quarter), null, establishments, null);
    }

    /** {@code STATE} or a region code. */
    public String area() {
        return id.area();
    }

    public CalendarQuarter quarter() {
        return id.quarter();
    }

    public EstablishmentCount withSource(String source) {
        return new EstablishmentCount(id, stamp, establishments, source);
    }

    public EstablishmentCount withEstablishments(long establishments) {
        return new EstablishmentCount(id, stamp, establishments, source);
    }

    /** {@code STATE} (any case, returned upper case) or a valid region code, else refused naming {@code establishmentCount.<field>}. */
    public static String checkArea(String area, String field) {
        if (area == null || area.isBlank()) {
            throw ValidationException.of("establishmentCount", field, "is required: STATE or a region code");
        }
        if (area.trim().equalsIgnoreCase(STATE)) {
            return STATE;
        }
        if (!area.trim().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,55}")) {
            throw ValidationException.of("establishmentCount", field, "must be STATE or a region code of 1-56 letters, digits, '.', '_' or '-' but was '"
                    + area + "'");
        }
        return new RegionCode(area.trim()).value();
    }

    @Override
    public EstablishmentCount withId(EstablishmentCountId id) {
        return new EstablishmentCount(id, stamp, establishments, source);
    }

    @Override
    public EstablishmentCount withStamp(Stamp stamp) {
        return new EstablishmentCount(id, stamp, establishments, source);
    }
}
