package org.sectorcrm.examples.csv;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.Fein;

/**
 * The natural key of an employer in files: its FEIN, else its normalised legal name plus the ZIP of its
 * primary establishment ({@link EmployerNames#normalize}). A FEIN in the file also finds an employer stored
 * earlier without one under the same name and ZIP, so adding FEINs later does not create duplicates.
 */
final class EmployerKeys {
    private EmployerKeys() {
    }

    static Optional<Employer> find(CrmSession session, Fein fein, String legalName, String zip) {
        if (fein != null) {
            List<Employer> byFein = session.employers().list(EmployerFilter.ALL.withFein(fein), PageRequest.first(2)).items();
            if (!byFein.isEmpty()) {
                return Optional.of(byFein.get(0));
            }
        }
        if (legalName == null) {
            return Optional.empty();
        }
        String zip5 = zip5(zip);
        EmployerFilter named = EmployerFilter.ALL.withNameKey(EmployerNames.normalize(legalName));
        List<Employer> byName = session.employers().list(zip5 == null ? named : named.withZip(zip5), PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream()
                .filter(e -> Objects.equals(e.primaryZip(), zip5))
                .filter(e -> fein == null || e.fein() == null)
                .toList();
        if (byName.size() > 1) {
            throw ValidationException.of("employer", "legalName", byName.size() + " employers are named '" + legalName
                    + "' at ZIP " + zip5 + "; give the FEIN to say which");
        }
        return byName.stream().findFirst();
    }

    /** The five-digit ZIP a file's ZIP cell names (null for none). */
    static String zip5(String zip) {
        return zip == null ? null : zip.strip().length() >= 5 ? zip.strip().substring(0, 5) : zip.strip();
    }

    /** The employer a contact or engagement row points to, by its employerFein or employerName + employerZip columns. */
    static Employer require(CrmSession session, String record, String fein, String name, String zip) {
        if (fein == null && name == null) {
            throw ValidationException.of(record, "employerName", "or employerFein is required to say which employer");
        }
        Fein parsed;
        try {
            parsed = fein == null ? null : Fein.parse(fein);
        } catch (ValidationException e) {
            throw ValidationException.of(record, "employerFein", e.violations().get(0).message());
        }
        return find(session, parsed, name, zip).orElseThrow(() -> ValidationException.of(record, fein != null ? "employerFein" : "employerName",
                "no employer " + (fein != null ? "with FEIN " + parsed : "named '" + name + "'" + (zip == null ? "" : " at ZIP " + zip)) + " exists; import employers first"));
    }
}
