package org.sectorcrm.examples.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * The names of reference data for one request, each kind read once (one query per thousand records, through the
 * user's session) when first needed, so that a page naming fifty partners and staff makes the same few queries
 * as one naming two: no query per row.
 */
public final class Names {
    private final CrmSession session;
    private Map<PartnerId, Partner> partners;
    private Map<StaffUserId, StaffUser> staff;
    private Map<RegionCode, Region> regions;
    private Map<SectorCode, Sector> sectors;
    private final Map<org.sectorcrm.core.employer.EmployerId, String> employers = new java.util.HashMap<>();

    Names(CrmSession session) {
        this.session = session;
    }

    public Map<PartnerId, Partner> partners() {
        if (partners == null) {
            partners = index(all((f, p) -> session.reference().partners().list(PartnerFilter.ALL, p)), Partner::id);
        }
        return partners;
    }

    public Map<StaffUserId, StaffUser> staff() {
        if (staff == null) {
            staff = index(all((f, p) -> session.reference().staffUsers().list(StaffUserFilter.ALL, p)), StaffUser::id);
        }
        return staff;
    }

    public Map<RegionCode, Region> regions() {
        if (regions == null) {
            regions = index(all((f, p) -> session.reference().regions().list(RegionFilter.ALL, p)), Region::id);
        }
        return regions;
    }

    public Map<SectorCode, Sector> sectors() {
        if (sectors == null) {
            sectors = index(all((f, p) -> session.reference().sectors().list(SectorFilter.ALL, p)), Sector::id);
        }
        return sectors;
    }

    public String partner(PartnerId id) {
        if (id == null) {
            return "";
        }
        Partner p = partners().get(id);
        return p == null ? id.asString() : p.name();
    }

    public String staff(StaffUserId id) {
        if (id == null) {
            return "";
        }
        StaffUser u = staff().get(id);
        return u == null ? "(former staff)" : u.name();
    }

    public String region(RegionCode id) {
        if (id == null) {
            return "";
        }
        Region r = regions().get(id);
        return r == null ? id.asString() : r.name();
    }

    public String sector(SectorCode id) {
        if (id == null) {
            return "";
        }
        Sector s = sectors().get(id);
        return s == null ? id.asString() : s.name();
    }

    /**
     * An employer's legal name, read through the session once per request and employer. Lists that name employers show
     * a bounded page of rows, so this is at most one read per row of that page; the SPI has no batch read by ids.
     */
    public String employer(org.sectorcrm.core.employer.EmployerId id) {
        if (id == null) {
            return "";
        }
        return employers.computeIfAbsent(id, k -> session.employers().find(k).map(org.sectorcrm.core.employer.Employer::legalName)
                .orElse("(deleted employer)"));
    }

    /** Remembers names already read with their records (a list of employers), so that they are not read again. */
    public void knowEmployer(org.sectorcrm.core.employer.Employer e) {
        employers.put(e.id(), e.legalName());
    }

    private static <T> List<T> all(BiFunction<Void, PageRequest, Page<T>> list) {
        List<T> out = new ArrayList<>();
        Page<T> page = list.apply(null, PageRequest.first(PageRequest.MAX_LIMIT));
        out.addAll(page.items());
        while (page.hasNext()) {
            page = list.apply(null, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            out.addAll(page.items());
        }
        return out;
    }

    private static <K, T> Map<K, T> index(List<T> items, java.util.function.Function<T, K> key) {
        Map<K, T> m = new LinkedHashMap<>();
        items.forEach(t -> m.put(key.apply(t), t));
        return m;
    }
}
