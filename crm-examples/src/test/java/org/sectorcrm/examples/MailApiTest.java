package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.examples.mail.MailSettings;
import org.sectorcrm.examples.server.ApiServer;

/** The server with mail configured: each user's preference over HTTP, and a referral mailed by the server's own poller. */
class MailApiTest {
    private static final String PASSWORD = "correct horse battery staple 7";

    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private GreenMail smtp;
    private CrmSession root;
    private StaffUser cy;
    private String cyToken;
    private Partner college;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC()).pollInterval(Duration.ofHours(1))
                .mail(MailSettings.of("127.0.0.1", port, false, "crm@board.example", "https://crm.region.example", Map.of()));
        root = app.crm().as(app.initialise(PASSWORD.toCharArray(), "admin@board.example", false, 0));
        college = root.reference().partners().create(Partner.named("Prairie Community College", PartnerKind.COMMUNITY_COLLEGE));
        cy = root.reference().staffUsers().create(StaffUser.of(college.id(), "Cy College", "cy@college.example", Role.STAFF));
        cyToken = app.accounts().issueToken(cy.id(), "mail test");
        ApiServer server = app.start("127.0.0.1", 0);
        api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        database.drop();
        smtp.stop();
    }

    private void refer(String name) {
        Employer e = root.employers().create(Employer.named(name));
        LocalDate today = LocalDate.now();
        root.referrals().create(Referral.sent(root.actor().partner(), root.actor().user(), college.id(), e.id(), "apprenticeship design", today,
                today.plusDays(5)));
    }

    @Test
    void eachUserChoosesTheirOwnNotificationsAndTheServerMailsThem() throws Exception {
        assertThat(api.ok(api.get("/me/notifications", cyToken), 200).get("mode").asText()).isEqualTo("EACH");
        refer("Acme Tool & Die");
        app.integrations().pollNow();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("Referral sent: Acme Tool & Die");

        assertThat(api.ok(api.send("PUT", "/me/notifications", cyToken, "{\"mode\":\"NONE\"}"), 200).get("mode").asText()).isEqualTo("NONE");
        refer("Second Shift Plastics");
        app.integrations().pollNow();
        assertThat(smtp.getReceivedMessages()).as("Cy chose none").hasSize(1);

        JsonNode bad = api.problem(api.send("PUT", "/me/notifications", cyToken, "{\"mode\":\"WEEKLY\"}"), 400);
        assertThat(bad.toString()).contains("mode");
        JsonNode missing = api.problem(api.send("PUT", "/me/notifications", cyToken, "{}"), 400);
        assertThat(missing.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("notifications.mode");
        api.problem(api.get("/me/notifications", null), 401);
    }
}
