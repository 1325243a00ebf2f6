package org.sectorcrm.jdbc;

import java.time.LocalDate;

import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Partners;
import org.sectorcrm.tck.fixtures.StaffUsers;

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
        // Every id from this round's own sequence: the kit's shared generator starts over in each process, and each
        // round of the test writes into the same database.
        IdGenerator ids = Fixtures.ids(Long.parseLong(args[1]));
        try (JdbcCrmStorage storage = b.build()) {
            Partner partner = Partners.aPartner().withId(new PartnerId(ids.next())).build();
            StaffUser staff = StaffUsers.aStaffUser().withId(new StaffUserId(ids.next())).of(partner.id()).named("Writer " + args[1])
                    .withEmail("writer" + args[1] + "@crash.example").build();
            storage.inTransaction(tx -> {
                tx.partners().save(partner, 0);
                tx.staffUsers().save(staff, 0);
                return null;
            });
            System.out.println("ready");
            System.out.flush();
            for (long n = 1; ; n++) {
                // Two tags, two sites with ZIPs, two services, a note: the child rows the test counts.
                Employer e = Employers.anEmployer().withId(new EmployerId(ids.next())).withoutFein().withTags("automotive", "since 1999")
                        .withEstablishments(Establishments.anEstablishment().withId(new EstablishmentId(ids.next())).atZip("61101-1234").build(),
                                Establishments.anEstablishment().withId(new EstablishmentId(ids.next())).notPrimary().atZip("61008").build())
                        .build();
                Engagement g = Engagements.anEngagement().withId(new EngagementId(ids.next())).forEmployer(e.id()).by(staff.id(), partner.id())
                        .on(LocalDate.of(2026, 1, 1).plusDays(n % 300))
                        .withServices(EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES)
                        .withNotes(Notes.aNote().withId(new NoteId(ids.next())).by(staff.id(), partner.id()).visibleTo(Visibility.SHARED)
                                .saying("note " + n + " ".repeat(200) + "words for the index").build())
                        .build();
                storage.inTransaction(tx -> {
                    tx.employers().save(e, 0);
                    tx.engagements().save(g, 0);
                    tx.audit().append(AuditEntries.anAuditEntry().withId(new AuditId(ids.next())).by(staff.id(), partner.id())
                            .did("CREATE", "employer", e.id().asString()).build());
                    tx.events().append(new DomainEvent.Created(ids.next(), Fixtures.NOW, staff.id(), partner.id(), AggregateTypes.EMPLOYER, e.id().asString(), 1));
                    return null;
                });
                System.out.println("committed " + n);
                System.out.flush();
            }
        }
    }
}
