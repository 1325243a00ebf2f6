package org.sectorcrm.examples.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.testing.TestDatabase;

/**
 * A running server on a SQLite file of its own with two partners: A (the workforce board, with a STAFF and a VIEWER user)
 * and B (a community college, with a STAFF user), and one employer with a contact. Every user's password is {@link #PASSWORD}.
 */
final class WebFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final String STAFF_A = "ann@board.example";
    static final String VIEWER_A = "vi@board.example";
    static final String STAFF_B = "bo@college.example";
    static final String ADMIN = "admin@board.example";
    static final String CONTACT_EMAIL = "maria.lopez@gearworks.example";

    final TestDatabase database = TestDatabase.sqlite();
    final CrmApplication app;
    final ApiServer server;
    final CrmSession admin;
    final Partner partnerB;
    final Employer employer;

    WebFixture(String owner) {
        this(owner, app -> { });
    }

    /** @param beforeStart configures the application before its server starts (e-mail, poll interval) */
    WebFixture(String owner, java.util.function.Consumer<CrmApplication> beforeStart) {
        database.start(owner);
        app = new CrmApplication(StorageFactory.open(database.url().substring("jdbc:sqlite:".length())), Clock.systemUTC());
        StaffUser root = app.initialise(PASSWORD.toCharArray(), ADMIN, false, 1);
        admin = app.crm().as(root);
        partnerB = admin.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        user(StaffUser.of(root.partner(), "Ann Board", STAFF_A, Role.STAFF));
        user(StaffUser.of(root.partner(), "Vi Viewer", VIEWER_A, Role.VIEWER));
        user(StaffUser.of(partnerB.id(), "Bo College", STAFF_B, Role.STAFF));
        CrmSession ann = app.crm().as(STAFF_A);
        employer = ann.employers().create(Employer.named("Gearworks Precision Manufacturing").withEstablishments(List.of(
                Establishment.primary("Main plant", new Address("1 Foundry Rd", "Rockford", "IL", "61101"), "Winnebago"))));
        ann.contacts().create(new Contact(null, null, employer.id(), "Maria", "Lopez", "HR Director",
                org.sectorcrm.core.reference.EmailAddress.parse(CONTACT_EMAIL), org.sectorcrm.core.reference.PhoneNumber.parse("+18155550142"),
                Set.of(), List.of(), true));
        ann.employers().create(Employer.named("Riverside Bakery Cooperative"));
        beforeStart.accept(app);
        server = app.start("127.0.0.1", 0);
    }

    private void user(StaffUser u) {
        StaffUser saved = admin.reference().staffUsers().create(u);
        app.accounts().setPassword(saved.id(), saved.email().value(), PASSWORD.toCharArray());
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Signs {@code email} in through {@code POST /api/v1/session} on the server at {@code base}; the session id its cookie carries. */
    static String sessionId(java.net.http.HttpClient http, String base, String email) throws Exception {
        java.net.http.HttpResponse<String> login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + ApiServer.BASE + "/session"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                        + "\",\"password\":\"" + PASSWORD + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(ApiServer.SESSION_COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + login.body()));
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            database.stop();
        }
    }
}
