package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Attendee;

import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;

/** Appointments over HTTP: their lifecycle, each as an iCalendar file, and the per-staff feeds with their revocable tokens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentApiTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private org.sectorcrm.core.CrmSession adminSession;
    private String adminToken;
    private StaffUser ann;
    private StaffUser bo;
    private String staffA;
    private String staffB;
    private String viewerA;
    private String employer;
    private String contact;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise(ADMIN_PASSWORD.toCharArray(), "admin@board.example", false, 1);
        adminSession = app.crm().as(admin);
        adminToken = app.accounts().issueToken(admin.id(), "test");
        Partner college = adminSession.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        ann = adminSession.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        bo = adminSession.reference().staffUsers().create(StaffUser.of(college.id(), "Bo College", "bo@college.example", Role.STAFF));
        StaffUser v = adminSession.reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
        staffA = app.accounts().issueToken(ann.id(), "test");
        staffB = app.accounts().issueToken(bo.id(), "test");
        viewerA = app.accounts().issueToken(v.id(), "test");
        ApiServer server = app.start("127.0.0.1", 0, "crm.board.example");
        api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
        employer = api.ok(api.send("POST", "/employers", staffA, "{\"legalName\":\"Rockford Precision Gear\",\"status\":\"ACTIVE\"}"), 201)
                .get("id").asText();
        contact = api.ok(api.send("POST", "/contacts", staffA, "{\"employer\":\"" + employer
                + "\",\"firstName\":\"Maria\",\"lastName\":\"Lopez\",\"email\":\"maria.lopez@gear.example\",\"active\":true}"), 201)
                .get("id").asText();
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

    /** A day {@code days} from today: feeds reach back only {@code FEED_HISTORY}, so feed tests schedule from now on. */
    private static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }

    /** A new appointment organised by Ann, with Bo and the contact attending; returns its JSON. */
    private JsonNode schedule(String title, String day) throws Exception {
        String body = "{\"employer\":\"" + employer + "\",\"organizerPartner\":\"" + ann.partner().asString() + "\",\"organizer\":\""
                + ann.id().asString() + "\",\"title\":\"" + title + "\",\"start\":\"" + day + "T10:00:00\",\"end\":\"" + day
                + "T11:30:00\",\"zone\":\"America/Chicago\",\"location\":\"1 Foundry Rd, Rockford\",\"videoLink\":\"https://meet.example/gear\","
                + "\"contacts\":[\"" + contact + "\"],\"staff\":[\"" + bo.id().asString() + "\"],\"status\":\"SCHEDULED\"}";
        HttpResponse<String> r = api.send("POST", "/appointments", staffA, body);
        JsonNode created = api.ok(r, 201);
        assertThat(r.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(r.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/appointments/" + created.get("id").asText()));
        return created;
    }

    private JsonNode move(String id, String verb, long version, String body) throws Exception {
        return api.ok(api.send("POST", "/appointments/" + id + "/" + verb, staffA, body == null ? "{}" : body, "If-Match", "\"" + version + "\""), 200);
    }

    @Test
    void anAppointmentIsScheduledChangedAndMovedAlongItsLifecycle() throws Exception {
        JsonNode a = schedule("Plant tour", "2026-03-10");
        String id = a.get("id").asText();
        assertThat(a.get("status").asText()).isEqualTo("SCHEDULED");

        JsonNode mine = api.ok(api.get("/appointments?attendee=" + bo.id().asString() + "&limit=1000", staffB), 200);
        assertThat(mine.get("items")).extracting(n -> n.get("id").asText()).contains(id);
        JsonNode overlapping = api.ok(api.get("/appointments?from=2026-03-10T16:00:00Z&to=2026-03-10T16:30:00Z", staffA), 200);
        assertThat(overlapping.get("items")).extracting(n -> n.get("id").asText()).contains(id);
        JsonNode before = api.ok(api.get("/appointments?to=2026-03-10T15:00:00Z", staffA), 200);
        assertThat(before.get("items")).extracting(n -> n.get("id").asText()).doesNotContain(id);

        ObjectNode renamed = ((ObjectNode) a.deepCopy()).put("title", "Plant tour and hiring plan");
        HttpResponse<String> put = api.send("PUT", "/appointments/" + id, staffA, api.text(renamed), "If-Match", "\"1\"");
        assertThat(api.ok(put, 200).get("title").asText()).isEqualTo("Plant tour and hiring plan");
        assertThat(put.headers().firstValue("ETag")).hasValue("\"2\"");
        api.problem(api.send("PUT", "/appointments/" + id, staffA, api.text(renamed), "If-Match", "\"1\""), 412);
        JsonNode statusByUpdate = api.problem(api.send("PUT", "/appointments/" + id, staffA, api.text(renamed.deepCopy().put("status", "HELD")),
                "If-Match", "\"2\""), 400);
        assertThat(statusByUpdate.get("errors").toString()).contains("status");

        JsonNode moved = move(id, "reschedule", 2, "{\"start\":\"2026-03-12T14:00:00\",\"end\":\"2026-03-12T15:00:00\",\"zone\":\"America/New_York\"}");
        assertThat(moved.get("zone").asText()).isEqualTo("America/New_York");
        assertThat(LocalDateTime.parse(moved.get("start").asText())).isEqualTo(LocalDateTime.of(2026, 3, 12, 14, 0));
        JsonNode cancelled = move(id, "cancel", 3, "{\"reason\":\"The plant is closed for inventory\"}");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("The plant is closed for inventory");
        JsonNode again = api.problem(api.send("POST", "/appointments/" + id + "/reschedule", staffA,
                "{\"start\":\"2026-03-13T14:00:00\",\"end\":\"2026-03-13T15:00:00\",\"zone\":\"America/Chicago\"}", "If-Match", "\"4\""), 400);
        assertThat(again.get("errors").get(0).get("field").asText()).contains("start");

        String noShow = schedule("Follow-up call", "2026-03-17").get("id").asText();
        assertThat(move(noShow, "no-show", 1, null).get("status").asText()).isEqualTo("NO_SHOW");

        String held = schedule("Hiring fair planning", "2026-03-19").get("id").asText();
        String engagement = api.ok(api.send("POST", "/engagements", staffA, "{\"employer\":\"" + employer + "\",\"partner\":\""
                + ann.partner().asString() + "\",\"staff\":\"" + ann.id().asString() + "\",\"date\":\"2026-03-19\",\"channel\":\"MEETING\","
                + "\"staffAssisted\":true,\"summary\":\"Planned the hiring fair\"}"), 201).get("id").asText();
        JsonNode heldNode = move(held, "hold", 1, "{\"produced\":\"" + engagement + "\"}");
        assertThat(heldNode.get("status").asText()).isEqualTo("HELD");
        assertThat(heldNode.get("produced").asText()).isEqualTo(engagement);

        HttpResponse<String> deleted = api.send("DELETE", "/appointments/" + noShow, staffA, null, "If-Match", "\"2\"");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        api.problem(api.get("/appointments/" + noShow, staffA), 404);
    }

    @Test
    void onlyStaffScheduleAndOnlyForTheirOwnPartner() throws Exception {
        String body = "{\"employer\":\"" + employer + "\",\"organizerPartner\":\"" + ann.partner().asString() + "\",\"organizer\":\""
                + ann.id().asString() + "\",\"title\":\"Not mine\",\"start\":\"2026-04-01T10:00:00\",\"end\":\"2026-04-01T11:00:00\","
                + "\"zone\":\"America/Chicago\",\"status\":\"SCHEDULED\"}";
        api.problem(api.send("POST", "/appointments", viewerA, body), 403);
        JsonNode other = api.problem(api.send("POST", "/appointments", staffB, body), 400);
        assertThat(other.get("errors")).extracting(e -> e.get("field").asText()).contains("appointment.organizerPartner");
        JsonNode backwards = api.problem(api.send("POST", "/appointments", staffA, body.replace("T11:00:00", "T09:00:00")), 400);
        assertThat(backwards.get("errors")).extracting(e -> e.get("field").asText()).contains("appointment.end");
    }

    private static ICalendar parse(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/calendar"));
        assertThat(r.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nVERSION:2.0\r\n").contains("\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        List<List<biweekly.io.ParseWarning>> warnings = new ArrayList<>();
        ICalendar ical = Biweekly.parse(r.body()).warnings(warnings).first();
        assertThat(warnings).allSatisfy(w -> assertThat(w).isEmpty());
        return ical;
    }

    @Test
    void anAppointmentDownloadsAsAnICalendarEvent() throws Exception {
        JsonNode a = schedule("Site visit", "2026-07-07");
        String id = a.get("id").asText();
        ICalendar ical = parse(api.get("/appointments/" + id + ".ics", staffA));
        VEvent e = ical.getEvents().get(0);
        assertThat(e.getUid().getValue()).isEqualTo(id + "@crm.board.example");
        assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(LocalDateTime.of(2026, 7, 7, 10, 0).atZone(CHICAGO).toInstant());
        assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(LocalDateTime.of(2026, 7, 7, 11, 30).atZone(CHICAGO).toInstant());
        assertThat(ical.getTimezoneInfo().getTimezone(e.getDateStart()).getComponent().getTimezoneId().getValue()).isEqualTo("America/Chicago");
        assertThat(e.getSummary().getValue()).isEqualTo("Site visit");
        assertThat(e.getLocation().getValue()).isEqualTo("1 Foundry Rd, Rockford");
        assertThat(e.getUrl().getValue()).isEqualTo("https://meet.example/gear");
        assertThat(e.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(e.getSequence().getValue()).isZero();
        assertThat(e.getDateTimeStamp()).isNotNull();
        assertThat(e.getOrganizer().getEmail()).isEqualTo("ann@board.example");
        assertThat(e.getAttendees()).extracting(Attendee::getEmail).contains("bo@college.example", "maria.lopez@gear.example");

        JsonNode cancelled = move(id, "cancel", 1, "{\"reason\":\"Rain\"}");
        VEvent after = parse(api.get("/appointments/" + id + ".ics", staffA)).getEvents().get(0);
        assertThat(after.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(after.getSequence().getValue()).as("SEQUENCE grows with the version").isEqualTo((int) cancelled.get("stamp").get("version").asLong() - 1);
        assertThat(after.getUid().getValue()).isEqualTo(e.getUid().getValue());
    }

    @Test
    void aViewersCalendarNamesContactsWithoutTheirEmail() throws Exception {
        String id = schedule("Viewer check", "2026-05-05").get("id").asText();
        HttpResponse<String> r = api.get("/appointments/" + id + ".ics", viewerA);
        VEvent e = parse(r).getEvents().get(0);
        assertThat(r.body()).doesNotContain("maria.lopez");
        assertThat(e.getAttendees()).extracting(Attendee::getCommonName).contains("Maria Lopez");
        assertThat(e.getAttendees()).filteredOn(at -> "Maria Lopez".equals(at.getCommonName())).singleElement()
                .satisfies(at -> assertThat(at.getUri()).isEqualTo("urn:uuid:" + contact));
        assertThat(e.getAttendees()).extracting(Attendee::getEmail).contains("bo@college.example");
        api.problem(api.get("/appointments/" + id + ".ics", null), 401);
    }

    private JsonNode newFeed(String token, String name) throws Exception {
        JsonNode feed = api.ok(api.send("POST", "/calendar-feeds", token, "{\"name\":\"" + name + "\"}"), 201);
        assertThat(feed.get("url").asText()).contains("/api/v1/calendar/scal_").endsWith(".ics");
        return feed;
    }

    @Test
    void aStaffFeedListsTheirAppointmentsUntilItsTokenIsRevoked() throws Exception {
        String mine = schedule("Feed check", inDays(3)).get("id").asText();
        JsonNode feed = newFeed(staffB, "Bo's phone");
        String url = feed.get("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());

        ICalendar ical = parse(api.get(url, null));
        assertThat(ical.getEvents()).extracting(e -> e.getUid().getValue()).contains(mine + "@crm.board.example");
        assertThat(ical.getExperimentalProperty("X-WR-CALNAME").getValue()).contains("Bo College");
        // Bo attends every appointment here; one he has nothing to do with stays out of his feed
        String others = api.ok(api.send("POST", "/appointments", staffA, "{\"employer\":\"" + employer + "\",\"organizerPartner\":\""
                + ann.partner().asString() + "\",\"organizer\":\"" + ann.id().asString() + "\",\"title\":\"Board only\",\"start\":\"" + inDays(4) + "T09:00:00\","
                + "\"end\":\"" + inDays(4) + "T10:00:00\",\"zone\":\"America/Chicago\",\"status\":\"SCHEDULED\"}"), 201).get("id").asText();
        assertThat(parse(api.get(url, null)).getEvents()).extracting(e -> e.getUid().getValue()).doesNotContain(others + "@crm.board.example");

        JsonNode listed = api.ok(api.get("/calendar-feeds", staffB), 200);
        assertThat(listed.get("feeds")).extracting(f -> f.get("id").asText()).contains(feed.get("id").asText());
        assertThat(listed.toString()).doesNotContain(token);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.db()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_sha256 FROM calendar_feeds")) {
            List<String> stored = new ArrayList<>();
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
            assertThat(stored).as("only the token's hash is stored").doesNotContain(token).allSatisfy(h -> assertThat(h).hasSize(64));
        }

        api.problem(api.send("DELETE", "/calendar-feeds/" + feed.get("id").asText(), staffA, null), 404);
        assertThat(api.get(url, null).statusCode()).as("someone else cannot revoke it").isEqualTo(200);
        assertThat(api.send("DELETE", "/calendar-feeds/" + feed.get("id").asText(), staffB, null).statusCode()).isEqualTo(204);
        api.problem(api.get(url, null), 404);
        api.problem(api.get("/calendar/scal_not-a-token.ics", null), 404);
        assertThat(api.ok(api.get("/calendar-feeds", staffB), 200).get("feeds")).isEmpty();
    }

    @Test
    void feedsEndWithTheirUserLikeEveryOtherCredential() throws Exception {
        StaffUser u = adminSession.reference().staffUsers().create(StaffUser.of(ann.partner(), "Feed Owner", "feed-owner@board.example", Role.STAFF));
        app.accounts().setPassword(u.id(), u.email().value(), "the feed owner's password".toCharArray());
        String token = app.accounts().issueToken(u.id(), "test");
        String url = newFeed(token, "laptop").get("url").asText();
        assertThat(api.get(url, null).statusCode()).isEqualTo(200);

        JsonNode read = api.ok(api.get("/staff-users/" + u.id().asString(), adminToken), 200);
        JsonNode off = api.ok(api.send("PUT", "/staff-users/" + u.id().asString(), adminToken, api.text(((ObjectNode) read).put("active", false)),
                "If-Match", "\"1\""), 200);
        api.ok(api.send("PUT", "/staff-users/" + u.id().asString(), adminToken, api.text(((ObjectNode) off).put("active", true)),
                "If-Match", "\"2\""), 200);
        api.problem(api.get(url, null), 404);

        // a password change revokes the feeds too: whoever knew the old password may have made one
        String cookie = api.send("POST", "/session", null, "{\"email\":\"feed-owner@board.example\",\"password\":\"the feed owner's password\"}")
                .headers().firstValue("Set-Cookie").orElseThrow();
        cookie = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> again = api.send("POST", "/calendar-feeds", null, "{\"name\":\"phone\"}", "Cookie", cookie);
        String second = api.ok(again, 201).get("url").asText();
        assertThat(api.get(second, null).statusCode()).isEqualTo(200);
        assertThat(api.send("PUT", "/staff-users/" + u.id().asString() + "/password", null,
                "{\"currentPassword\":\"the feed owner's password\",\"password\":\"a brand new long password\"}", "Cookie", cookie).statusCode())
                .isEqualTo(204);
        api.problem(api.get(second, null), 404);
    }

    @Test
    void aFeedRunsWithItsUsersRights() throws Exception {
        schedule("Viewer feed", inDays(5));
        // the viewer is no attendee: their feed is empty, but an appointment they attend shows without contact e-mail
        StaffUser viewer = app.user("vi@board.example");
        String body = "{\"employer\":\"" + employer + "\",\"organizerPartner\":\"" + ann.partner().asString() + "\",\"organizer\":\""
                + ann.id().asString() + "\",\"title\":\"With the viewer\",\"start\":\"" + inDays(6) + "T10:00:00\",\"end\":\"" + inDays(6) + "T11:00:00\","
                + "\"zone\":\"America/Chicago\",\"contacts\":[\"" + contact + "\"],\"staff\":[\"" + viewer.id().asString() + "\"],\"status\":\"SCHEDULED\"}";
        String id = api.ok(api.send("POST", "/appointments", staffA, body), 201).get("id").asText();
        String url = newFeed(viewerA, "viewer").get("url").asText();
        HttpResponse<String> r = api.get(url, null);
        assertThat(parse(r).getEvents()).extracting(e -> e.getUid().getValue()).containsExactly(id + "@crm.board.example");
        assertThat(r.body()).doesNotContain("maria.lopez");
    }
}
