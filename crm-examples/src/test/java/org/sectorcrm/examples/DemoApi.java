package org.sectorcrm.examples;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.server.ApiServer;

/**
 * A running server on the demo region with a record of every kind the API serves (outcome measures, feedback, dedupe
 * reviews and a merge, appointments, messages and read markers, an attachment, a webhook), and bearer tokens of an
 * ADMIN, a STAFF user and a VIEWER of the board: what the tests that walk every operation of the API need to find
 * something at every path. {@link #close} drops the database.
 */
final class DemoApi implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    final TestDatabases.Database database;
    final CrmApplication app;
    final ApiServer server;
    final String base;
    final String admin;
    final String staff;
    final String viewer;
    final String searchWord;
    final String messagesReferral;
    final String webhookId;

    DemoApi() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser root = app.initialise(PASSWORD.toCharArray(), "admin@board.example", true, 2026);
        CrmSession s = app.crm().as(root);
        // The demo region has no outcome measures and no feedback: add one of each so their endpoints return records.
        Engagement engagement = s.engagements().list(EngagementFilter.ALL, PageRequest.first(1)).items().get(0);
        s.outcomes().create(new OutcomeMeasure(null, null, engagement.employer(), null, Metric.RETENTION_RATE, LocalDate.of(2024, 1, 15),
                new BigDecimal("81.50"), List.of(new Observation(LocalDate.of(2025, 1, 15), new BigDecimal("86.25")))));
        s.feedback().create(new Feedback(null, null, engagement.employer(), engagement.id(), null, 4, "Quick and useful"));
        // ... and no dedupe records: a review of two demo employers, and a merge of two new ones (its tombstone)
        var two = s.employers().list(org.sectorcrm.core.employer.EmployerFilter.ALL, PageRequest.first(2)).items();
        s.dedupe().review(two.get(0).id(), two.get(1).id(), org.sectorcrm.core.dedupe.ReviewDecision.LATER, "schema test");
        var kept = s.employers().create(org.sectorcrm.core.employer.Employer.named("Schema Merge Survivor"));
        var gone = s.employers().create(org.sectorcrm.core.employer.Employer.named("Schema Merge Merged").withWebsite("https://merged.example"));
        s.dedupe().merge(kept.id(), gone.id(), org.sectorcrm.core.dedupe.MergeChoices.DEFAULTS);
        // ... and a likely duplicate pair for GET /dedupe/candidates, with ids sorting first: a scan page looks at 500
        // employers at most, in id order, and the test reads the first page
        var plant = new org.sectorcrm.core.employer.Address("77 Quarry Rd", "Rockford", "IL", "61104");
        s.employers().create(org.sectorcrm.core.employer.Employer.named("Quarry Tool & Die, Inc.")
                .withId(new org.sectorcrm.core.employer.EmployerId(java.util.UUID.fromString("00000000-0000-7000-8000-000000000001"))).withEstablishments(
                List.of(org.sectorcrm.core.employer.Establishment.primary("Plant", plant, null))));
        s.employers().createAnyway(org.sectorcrm.core.employer.Employer.named("QUARRY TOOL AND DIE")
                .withId(new org.sectorcrm.core.employer.EmployerId(java.util.UUID.fromString("00000000-0000-7000-8000-000000000002"))).withEstablishments(
                List.of(org.sectorcrm.core.employer.Establishment.primary("Plant", plant, null))));
        // ... and no appointments: one with a contact, so that a VIEWER's answers have something to mask
        var contact = s.contacts().list(org.sectorcrm.core.contact.ContactFilter.atEmployer(engagement.employer()),
                PageRequest.first(1)).items();
        s.appointments().create(Appointment.scheduled(engagement.employer(), root.partner(), root.id(), "Hiring plan review",
                LocalDateTime.of(2026, 3, 10, 10, 0), LocalDateTime.of(2026, 3, 10, 11, 0), ZoneId.of("America/Chicago"))
                .at("Rockford office", "https://meet.example/hiring").attendedBy(
                        contact.isEmpty() ? java.util.Set.of() : java.util.Set.of(contact.get(0).contact().id()), java.util.Set.of(root.id())));
        StaffUser st = s.reference().staffUsers().create(StaffUser.of(root.partner(), "Sam Staff", "sam@board.example", Role.STAFF));
        StaffUser v = s.reference().staffUsers().create(StaffUser.of(root.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
        // ... and no messages: one on a referral of the board, read by the viewer, so both have a thread and a read marker
        var boards = s.referrals().list(new org.sectorcrm.core.referral.ReferralFilter(root.partner(), null, null, null, null), PageRequest.first(1)).items();
        messagesReferral = boards.get(0).id().asString();
        s.messages().post(boards.get(0).id(), "Can you call " + searchWord(engagement) + " this week?", null);
        s.messages().markRead(boards.get(0).id(), "api");
        app.crm().as(v).messages().markRead(boards.get(0).id(), "web");
        admin = app.accounts().issueToken(root.id(), "schema test");
        viewer = app.accounts().issueToken(v.id(), "schema test");
        staff = app.accounts().issueToken(st.id(), "schema test");
        searchWord = engagement.summary().split("\\W+")[0];
        server = app.start("127.0.0.1", 0);
        // ... and no attachments: a shared one on the first employer, so every role's lists have one to check
        var first = s.employers().list(org.sectorcrm.core.employer.EmployerFilter.ALL, PageRequest.first(1)).items().get(0);
        app.attachments().upload(s, AggregateTypes.EMPLOYER, first.id(), new org.sectorcrm.examples.attachments.Attachments.Upload("intake.pdf",
                org.sectorcrm.core.engagement.Visibility.SHARED, "Intake form"), new java.io.ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)), -1);
        // one webhook (its receiver need not answer: nothing here polls before the test reads it)
        webhookId = app.integrations().webhooks().register(root.id(), "http://127.0.0.1:9/hook", List.of("referral.*")).endpoint().id();
        base = "http://127.0.0.1:" + server.port();
    }

    private static String searchWord(Engagement engagement) {
        return engagement.summary().split("\\W+")[0];
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            database.drop();
        }
    }
}
