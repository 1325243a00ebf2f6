package org.sectorcrm.core.employer;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.sectorcrm.core.ValidationException;
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
 * @param feins employers with one of these FEINs (null: no filter; empty: none)
 * @param nameKeys employers whose name key is one of these (null: no filter; empty: none)
 */
public record EmployerFilter(EmployerStatus status, RegionCode region, SectorCode sector, String naicsPrefix, String tag,
        PartnerId leadPartner, Fein fein, String nameKey, String zip, Set<Fein> feins, Set<String> nameKeys) {

    public static final EmployerFilter ALL = new EmployerFilter(null, null, null, null, null, null, null, null, null, null, null);

    public EmployerFilter {
        feins = copy("feins", feins);
        nameKeys = copy("nameKeys", nameKeys);
    }

    /** The filter without the two set-valued fields (as it was before they were added). */
    public EmployerFilter(EmployerStatus status, RegionCode region, SectorCode sector, String naicsPrefix, String tag, PartnerId leadPartner,
            Fein fein, String nameKey, String zip) {
        this(status, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip, null, null);
    }

    public static EmployerFilter all() {
        return ALL;
    }

    public EmployerFilter withStatus(EmployerStatus v) {
        return new EmployerFilter(v, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withRegion(RegionCode v) {
        return new EmployerFilter(status, v, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withSector(SectorCode v) {
        return new EmployerFilter(status, region, v, naicsPrefix, tag, leadPartner, fein, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withNaicsPrefix(String v) {
        return new EmployerFilter(status, region, sector, v, tag, leadPartner, fein, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withTag(String v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, v, leadPartner, fein, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withLeadPartner(PartnerId v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, v, fein, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withFein(Fein v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, v, nameKey, zip, feins, nameKeys);
    }

    public EmployerFilter withNameKey(String v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, fein, v, zip, feins, nameKeys);
    }

    public EmployerFilter withZip(String v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, v, feins, nameKeys);
    }

    /**
     * Employers with any one of these FEINs (an importer matching a batch of rows by natural key in one query); an
     * empty set matches nothing.
     *
     * @since 2
     */
    public EmployerFilter withFeins(Collection<Fein> v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip, v == null ? null : new HashSet<>(v), nameKeys);
    }

    /**
     * Employers whose normalised legal name is any one of these ({@link EmployerNames#normalize}); an empty set
     * matches nothing.
     *
     * @since 2
     */
    public EmployerFilter withNameKeys(Collection<String> v) {
        return new EmployerFilter(status, region, sector, naicsPrefix, tag, leadPartner, fein, nameKey, zip, feins, v == null ? null : new HashSet<>(v));
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
                && (zip == null || e.establishments().stream().anyMatch(s -> s.address() != null && zip.equals(s.address().zip5())))
                && (feins == null || e.fein() != null && feins.contains(e.fein()))
                && (nameKeys == null || nameKeys.contains(e.nameKey()));
    }

    private static <X> Set<X> copy(String field, Set<X> values) {
        if (values == null) {
            return null;
        }
        for (X v : values) {
            if (v == null) {
                throw ValidationException.of("employerFilter", field, "holds a null value; leave the set out to not filter");
            }
        }
        return Set.copyOf(values);
    }
}
