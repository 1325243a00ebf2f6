package org.sectorcrm.examples.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.EmployerNames;
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
public final class EmployerRows extends CsvImport.Upserts<EmployerId, Employer, EmployerFilter, Employer> {
    static final List<String> FIELDS = List.of("legalName", "tradeNames", "fein", "naics", "sector", "region", "status", "employees",
            "website", "phone", "tags", "street", "city", "state", "zip", "county", "uiAccountNumber",
            "doNotContactSince", "doNotContactReason");
    private static final String CUSTOM = "customFields.";
    private static final List<String> SITE = List.of("street", "city", "state", "zip", "county", "uiAccountNumber");
    private final CrmSession session;
    private final EmployerKeys employerKeys;
    private final boolean readAhead;

    public EmployerRows(CrmSession session) {
        this(session, true);
    }

    /** Without {@code readAhead} every row looks its keys up alone (a test compares the two). */
    EmployerRows(CrmSession session, boolean readAhead) {
        this.session = session;
        this.employerKeys = new EmployerKeys(session);
        this.readAhead = readAhead;
    }

    EmployerKeys employerKeys() {
        return employerKeys;
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

    /** Column names other systems' exports use for these fields (compared ignoring case). */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "legalName", List.of("Legal Name", "Company Name", "Employer Name", "Business Name", "Company"),
            "tradeNames", List.of("Trade Names", "Trade Name", "DBA"),
            "fein", List.of("EIN", "FEIN Number", "Federal EIN"),
            "naics", List.of("NAICS Code"),
            "employees", List.of("Number of Employees", "Employee Count"),
            "website", List.of("Web Site", "URL"),
            "phone", List.of("Main Phone", "Main Phone Number", "Phone Number", "Company Phone"),
            "street", List.of("Street Address", "Address"),
            "zip", List.of("ZIP Code", "Postal Code"));

    @Override
    public Map<String, List<String>> aliases() {
        return ALIASES;
    }

    /** Columns mapped to {@code custom.KEY} (or all unmapped ones, with {@code --custom-fields}) fill the employer's custom fields. */
    @Override
    public boolean customFields() {
        return true;
    }

    @Override
    protected RecordOperations<EmployerId, Employer, EmployerFilter, Employer> operations() {
        return session.employers();
    }

    @Override
    protected Prepared<Employer> prepare(Map<String, String> row) {
        Fein fein = row.get("fein") == null ? null : Fein.parse(row.get("fein"));
        NaicsCode naics = row.get("naics") == null ? null : NaicsCode.of(row.get("naics"));
        PhoneNumber phone = row.get("phone") == null ? null : PhoneNumber.parse(row.get("phone"));
        Set<String> lookedUp = new HashSet<>();
        if (fein != null) {
            lookedUp.add(feinKey(fein));
        }
        if (row.get("legalName") != null) {
            lookedUp.add(nameKey(EmployerNames.normalize(row.get("legalName")), EmployerKeys.zip5(row.get("zip"))));
        }
        Optional<Employer> existing = employerKeys.find(fein, row.get("legalName"), row.get("zip"));
        Employer base = existing.orElse(Employer.named(row.get("legalName") == null ? "?" : row.get("legalName")));
        return new Prepared<>(lookedUp, existing.orElse(null), merge(base, row, fein, naics, phone));
    }

    /** The employers the rows' FEINs and names find, in two queries instead of one or two per row. */
    @Override
    protected void readAhead(List<Map<String, String>> rows) {
        if (readAhead) {
            employerKeys.readAhead(rows, "fein", "legalName");
        }
    }

    @Override
    protected Set<String> rowKeys(Map<String, String> row) {
        Set<String> keys = new HashSet<>();
        if (row.get("fein") != null) {
            try {
                keys.add(feinKey(Fein.parse(row.get("fein"))));
            } catch (ValidationException e) {
                // a bad FEIN looks nothing up
            }
        }
        if (row.get("legalName") != null) {
            keys.add(nameKey(EmployerNames.normalize(row.get("legalName")), EmployerKeys.zip5(row.get("zip"))));
        }
        return keys;
    }

    @Override
    protected Set<String> keysOf(Employer e) {
        return e.fein() == null ? Set.of(nameKey(e.nameKey(), e.primaryZip())) : Set.of(feinKey(e.fein()), nameKey(e.nameKey(), e.primaryZip()));
    }

    private static String feinKey(Fein fein) {
        return "fein:" + fein.value();
    }

    private static String nameKey(String normalizedName, String zip5) {
        return "name:" + normalizedName + "|" + zip5;
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
            r = r.withWebsite(websiteCell(row.get("website")));
        }
        if (row.containsKey("phone")) {
            r = r.withPhone(phone); // the employer's main number, not a person's: no PII rules apply
        }
        if (row.containsKey("tags")) {
            r = r.withTags(new LinkedHashSet<>(Cells.list(row, "tags")));
        }
        if (row.keySet().stream().anyMatch(k -> k.startsWith(CUSTOM))) {
            Map<String, String> custom = new TreeMap<>(r.customFields());
            row.forEach((k, v) -> {
                if (k.startsWith(CUSTOM)) {
                    if (v == null) {
                        custom.remove(k.substring(CUSTOM.length()));
                    } else {
                        custom.put(k.substring(CUSTOM.length()), v);
                    }
                }
            });
            r = r.withCustomFields(custom);
        }
        r = r.withDoNotContact(Cells.doNotContact("employer", row, r.doNotContact()));
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

    /** The row an exported employer becomes; the same columns the import reads, a do-not-contact employer marked in the last two. */
    public static List<String> toRow(Employer e) {
        Establishment p = e.primaryEstablishment().orElse(null);
        Address a = p == null || p.address() == null ? new Address(null, null, null, null) : p.address();
        List<String> row = new ArrayList<>(java.util.Arrays.asList(e.legalName(), Cells.join(e.tradeNames()), e.fein() == null ? null : e.fein().formatted(),
                e.naics() == null ? null : e.naics().value(), e.sector() == null ? null : e.sector().value(),
                e.region() == null ? null : e.region().value(), e.status().name(), e.employees() == null ? null : e.employees().toString(),
                e.website(), e.phone() == null ? null : e.phone().formatted(), Cells.join(e.tags()), a.street(), a.city(), a.state(), a.zip(), p == null ? null : p.county(),
                p == null ? null : p.uiAccountNumber()));
        row.addAll(Cells.doNotContactCells(e.doNotContact()));
        return row;
    }

    /**
     * Spreadsheets write a website as {@code acme.com} or {@code www.acme.com}; the employer record takes only absolute
     * http(s) URLs. A cell that is a bare host name (a dot, no scheme, no blank) is read as {@code https://} that host, so
     * such files import as they did; anything else goes to the record as typed and its own rule names the cell.
     */
    static String websiteCell(String cell) {
        if (cell == null) {
            return null;
        }
        String v = cell.strip();
        if (!v.contains("://") && v.matches("(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::[0-9]{1,5})?(?:[/?#][^\\s]*)?")) {
            return "https://" + v;
        }
        return cell;
    }
}
