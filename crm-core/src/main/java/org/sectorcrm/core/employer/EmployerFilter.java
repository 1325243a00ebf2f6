package org.sectorcrm.core.employer;

import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;

/**
 * Which employers a query returns; null fields do not filter, given ones must all match.
 * {@link #matches} is the definition every store implements (the in-memory store uses it as is).
 *
 * @param nameKey the normalised legal name ({@link EmployerNames#normalize}), for natural-key lookups
 * @param naicsPrefix employers whose NAICS code starts with these digits
 * @param zip employers with an establishment at this five-digit ZIP
 */
public record EmployerFilter(EmployerStatus status, RegionCode region, SectorCode sector, String naicsPrefix, String tag,
        PartnerId leadPartner, Fein fein, String nameKey, String zip) {

    public static final EmployerFilter ALL = new EmployerFilter(null, null, null, null, null, null, null, null, null);

    public static EmployerFilter all() {
        return ALL;
    }

    public EmployerFilter withStatus(EmployerStatus v) {
        return new EmployerFilter(v, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip);
    }

    public EmployerFilter withRegion(RegionCode v) {
        return new EmployerFilter(status, v, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip);
    }

    public EmployerFilter withSector(SectorCode v) {
        return new EmployerFilter(status, region, v, naicsPrefix, tag, leadPartner, fein, nameKey, zip);
    }

    public EmployerFilter withNaicsPrefix(String v) {
        return new EmployerFilter(status, region, sector, v, tag, leadPartner, fein, nameKey, zip);
    }

    public EmployerFilter withTag(String v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, v, leadPartner, fein, nameKey, zip);
    }

    public EmployerFilter withLeadPartner(PartnerId v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, v, fein, nameKey, zip);
    }

    public EmployerFilter withFein(Fein v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, v, nameKey, zip);
    }

    public EmployerFilter withNameKey(String v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, fein, v, zip);
    }

    public EmployerFilter withZip(String v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, v);
    }

    public boolean matches(Employer e) {
        return (status == null || status == e.status())
                && (region == null || region.equals(e.region()))
                && (sector == null || sector.equals(e.sector()))
                && (naicsPrefix == null || e.naics() != null && e.naics().startsWith(naicsPrefix))
                && (tag == null || e.tags().contains(tag))
                && (leadPartner == null || e.lead() != null && leadPartner.equals(e.lead().partner()))
                && (fein == null || fein.equals(e.fein()))
                && (nameKey == null || nameKey.equals(e.nameKey()))
                && (zip == null || e.establishments().stream().anyMatch(s -> s.address() != null && zip.equals(s.address().zip5())));
    }
}
