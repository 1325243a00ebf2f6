package org.sectorcrm.core.employer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.DoNotContact;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;

/**
 * A business the region serves. The FEIN is optional but unique when present; the sector derives from
 * the NAICS code unless set explicitly; establishments are its worksites, exactly one of them primary
 * when there are any. Tags are kept sorted and custom fields by key, so equality never depends on order.
 */
public record Employer(EmployerId id, Stamp stamp, String legalName, List<String> tradeNames, Fein fein, NaicsCode naics,
        SectorCode sector, RegionCode region, List<Establishment> establishments, Integer employees, String website,
        EmployerStatus status, Set<String> tags, RelationshipLead lead, Map<String, String> customFields, PhoneNumber phone,
        DoNotContact doNotContact) implements Aggregate<EmployerId> {

    /** An employer without a do-not-contact flag (the fields of SPI 2 before it). */
    public Employer(EmployerId id, Stamp stamp, String legalName, List<String> tradeNames, Fein fein, NaicsCode naics,
            SectorCode sector, RegionCode region, List<Establishment> establishments, Integer employees, String website,
            EmployerStatus status, Set<String> tags, RelationshipLead lead, Map<String, String> customFields, PhoneNumber phone) {
        this(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead,
                customFields, phone, null);
    }

    /** An employer without a main phone number (the fields of SPI 1). */
    public Employer(EmployerId id, Stamp stamp, String legalName, List<String> tradeNames, Fein fein, NaicsCode naics,
            SectorCode sector, RegionCode region, List<Establishment> establishments, Integer employees, String website,
            EmployerStatus status, Set<String> tags, RelationshipLead lead, Map<String, String> customFields) {
        this(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead,
                customFields, null, null);
    }

    public Employer {
        Check c = Check.of("employer").text("legalName", legalName, Limits.NAME).require("status", status)
                .nonNegative("employees", employees).website("website", website, Limits.NAME);
        tradeNames = c.texts("tradeNames", tradeNames, Limits.NAME);
        establishments = c.list("establishments", establishments);
        tags = c.sortedSet("tags", tags);
        for (String tag : tags) {
            c.that(tag.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,99}"), "tags", "'" + tag + "' is not a tag (1-100 letters, digits, blanks, '.', '_', '-')");
        }
        customFields = c.map("customFields", customFields, Limits.CODE, Limits.DESCRIPTION);
        if (!establishments.isEmpty()) {
            long primaries = establishments.stream().filter(Establishment::primary).count();
            c.that(primaries == 1, "establishments", "exactly one establishment must be primary but " + primaries + " are");
            Set<EstablishmentId> seen = new HashSet<>();
            for (int i = 0; i < establishments.size(); i++) {
                EstablishmentId eid = establishments.get(i).id();
                c.that(eid == null || seen.add(eid), "establishments[" + i + "].id", "is used twice");
            }
        }
        c.throwIfInvalid();
    }

    /** A draft prospect with just a legal name: the usual start, then {@code with...} methods. */
    public static Employer named(String legalName) {
        return new Employer(null, null, legalName, List.of(), null, null, null, null, List.of(), null, null,
                EmployerStatus.PROSPECT, Set.of(), null, Map.of());
    }

    /** The normalised legal name: with the primary ZIP, the natural key when there is no FEIN. */
    public String nameKey() {
        return EmployerNames.normalize(legalName);
    }

    public Optional<Establishment> primaryEstablishment() {
        return establishments.stream().filter(Establishment::primary).findFirst();
    }

    public Optional<Establishment> establishment(EstablishmentId establishmentId) {
        return establishments.stream().filter(e -> establishmentId.equals(e.id())).findFirst();
    }

    /** ZIP (five digits) of the primary establishment, or null. */
    public String primaryZip() {
        return primaryEstablishment().map(Establishment::address).map(Address::zip5).orElse(null);
    }

    public Employer withId(EmployerId id) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withStamp(Stamp stamp) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withLegalName(String legalName) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withTradeNames(List<String> tradeNames) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withFein(Fein fein) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withNaics(NaicsCode naics) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withSector(SectorCode sector) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withRegion(RegionCode region) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withEstablishments(List<Establishment> establishments) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withEmployees(Integer employees) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withWebsite(String website) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withStatus(EmployerStatus status) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withTags(Set<String> tags) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withLead(RelationshipLead lead) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    /** The main phone number (the switchboard), distinct from contacts' and establishments' numbers. */
    public Employer withPhone(PhoneNumber phone) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    public Employer withCustomFields(Map<String, String> customFields) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }

    /** The employer flagged do-not-contact, or cleared with null. */
    public Employer withDoNotContact(DoNotContact doNotContact) {
        return new Employer(id, stamp, legalName, tradeNames, fein, naics, sector, region, establishments, employees, website, status, tags, lead, customFields, phone, doNotContact);
    }
}
