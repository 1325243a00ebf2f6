package org.sectorcrm.examples.csv;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.PhoneNumber;

/**
 * Contact rows. Upserts by employer (employerFein, else employerName + employerZip) plus e-mail; a contact
 * without an e-mail is matched by employer plus first and last name.
 */
public final class ContactRows implements CsvImport.RowHandler {
    static final List<String> FIELDS = List.of("employerFein", "employerName", "employerZip", "firstName", "lastName", "title", "email",
            "phone", "roles", "active");
    private final CrmSession session;
    /** Natural keys a dry run would have created, so repeated rows count as they would in a real run. */
    private final java.util.Set<String> dryRunKeys = new java.util.HashSet<>();

    public ContactRows(CrmSession session) {
        this.session = session;
    }

    @Override
    public String kind() {
        return "contact";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("lastName");
    }

    @Override
    public CsvImport.Outcome apply(Map<String, String> row, boolean dryRun) {
        Employer employer = EmployerKeys.require(session, "contact", row.get("employerFein"), row.get("employerName"), row.get("employerZip"));
        EmailAddress email = row.get("email") == null ? null : EmailAddress.parse(row.get("email"));
        PhoneNumber phone = row.get("phone") == null ? null : PhoneNumber.parse(row.get("phone"));
        Optional<Contact> existing = find(employer, email, row.get("firstName"), row.get("lastName"));
        Contact base = existing.orElse(Contact.of(employer.id(), row.get("firstName"), row.get("lastName") == null ? "?" : row.get("lastName")));
        Contact merged = new Contact(base.id(), base.stamp(), employer.id(), pick(row, "firstName", base.firstName()),
                pick(row, "lastName", base.lastName()), pick(row, "title", base.title()), row.containsKey("email") ? email : base.email(),
                row.containsKey("phone") ? phone : base.phone(),
                row.containsKey("roles") ? roles(row) : base.roles(), base.consents(),
                row.get("active") == null ? base.active() : Cells.bool("contact", row, "active"));
        if (dryRun) {
            if (existing.isEmpty() && !dryRunKeys.add((merged.employer() + "|" + (merged.email() != null ? merged.email() : org.sectorcrm.core.reference.EmployerNames.normalize(merged.displayName()))))) {
                return CsvImport.Outcome.UNCHANGED; // a repeat of a row this dry run already counted as created
            }
            return existing.isEmpty() ? CsvImport.Outcome.CREATED : merged.equals(existing.get()) ? CsvImport.Outcome.UNCHANGED : CsvImport.Outcome.UPDATED;
        }
        if (existing.isEmpty()) {
            session.contacts().create(merged);
            return CsvImport.Outcome.CREATED;
        }
        ContactView saved = session.contacts().update(merged);
        return saved.contact().version() == existing.get().version() ? CsvImport.Outcome.UNCHANGED : CsvImport.Outcome.UPDATED;
    }

    private Optional<Contact> find(Employer employer, EmailAddress email, String firstName, String lastName) {
        if (email != null) {
            return session.contacts().list(new ContactFilter(employer.id(), email, null, null), PageRequest.first(1)).items().stream()
                    .map(ContactView::contact).findFirst();
        }
        String name = EmployerNames.normalize((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
        return session.contacts().list(ContactFilter.atEmployer(employer.id()), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(ContactView::contact).filter(c -> c.email() == null)
                .filter(c -> EmployerNames.normalize(c.displayName()).equals(name)).findFirst();
    }

    private static Set<ContactRole> roles(Map<String, String> row) {
        Set<ContactRole> roles = new LinkedHashSet<>();
        for (String r : Cells.list(row, "roles")) {
            roles.add(Cells.enumValue("contact", Map.of("roles", r), "roles", ContactRole.class));
        }
        return roles;
    }

    private static String pick(Map<String, String> row, String field, String old) {
        return row.containsKey(field) ? row.get(field) : old;
    }

    public static List<String> toRow(Contact c, Employer employer, boolean masked, String maskedEmail, String maskedPhone) {
        return Arrays.asList(employer.fein() == null ? null : employer.fein().formatted(), employer.legalName(), employer.primaryZip(),
                c.firstName(), c.lastName(), c.title(), masked ? maskedEmail : c.email() == null ? null : c.email().value(),
                masked ? maskedPhone : c.phone() == null ? null : c.phone().formatted(), Cells.join(c.roles()), Boolean.toString(c.active()));
    }
}
