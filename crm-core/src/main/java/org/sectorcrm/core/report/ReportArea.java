package org.sectorcrm.core.report;

import java.util.Locale;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;

/**
 * What a report covers: the whole deployment ({@code state}), a region ({@code region:CODE}: the establishments the
 * region's county list places there, or, without a county, whose employer is in the region) or a partner
 * ({@code partner:ID}: the services that partner's staff delivered).
 *
 * @since 2
 */
public sealed interface ReportArea {
    /** {@code state}, {@code region:CODE} or {@code partner:ID}. */
    String label();

    /**
     * The area of an establishment count ({@code STATE} or a region code), or null for a partner: counts are
     * labour-market data, published per geography, not per partner.
     */
    String countArea();

    record State() implements ReportArea {
        @Override
        public String label() {
            return "state";
        }

        @Override
        public String countArea() {
            return EstablishmentCount.STATE;
        }
    }

    record InRegion(RegionCode region) implements ReportArea {
        public InRegion {
            if (region == null) {
                throw ValidationException.of("report", "area", "region is required");
            }
        }

        @Override
        public String label() {
            return "region:" + region.value();
        }

        @Override
        public String countArea() {
            return region.value();
        }
    }

    record OfPartner(PartnerId partner) implements ReportArea {
        public OfPartner {
            if (partner == null) {
                throw ValidationException.of("report", "area", "partner is required");
            }
        }

        @Override
        public String label() {
            return "partner:" + partner.asString();
        }

        @Override
        public String countArea() {
            return null;
        }
    }

    static ReportArea state() {
        return new State();
    }

    /** {@code state}, {@code region:CODE} or {@code partner:ID}; anything else is refused naming the parameter {@code area}. */
    static ReportArea parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("report", "area", "is required: state, region:CODE or partner:ID");
        }
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        try {
            if (lower.equals("state")) {
                return new State();
            }
            if (lower.startsWith("region:")) {
                return new InRegion(new RegionCode(t.substring("region:".length())));
            }
            if (lower.startsWith("partner:")) {
                return new OfPartner(PartnerId.of(t.substring("partner:".length())));
            }
        } catch (ValidationException | IllegalArgumentException e) {
            throw ValidationException.of("report", "area", "'" + text + "' names no valid region code or partner id: " + e.getMessage());
        }
        throw ValidationException.of("report", "area", "must be state, region:CODE or partner:ID but was '" + text + "'");
    }
}
