package org.sectorcrm.jdbc;

import java.time.LocalDate;
import java.util.List;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.StaffUser;

/**
 * The child process of {@code KillDuringWritesTest}: writes transactions of several aggregates as fast as it
 * can (an employer with its child rows and search words, an engagement with notes, an audit entry and an
 * event) and prints {@code committed N} after each commit, until it is killed.
 *
 * <p>Arguments: {@code url seed [user password schema]}.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        JdbcCrmStorage.Builder b = JdbcCrmStorage.builder().url(args[0]);
        if (args.length > 2) {
            b.user(args[2]).password(args[3]).schema(args[4]);
        }
        Samples samples = new Samples(Long.parseLong(args[1]));
        try (JdbcCrmStorage storage = b.build()) {
            Partner partner = samples.partner();
            StaffUser staff = new StaffUser(new org.sectorcrm.core.reference.StaffUserId(samples.uuid()), samples.stamp(), partner.id(), "Writer " + args[1],
                    org.sectorcrm.core.reference.EmailAddress.parse("writer" + args[1] + "@crash.example"), org.sectorcrm.core.reference.Role.STAFF, true);
            storage.inTransaction(tx -> {
                tx.partners().save(partner, 0);
                tx.staffUsers().save(staff, 0);
                return null;
            });
            System.out.println("ready");
            System.out.flush();
            for (long n = 1; ; n++) {
                Employer e = samples.employer().withFein(null);
                Engagement g = samples.engagement(e.id(), partner.id(), staff.id(), LocalDate.of(2026, 1, 1).plusDays(n % 300))
                        .withNotes(List.of(new Note(new NoteId(samples.uuid()), staff.id(), partner.id(), Visibility.SHARED, "note " + n + " ".repeat(200)
                                + "words for the index", Samples.NOW)));
                storage.inTransaction(tx -> {
                    tx.employers().save(e, 0);
                    tx.engagements().save(g, 0);
                    tx.audit().append(samples.audit(staff.id(), partner.id(), "CREATE", "employer", e.id().asString(), Samples.NOW));
                    tx.events().append(samples.created(AggregateTypes.EMPLOYER, e.id().asString()));
                    return null;
                });
                System.out.println("committed " + n);
                System.out.flush();
            }
        }
    }
}
