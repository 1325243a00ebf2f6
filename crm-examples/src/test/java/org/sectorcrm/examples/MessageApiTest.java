package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.examples.server.ApiServer;

/**
 * Messages on a referral over HTTP: the thread, posting, marking read, unread counts, and who is refused; and a referral
 * about an individual contact, refused without a valid release of information and withdrawn later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageApiTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String ann;
    private String bo;
    private String viewer;
    private String outsider;
    private StaffUser annUser;
    private Partner college;
    private Employer employer;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise(ADMIN_PASSWORD.toCharArray(), "admin@board.example", false, 1);
        var s = app.crm().as(admin);
        Partner college = s.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        Partner chamber = s.reference().partners().create(Partner.named("Rockford Chamber", PartnerKind.CHAMBER_OF_COMMERCE));
        StaffUser a = s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        StaffUser b = s.reference().staffUsers().create(StaffUser.of(college.id(), "Bo College", "bo@college.example", Role.STAFF));
        StaffUser v = s.reference().staffUsers().create(StaffUser.of(college.id(), "Vi Viewer", "vi@college.example", Role.VIEWER));
        StaffUser o = s.reference().staffUsers().create(StaffUser.of(chamber.id(), "Oz Chamber", "oz@chamber.example", Role.ADMIN));
        ann = app.accounts().issueToken(a.id(), "test");
        bo = app.accounts().issueToken(b.id(), "test");
        viewer = app.accounts().issueToken(v.id(), "test");
        outsider = app.accounts().issueToken(o.id(), "test");
        employer = app.crm().as(a).employers().create(Employer.named("Rockford Precision Gear"));
        annUser = a;
        this.college = college;
        ApiServer server = app.start("127.0.0.1", 0);
        api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    /** A referral of its own for each test, from Ann (board) to the college. */
    private String newReferral() {
        return app.crm().as(annUser).referrals().create(Referral.sent(annUser.partner(), annUser.id(), college.id(), employer.id(),
                "Customized training", LocalDate.now(), LocalDate.now().plusDays(10))).id().asString();
    }

    /** The caller's unread count on one referral from {@code /me/unread} (0 when it is not listed), checked against the total. */
    private long unreadOn(String token, String referral) throws Exception {
        JsonNode counts = api.ok(api.get("/me/unread", token), 200);
        long sum = 0;
        long found = 0;
        for (JsonNode r : counts.get("referrals")) {
            sum += r.get("unread").asLong();
            found += r.get("referral").asText().equals(referral) ? r.get("unread").asLong() : 0;
        }
        assertThat(counts.get("total").asLong()).isEqualTo(sum);
        return found;
    }

    @Test
    void aThreadIsPostedReadAndCountedPerUser() throws Exception {
        String referral = newReferral();
        String path = "/referrals/" + referral + "/messages";
        JsonNode first = api.ok(api.send("POST", path, ann, "{\"body\":\"Can you reach the plant manager?\"}"), 201);
        assertThat(first.get("author").asText()).isNotBlank();
        api.ok(api.send("POST", path, ann, "{\"body\":\"They start hiring in March.\",\"replyTo\":\"" + first.get("id").asText() + "\"}"), 201);
        JsonNode thread = api.ok(api.get(path, bo), 200);
        assertThat(thread.get("messages")).hasSize(2);
        assertThat(thread.get("unread").asLong()).isEqualTo(2);
        assertThat(unreadOn(bo, referral)).isEqualTo(2);
        assertThat(unreadOn(viewer, referral)).isEqualTo(2);
        JsonNode read = api.ok(api.send("POST", path + "/read", bo, "{\"upTo\":\"" + first.get("id").asText() + "\"}"), 200);
        assertThat(read.get("unread").asLong()).isEqualTo(1);
        assertThat(api.ok(api.send("POST", path + "/read", bo, "{}"), 200).get("unread").asLong()).isZero();
        assertThat(unreadOn(bo, referral)).isZero();
        assertThat(unreadOn(viewer, referral)).isEqualTo(2);
        // reading changed no message
        assertThat(api.ok(api.get("/referral-messages/" + first.get("id").asText(), ann), 200).get("stamp").get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aReferralAboutAContactNeedsAValidReleaseWhichIsWithdrawnLater() throws Exception {
        String contact = app.crm().as(annUser).contacts().create(org.sectorcrm.core.contact.Contact.of(employer.id(), "Pat", "Lee")).contact().id()
                .asString();
        String today = LocalDate.now().toString();
        String draft = "{\"fromPartner\":\"" + annUser.partner().asString() + "\",\"fromStaff\":\"" + annUser.id().asString() + "\",\"toPartner\":\""
                + college.id().asString() + "\",\"employer\":\"" + employer.id().asString() + "\",\"requestedService\":\"Job placement\","
                + "\"status\":\"SENT\",\"sentOn\":\"" + today + "\",\"followUps\":[],\"contact\":\"" + contact + "\"";
        JsonNode refused = api.problem(api.send("POST", "/referrals", ann, draft + "}"), 400);
        assertThat(refused.toString()).contains("release");
        JsonNode sent = api.ok(api.send("POST", "/referrals", ann, draft + ",\"release\":{\"form\":\"VR-ROI-1\",\"obtainedOn\":\"" + today
                + "\",\"scope\":\"Employment services with the college\"}}"), 201);
        JsonNode withdrawn = api.ok(api.send("POST", "/referrals/" + sent.get("id").asText() + "/release/withdraw", bo, "{\"on\":\"" + today + "\"}",
                "If-Match", "\"1\""), 200);
        assertThat(withdrawn.get("release").get("withdrawnOn").asText()).isEqualTo(today);
    }

    @Test
    void othersAndViewersAreRefusedWithProblems() throws Exception {
        String referral = newReferral();
        String path = "/referrals/" + referral + "/messages";
        JsonNode m = api.ok(api.send("POST", path, ann, "{\"body\":\"Only for the college\"}"), 201);
        api.problem(api.get(path, outsider), 403);
        api.problem(api.send("POST", path, outsider, "{\"body\":\"Let me in\"}"), 403);
        api.problem(api.get("/referral-messages/" + m.get("id").asText(), outsider), 404);
        assertThat(api.ok(api.get("/referral-messages", outsider), 200).get("items")).isEmpty();
        assertThat(api.ok(api.get("/search/referral-messages?q=college", outsider), 200).get("items")).isEmpty();
        assertThat(api.ok(api.get("/search/referral-messages?q=college", bo), 200).get("items")).isNotEmpty();
        api.problem(api.send("POST", path, viewer, "{\"body\":\"Me too\"}"), 403);
        JsonNode blank = api.problem(api.send("POST", path, ann, "{\"body\":\"  \"}"), 400);
        assertThat(blank.toString()).contains("body");
        JsonNode badReply = api.problem(api.send("POST", path, bo, "{\"body\":\"Yes\",\"replyTo\":\"0190a6b0-0000-7000-8000-000000000000\"}"), 400);
        assertThat(badReply.toString()).contains("replyTo");
        api.problem(api.send("POST", path + "/read", bo, "", "Content-Type", "text/plain"), 415);
    }
}
