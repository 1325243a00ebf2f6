package org.sectorcrm.core.report;

/**
 * Which establishment counts a query returns; null fields do not filter. {@link #matches} is the definition every
 * store implements.
 *
 * @since 2
 */
public record EstablishmentCountFilter(String area, CalendarQuarter quarter) {
    public static final EstablishmentCountFilter ALL = new EstablishmentCountFilter(null, null);

    public boolean matches(EstablishmentCount c) {
        return (area == null || area.equals(c.area())) && (quarter == null || quarter.equals(c.quarter()));
    }
}
