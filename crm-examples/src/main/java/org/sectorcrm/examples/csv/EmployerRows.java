package org.sectorcrm.examples.csv;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;

/**
 * Employer rows: one employer per row with its primary establishment's address. Upserts by FEIN, else
 * normalised name + ZIP. The columns a file has overwrite those fields (an empty cell clears an optional
 * field); fields without a column are left as stored.
 */
public final class EmployerRows implements CsvImport.RowHandler {
    static final List<String> FIELDS = List.of("legalName", "tradeNames", "fein", "naics", "sector", "region", "status", "employees",
            "website", "phone", "tags", "street", "city", "state", "zip", "county", "uiAccountNumber");
    private static final List<String> SITE = List.of("street", "city", "state", "zip", "county", "uiAccountNumber");
    private final CrmSession session;
    /** Natural keys a dry run would have created, so repeated rows count as they would in a real run. */
    private final java.util.Set<String> dryRunKeys = new java.util.HashSet<>();

    public EmployerRows(CrmSession session) {
        this.session = session;
    }

    @Override
    public String kind() {
        return "employer";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("legalName");
    }

    @Override
    public CsvImport.Outcome apply(Map<String, String> row, boolean dryRun) {
        Fein fein = row.get("fein") == null ? null : Fein.parse(row.get("fein"));
        NaicsCode naics = row.get("naics") == null ? null : NaicsCode.of(row.get("naics"));
        PhoneNumber phone = row.get("phone") == null ? null : PhoneNumber.parse(row.get("phone"));
        Optional<Employer> existing = EmployerKeys.find(session, fein, row.get("legalName"), row.get("zip"));
        Employer base = existing.orElse(Employer.named(row.get("legalName") == null ? "?" : row.get("legalName")));
        Employer merged = merge(base, row, fein, naics, phone);
        if (dryRun) {
            if (existing.isEmpty() && !dryRunKeys.add((merged.fein() != null ? "fein:" + merged.fein() : "name:" + merged.nameKey() + "|" + merged.primaryZip()))) {
                return CsvImport.Outcome.UNCHANGED; // a repeat of a row this dry run already counted as created
            }
            checkReferences(merged);
            return existing.isEmpty() ? CsvImport.Outcome.CREATED : merged.equals(existing.get()) ? CsvImport.Outcome.UNCHANGED : CsvImport.Outcome.UPDATED;
        }
        if (existing.isEmpty()) {
            session.employers().create(merged);
            return CsvImport.Outcome.CREATED;
        }
        Employer saved = session.employers().update(merged);
        return saved.version() == existing.get().version() ? CsvImport.Outcome.UNCHANGED : CsvImport.Outcome.UPDATED;
    }

    private Employer merge(Employer e, Map<String, String> row, Fein fein, NaicsCode naics, PhoneNumber phone) {
        Employer r = e;
        if (row.containsKey("legalName")) {
            r = r.withLegalName(row.get("legalName"));
        }
        if (row.containsKey("tradeNames")) {
            r = r.withTradeNames(Cells.list(row, "tradeNames"));
        }
        if (row.containsKey("fein")) {
            r = r.withFein(fein);
        }
        if (row.containsKey("naics")) {
            r = r.withNaics(naics);
        }
        if (row.containsKey("sector")) {
            r = r.withSector(row.get("sector") == null ? null : new SectorCode(row.get("sector")));
        }
        if (row.containsKey("region")) {
            r = r.withRegion(row.get("region") == null ? null : new RegionCode(row.get("region")));
        }
        if (row.get("status") != null) {
            r = r.withStatus(Cells.enumValue("employer", row, "status", EmployerStatus.class));
        }
        if (row.containsKey("employees")) {
            r = r.withEmployees(Cells.integer("employer", row, "employees"));
        }
        if (row.containsKey("website")) {
            r = r.withWebsite(row.get("website"));
        }
        if (row.containsKey("phone")) {
            r = r.withPhone(phone); // the employer's main number, not a person's: no PII rules apply
        }
        if (row.containsKey("tags")) {
            r = r.withTags(new LinkedHashSet<>(Cells.list(row, "tags")));
        }
        if (SITE.stream().anyMatch(row::containsKey) && SITE.stream().anyMatch(f -> row.get(f) != null)) {
            r = r.withEstablishments(withPrimarySite(r, row));
        }
        return r;
    }

    private static List<Establishment> withPrimarySite(Employer e, Map<String, String> row) {
        List<Establishment> sites = new ArrayList<>(e.establishments());
        Establishment primary = e.primaryEstablishment().orElse(null);
        Address old = primary == null || primary.address() == null ? new Address(null, null, null, null) : primary.address();
        Address address = new Address(pick(row, "street", old.street()), pick(row, "city", old.city()), pick(row, "state", old.state()),
                pick(row, "zip", old.zip()));
        Establishment updated = new Establishment(primary == null ? null : primary.id(), primary == null ? e.legalName() : primary.name(), address,
                pick(row, "county", primary == null ? null : primary.county()),
                pick(row, "uiAccountNumber", primary == null ? null : primary.uiAccountNumber()), primary == null ? null : primary.naics(), true);
        if (primary == null) {
            sites.add(0, updated);
        } else {
            sites.set(sites.indexOf(primary), updated);
        }
        return sites;
    }

    private static String pick(Map<String, String> row, String field, String old) {
        return row.containsKey(field) ? row.get(field) : old;
    }

    /** What the store would refuse, checked without writing, for dry runs. */
    private void checkReferences(Employer e) {
        var reference = session.reference();
        if (e.region() != null && reference.regions().find(e.region()).isEmpty()) {
            throw ValidationException.of("employer", "region", "region " + e.region() + " does not exist");
        }
        if (e.sector() != null && reference.sectors().find(e.sector()).isEmpty()) {
            throw ValidationException.of("employer", "sector", "sector " + e.sector() + " does not exist");
        }
    }

    /** The row an exported employer becomes; the same columns the import reads. */
    public static List<String> toRow(Employer e) {
        Establishment p = e.primaryEstablishment().orElse(null);
        Address a = p == null || p.address() == null ? new Address(null, null, null, null) : p.address();
        return java.util.Arrays.asList(e.legalName(), Cells.join(e.tradeNames()), e.fein() == null ? null : e.fein().formatted(),
                e.naics() == null ? null : e.naics().value(), e.sector() == null ? null : e.sector().value(),
                e.region() == null ? null : e.region().value(), e.status().name(), e.employees() == null ? null : e.employees().toString(),
                e.website(), e.phone() == null ? null : e.phone().formatted(), Cells.join(e.tags()), a.street(), a.city(), a.state(), a.zip(), p == null ? null : p.county(),
                p == null ? null : p.uiAccountNumber());
    }
}
