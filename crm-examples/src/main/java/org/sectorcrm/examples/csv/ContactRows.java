package org.sectorcrm.examples.csv;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.PhoneNumber;

/**
 * Contact rows. Upserts by employer (employerFein, else employerName + employerZip) plus e-mail; a contact
 * without an e-mail is matched by employer plus first and last name.
 */
public final class ContactRows extends CsvImport.Upserts<ContactId, Contact, ContactFilter, ContactView> {
    static final List<String> FIELDS = List.of("employerFein", "employerName", "employerZip", "firstName", "lastName", "title", "email",
            "phone", "roles", "active", "doNotContactSince", "doNotContactReason");
    private final CrmSession session;
    private final EmployerKeys employerKeys;

    public ContactRows(CrmSession session) {
        this.session = session;
        this.employerKeys = new EmployerKeys(session);
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
    protected RecordOperations<ContactId, Contact, ContactFilter, ContactView> operations() {
        return session.contacts();
    }

    @Override
    protected Prepared<Contact> prepare(Map<String, String> row) {
        Employer employer = employerKeys.require("contact", row.get("employerFein"), row.get("employerName"), row.get("employerZip"));
        EmailAddress email = row.get("email") == null ? null : EmailAddress.parse(row.get("email"));
        PhoneNumber phone = row.get("phone") == null ? null : PhoneNumber.parse(row.get("phone"));
        Optional<Contact> existing = find(employer, email, row.get("firstName"), row.get("lastName"));
        Contact base = existing.orElse(Contact.of(employer.id(), row.get("firstName"), row.get("lastName") == null ? "?" : row.get("lastName")));
        Contact merged = new Contact(base.id(), base.stamp(), employer.id(), pick(row, "firstName", base.firstName()),
                pick(row, "lastName", base.lastName()), pick(row, "title", base.title()), row.containsKey("email") ? email : base.email(),
                row.containsKey("phone") ? phone : base.phone(),
                row.containsKey("roles") ? roles(row) : base.roles(), base.consents(),
                row.get("active") == null ? base.active() : Cells.bool("contact", row, "active"),
                Cells.doNotContact("contact", row, base.doNotContact()));
        String lookedUp = email != null ? emailKey(employer.id(), email) : nameKey(employer.id(), (row.get("firstName") == null ? "" : row.get("firstName"))
                + " " + (row.get("lastName") == null ? "" : row.get("lastName")));
        return new Prepared<>(Set.of(lookedUp), existing.orElse(null), merged);
    }

    /** The employers the rows point to, in one or two queries instead of one or two per row. */
    @Override
    protected void readAhead(List<Map<String, String>> rows) {
        employerKeys.readAhead(rows, "employerFein", "employerName");
    }

    @Override
    protected Set<String> keysOf(Contact c) {
        return c.email() == null ? Set.of(nameKey(c.employer(), c.displayName())) : Set.of(emailKey(c.employer(), c.email()), nameKey(c.employer(), c.displayName()));
    }

    private static String emailKey(EmployerId employer, EmailAddress email) {
        return employer.asString() + "|email:" + email.value();
    }

    private static String nameKey(EmployerId employer, String name) {
        return employer.asString() + "|name:" + EmployerNames.normalize(name);
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

    /** The row of a contact; a do-not-contact contact is marked in the last two columns (docs/integrations.md). */
    public static List<String> toRow(Contact c, Employer employer, boolean masked, String maskedEmail, String maskedPhone) {
        List<String> row = new java.util.ArrayList<>(Arrays.asList(employer.fein() == null ? null : employer.fein().formatted(), employer.legalName(), employer.primaryZip(),
                c.firstName(), c.lastName(), c.title(), masked ? maskedEmail : c.email() == null ? null : c.email().value(),
                masked ? maskedPhone : c.phone() == null ? null : c.phone().formatted(), Cells.join(c.roles()), Boolean.toString(c.active())));
        row.addAll(Cells.doNotContactCells(c.doNotContact()));
        return row;
    }
}
