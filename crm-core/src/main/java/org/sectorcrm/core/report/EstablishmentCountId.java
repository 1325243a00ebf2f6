package org.sectorcrm.core.report;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/**
 * The natural key of an {@link EstablishmentCount}: quarter and area, written {@code 2026-Q2:STATE} or
 * {@code 2026-Q2:IL-EDR-4}, so that a second count for the same area and quarter replaces the first instead of
 * sitting beside it, and ids order by quarter, then area.
 *
 * @since 2
 */
public record EstablishmentCountId(String value) implements Id, Comparable<EstablishmentCountId> {
    public EstablishmentCountId {
        if (value == null || value.length() < 9 || value.charAt(7) != ':') {
            throw ValidationException.of("establishmentCount", "id", "must be QUARTER:AREA like 2026-Q2:STATE but was '" + value + "'");
        }
        if (value.length() > 64) {
            // every record id in the stores' shared tables (audit, search, outbox) fits 64 characters
            throw ValidationException.of("establishmentCount", "id", "must be at most 64 characters (an area of at most 56) but was " + value.length());
        }
        CalendarQuarter.parse(value.substring(0, 7), "establishmentCount", "id");
        if (!EstablishmentCount.checkArea(value.substring(8), "id").equals(value.substring(8))) {
            throw ValidationException.of("establishmentCount", "id", "must write the whole state as STATE but was '" + value + "'");
        }
    }

    public static EstablishmentCountId of(String text) {
        return new EstablishmentCountId(text);
    }

    public static EstablishmentCountId of(String area, CalendarQuarter quarter) {
        return new EstablishmentCountId(quarter + ":" + area);
    }

    public CalendarQuarter quarter() {
        return CalendarQuarter.parse(value.substring(0, 7));
    }

    /** {@code STATE} or a region code. */
    public String area() {
        return value.substring(8);
    }

    @Override
    public String asString() {
        return value;
    }

    @Override
    public int compareTo(EstablishmentCountId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }

}
