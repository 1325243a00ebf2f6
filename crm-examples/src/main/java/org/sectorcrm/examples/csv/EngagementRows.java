package org.sectorcrm.examples.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Engagement rows, upserted by the {@code externalId} column (the key in the system the file came from).
 * Engagements are logged for the importing staff user's partner, by {@code staffEmail} or the importer.
 * ESE services are category names or ETA-9169 line numbers separated by ';'. A {@code note} is added once.
 */
public final class EngagementRows extends CsvImport.Upserts<EngagementId, Engagement, EngagementFilter, Engagement> {
    static final List<String> FIELDS = List.of("externalId", "employerFein", "employerName", "employerZip", "date", "channel", "staffAssisted",
            "summary", "services", "followUpDue", "staffEmail", "note", "noteVisibility");
    private final CrmSession session;
    private final EmployerKeys employerKeys;

    public EngagementRows(CrmSession session) {
        this.session = session;
        this.employerKeys = new EmployerKeys(session);
    }

    @Override
    public String kind() {
        return "engagement";
    }

    @Override
    public List<String> fields() {
        return FIELDS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("externalId", "date", "channel", "summary");
    }

    @Override
    protected RecordOperations<EngagementId, Engagement, EngagementFilter, Engagement> operations() {
        return session.engagements();
    }

    @Override
    protected Prepared<Engagement> prepare(Map<String, String> row) {
        if (row.get("externalId") == null) {
            throw ValidationException.of("engagement", "externalId", "is required: it is how a re-import finds the engagement again");
        }
        Employer employer = employerKeys.require("engagement", row.get("employerFein"), row.get("employerName"), row.get("employerZip"));
        Channel channel = Cells.enumValue("engagement", row, "channel", Channel.class);
        Boolean staffAssisted = Cells.bool("engagement", row, "staffAssisted");
        StaffUserId staff = staff(row);
        Optional<Engagement> existing = session.engagements().list(EngagementFilter.byExternalId(row.get("externalId")), PageRequest.first(1))
                .items().stream().findFirst();
        Engagement base = existing.orElse(Engagement.of(employer.id(), session.actor().partner(), staff, Cells.date("engagement", row, "date"),
                channel, row.get("summary")));
        Engagement merged = new Engagement(base.id(), base.stamp(), employer.id(), base.employer().equals(employer.id()) ? base.establishment() : null,
                base.partnership(), base.partner(), staff, Cells.date("engagement", row, "date"), channel,
                staffAssisted != null ? staffAssisted : channel != null && channel.canBeStaffAssisted(), row.get("summary"),
                notes(base, row), base.contacts(), row.containsKey("services") ? services(row) : base.services(), base.needs(),
                row.containsKey("followUpDue") ? Cells.date("engagement", row, "followUpDue") : base.followUpDue(), row.get("externalId"));
        return new Prepared<>(Set.of("ext:" + row.get("externalId")), existing.orElse(null), merged);
    }

    @Override
    protected Set<String> rowKeys(Map<String, String> row) {
        return row.get("externalId") == null ? Set.of() : Set.of("ext:" + row.get("externalId"));
    }

    /** The employers the rows point to, in one or two queries instead of one or two per row. */
    @Override
    protected void readAhead(List<Map<String, String>> rows) {
        employerKeys.readAhead(rows, "employerFein", "employerName");
    }

    @Override
    protected Set<String> keysOf(Engagement e) {
        return e.externalId() == null ? Set.of() : Set.of("ext:" + e.externalId());
    }

    private StaffUserId staff(Map<String, String> row) {
        if (row.get("staffEmail") == null) {
            return session.actor().user();
        }
        EmailAddress email;
        try {
            email = EmailAddress.parse(row.get("staffEmail"));
        } catch (ValidationException e) {
            throw ValidationException.of("engagement", "staffEmail", e.violations().get(0).message());
        }
        return session.reference().staffUsers().list(StaffUserFilter.byEmail(email), PageRequest.first(1)).items().stream()
                .filter(u -> u.partner().equals(session.actor().partner())).map(StaffUser::id).findFirst()
                .orElseThrow(() -> ValidationException.of("engagement", "staffEmail", "no staff user of your partner has the e-mail " + email));
    }

    private List<Note> notes(Engagement base, Map<String, String> row) {
        String text = row.get("note");
        if (text == null || base.notes().stream().anyMatch(n -> n.text().equals(text) && n.author().equals(session.actor().user()))) {
            return base.notes();
        }
        Visibility visibility = row.get("noteVisibility") == null ? Visibility.PARTNER : Cells.enumValue("engagement", row, "noteVisibility", Visibility.class);
        List<Note> notes = new ArrayList<>(base.notes());
        notes.add(new Note(null, session.actor().user(), session.actor().partner(), visibility, text, java.time.Instant.EPOCH));
        return notes;
    }

    private static Set<EseCategory> services(Map<String, String> row) {
        Set<EseCategory> services = new LinkedHashSet<>();
        for (String s : Cells.list(row, "services")) {
            if (s.matches("\\d")) {
                int line = Integer.parseInt(s);
                services.add(Arrays.stream(EseCategory.values()).filter(c -> c.line() == line).findFirst()
                        .orElseThrow(() -> ValidationException.of("engagement", "services", "ETA-9169 has no service line " + line)));
            } else {
                services.add(Cells.enumValue("engagement", Map.of("services", s), "services", EseCategory.class));
            }
        }
        return services;
    }

    /** The row an exported engagement becomes; notes are not exported to CSV (their visibility cannot travel in a spreadsheet). */
    public static List<String> toRow(Engagement e, Employer employer, String staffEmail) {
        return Arrays.asList(e.externalId() != null ? e.externalId() : e.id().asString(), employer.fein() == null ? null : employer.fein().formatted(),
                employer.legalName(), employer.primaryZip(), e.date().toString(), e.channel().name(), Boolean.toString(e.staffAssisted()), e.summary(),
                Cells.join(e.services()), e.followUpDue() == null ? null : e.followUpDue().toString(), staffEmail, null, null);
    }
}
