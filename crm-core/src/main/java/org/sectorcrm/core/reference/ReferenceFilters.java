package org.sectorcrm.core.reference;

/** Filters of the reference data; null fields do not filter. Each {@code matches} is the definition every store implements. */
public final class ReferenceFilters {
    private ReferenceFilters() {
    }

    public record RegionFilter(RegionKind kind) {
        public static final RegionFilter ALL = new RegionFilter(null);

        public boolean matches(Region r) {
            return kind == null || kind == r.kind();
        }
    }

    public record SectorFilter(String naicsPrefix) {
        public static final SectorFilter ALL = new SectorFilter(null);

        /** Sectors holding this exact NAICS prefix. */
        public boolean matches(Sector s) {
            return naicsPrefix == null || s.naicsPrefixes().contains(naicsPrefix);
        }
    }

    public record PartnerFilter(PartnerKind kind, RegionCode region, Boolean active) {
        public static final PartnerFilter ALL = new PartnerFilter(null, null, null);

        public boolean matches(Partner p) {
            return (kind == null || kind == p.kind()) && (region == null || p.regions().contains(region))
                    && (active == null || active == p.active());
        }
    }

    public record StaffUserFilter(PartnerId partner, EmailAddress email, Boolean active) {
        public static final StaffUserFilter ALL = new StaffUserFilter(null, null, null);

        public static StaffUserFilter byEmail(EmailAddress email) {
            return new StaffUserFilter(null, email, null);
        }

        public boolean matches(StaffUser u) {
            return (partner == null || partner.equals(u.partner())) && (email == null || email.equals(u.email()))
                    && (active == null || active == u.active());
        }
    }
}
