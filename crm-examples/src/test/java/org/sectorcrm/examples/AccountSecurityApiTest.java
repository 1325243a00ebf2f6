package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.SecurityHeaders;

/**
 * The account-management holes of the security review (issue 8), each over real HTTP: partners of staff users,
 * deleting and disabling across partners, credentials that outlive their user, the login store, throttling by account
 * and address, the password policy, API tokens, referrals and the security headers. The server trusts a proxy's
 * X-Forwarded-* headers here, so tests can speak from several client addresses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountSecurityApiTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private CrmApplication app;
    private String base;
    private StaffUser admin;
    private StaffUser boardStaff;
    private StaffUser collegeManager;
    private Partner college;
    private String adminToken;
    private String boardStaffToken;
    private String collegeManagerToken;
    private CrmSession root;

    TestDatabases.Database database() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void start() {
        database = database();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        admin = app.initialise(ADMIN_PASSWORD.toCharArray(), "admin@board.example", false, 1);
        root = app.crm().as(admin);
        college = root.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        boardStaff = root.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        collegeManager = root.reference().staffUsers().create(StaffUser.of(college.id(), "Mo College", "mo@college.example", Role.MANAGER));
        adminToken = app.accounts().issueToken(admin.id(), "test");
        boardStaffToken = app.accounts().issueToken(boardStaff.id(), "test");
        collegeManagerToken = app.accounts().issueToken(collegeManager.id(), "test");
        ApiServer server = app.start("127.0.0.1", 0, ApiServer.DEFAULT_UID_DOMAIN, true);
        base = "http://127.0.0.1:" + server.port() + "/api/v1";
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

    private HttpResponse<String> send(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> r) throws Exception {
        return json.readTree(r.body());
    }

    private void assertProblem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    private StaffUser userWithPassword(String email, String password) {
        StaffUser u = root.reference().staffUsers().create(StaffUser.of(admin.partner(), "Test " + email, email, Role.STAFF));
        app.accounts().setPassword(u.id(), u.email().value(), password.toCharArray());
        return u;
    }

    private HttpResponse<String> login(String email, String password, String from) throws Exception {
        return send("POST", "/session", null, json.writeValueAsString(Map.of("email", email, "password", password)), "X-Forwarded-For", from);
    }

    private static String cookieOf(HttpResponse<String> login) {
        String c = login.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private HttpResponse<String> edit(String token, StaffUser u, Consumer<ObjectNode> change) throws Exception {
        var read = send("GET", "/staff-users/" + u.id().asString(), adminToken, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        ObjectNode node = (ObjectNode) body(read);
        change.accept(node);
        return send("PUT", "/staff-users/" + u.id().asString(), token, json.writeValueAsString(node), "If-Match", read.headers().firstValue("ETag").orElseThrow());
    }

    private HttpResponse<String> delete(String token, StaffUser u) throws Exception {
        var read = send("GET", "/staff-users/" + u.id().asString(), adminToken, null);
        return send("DELETE", "/staff-users/" + u.id().asString(), token, null, "If-Match", read.headers().firstValue("ETag").orElse("\"1\""));
    }

    private long rows(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(app.storage().accountsJdbcUrl()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void noAdminMovesAStaffUserOrThemselfToAnotherPartner() throws Exception {
        assertProblem(edit(adminToken, admin, n -> n.put("partner", college.id().asString())), 400);
        assertProblem(edit(adminToken, boardStaff, n -> n.put("partner", college.id().asString())), 400);
        assertThat(body(send("GET", "/me", adminToken, null)).get("partner").asText()).isEqualTo(admin.partner().asString());
        assertThat(root.reference().staffUsers().get(boardStaff.id()).partner()).isEqualTo(admin.partner());
    }

    @Test
    void aManagerOfAnotherPartnerDeletesNeitherItsStaffNorAnAdmin() throws Exception {
        StaffUser victim = userWithPassword("victim@board.example", "the victim's own password");
        assertProblem(delete(collegeManagerToken, victim), 403);
        assertProblem(delete(collegeManagerToken, admin), 403);
        assertProblem(edit(collegeManagerToken, victim, n -> n.put("active", false)), 403);
        assertProblem(delete(adminToken, admin), 400); // not oneself, and never the last active ADMIN
        assertThat(root.reference().staffUsers().find(victim.id())).isPresent();
        assertThat(root.reference().staffUsers().get(admin.id()).active()).isTrue();
    }

    @Test
    void theServerAssignsStaffUserIds() throws Exception {
        String chosen = "0190a6b0-0000-7000-8000-00000000abcd";
        var r = send("POST", "/staff-users", adminToken, "{\"id\":\"" + chosen + "\",\"partner\":\"" + admin.partner().asString()
                + "\",\"name\":\"Chosen\",\"email\":\"chosen@board.example\",\"role\":\"STAFF\",\"active\":true}");
        assertProblem(r, 400);
        assertThat(body(r).toString()).contains("assigned by the server");
    }

    @Test
    void deletingAUserRevokesEveryCredentialAndARecreatedIdOpensNothing() throws Exception {
        StaffUser u = userWithPassword("leaver@board.example", "the leaver's own password");
        String session = cookieOf(login("leaver@board.example", "the leaver's own password", "192.0.2.10"));
        String token = app.accounts().issueToken(u.id(), "sync");
        var feed = send("POST", "/calendar-feeds", token, "{\"name\":\"phone\"}");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(201);
        String feedPath = URI.create(body(feed).get("url").asText()).getPath().substring("/api/v1".length());
        assertThat(send("GET", feedPath, null, null).statusCode()).isEqualTo(200);

        var deleted = delete(adminToken, u);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertProblem(send("GET", "/me", token, null), 401);
        assertProblem(send("GET", "/me", null, null, "Cookie", session), 401);
        assertProblem(send("GET", feedPath, null, null), 404);
        String id = u.id().asString();
        assertThat(rows("SELECT COUNT(*) FROM api_tokens WHERE user_id = '" + id + "'")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM login_sessions WHERE user_id = '" + id + "'")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM calendar_feeds WHERE user_id = '" + id + "'")).isZero();

        // An embedder (or a restore) deletes and re-creates a user with the same id without the server: the old
        // credentials are bound to the old record and open nothing of the new one.
        StaffUser v = userWithPassword("twin@board.example", "the twin's own password");
        String old = app.accounts().issueToken(v.id(), "sync");
        assertThat(send("GET", "/me", old, null).statusCode()).isEqualTo(200); // binds it
        root.reference().staffUsers().delete(v.id(), v.version());
        StaffUser again = root.reference().staffUsers().create(StaffUser.of(admin.partner(), "Twin", "twin2@board.example", Role.ADMIN).withId(v.id()));
        assertThat(again.id()).isEqualTo(v.id());
        assertProblem(send("GET", "/me", old, null), 401);
    }

    @Test
    void disablingAUserRevokesEveryCredential() throws Exception {
        StaffUser u = userWithPassword("paused@board.example", "the paused user's password");
        String token = app.accounts().issueToken(u.id(), "sync");
        assertThat(send("POST", "/calendar-feeds", token, "{\"name\":\"phone\"}").statusCode()).isEqualTo(201);
        assertThat(edit(adminToken, u, n -> n.put("active", false)).statusCode()).isEqualTo(200);
        String id = u.id().asString();
        assertThat(rows("SELECT COUNT(*) FROM api_tokens WHERE user_id = '" + id + "'")).isZero();
        assertThat(rows("SELECT COUNT(*) FROM calendar_feeds WHERE user_id = '" + id + "'")).isZero();
    }

    @Test
    void failedLoginsStoreNeitherTheEmailNorAnythingLarge() throws Exception {
        String huge = "x".repeat(400_000) + "@example.org";
        assertProblem(login(huge, "whatever whatever", "192.0.2.20"), 400);
        assertProblem(send("POST", "/session", null, json.writeValueAsString(Map.of("email", "a@example.org", "password", "p".repeat(5000)))), 400);
        long before = rows("SELECT COUNT(*) FROM login_attempts");
        assertProblem(login("nobody-in-particular@example.org", "not the password at all", "192.0.2.20"), 401);
        assertThat(rows("SELECT COUNT(*) FROM login_attempts")).isEqualTo(before + 1);
        assertThat(rows("SELECT COUNT(*) FROM login_attempts WHERE account LIKE '%nobody%' OR address LIKE '%192.0.2%'")).isZero();
        assertThat(rows("SELECT MAX(LENGTH(account)) FROM login_attempts")).isEqualTo(64);
    }

    @Test
    void theCurrentPasswordCheckOfAPasswordChangeIsThrottledLikeALogin() throws Exception {
        StaffUser u = userWithPassword("changer@board.example", "the changer's first password");
        String token = app.accounts().issueToken(u.id(), "sync");
        String path = "/staff-users/" + u.id().asString() + "/password";
        for (int i = 0; i < 5; i++) {
            assertProblem(send("PUT", path, token, "{\"currentPassword\":\"guess number " + i + " here\",\"password\":\"a brand new long password\"}"), 403);
        }
        var throttled = send("PUT", path, token, "{\"currentPassword\":\"the changer's first password\",\"password\":\"a brand new long password\"}");
        assertProblem(throttled, 429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aStrangersGuessesDoNotLockTheRealUserOut() throws Exception {
        userWithPassword("boss@board.example", "the boss's own long password");
        assertThat(login("boss@board.example", "the boss's own long password", "198.51.100.7").statusCode()).isEqualTo(200);
        List<Integer> stranger = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // many addresses too: the account-wide back-off starts, but not for the address the boss logs in from
            stranger.add(login("boss@board.example", "guess " + i + " of the stranger", "203.0.113." + (i % 7)).statusCode());
        }
        assertThat(stranger).contains(429).doesNotContain(200);
        assertThat(login("boss@board.example", "the boss's own long password", "203.0.113.1").statusCode())
                .as("the stranger's address stays locked even with the right password").isEqualTo(429);
        var boss = login("boss@board.example", "the boss's own long password", "198.51.100.7");
        assertThat(boss.statusCode()).as(boss.body()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsSecureWhenTheTrustedProxySaysHttps() throws Exception {
        userWithPassword("cookie@board.example", "the cookie user's password");
        String body = json.writeValueAsString(Map.of("email", "cookie@board.example", "password", "the cookie user's password"));
        String plain = send("POST", "/session", null, body).headers().firstValue("Set-Cookie").orElseThrow();
        String tls = send("POST", "/session", null, body, "X-Forwarded-Proto", "https").headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(plain).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        assertThat(tls).contains("HttpOnly").contains("SameSite=Strict").contains("; Secure");
    }

    @Test
    void newPasswordsFollowNistRules() throws Exception {
        StaffUser u = userWithPassword("rules@board.example", "the rule follower's password");
        String token = app.accounts().issueToken(u.id(), "sync");
        String path = "/staff-users/" + u.id().asString() + "/password";
        // as JSON string contents: the escapes reach the server as the characters they name (a lone surrogate cannot be sent raw)
        for (String bad : List.of("short one", "1qaz2wsx3edc4rfv", "rules@board.example", "the rule follower's password", "nul\\u0000in the middle here",
                "lone \\ud800 surrogate here")) {
            var r = send("PUT", path, token, "{\"currentPassword\":\"the rule follower's password\",\"password\":\"" + bad + "\"}");
            assertProblem(r, 400);
            assertThat(body(r).get("errors").get(0).get("field").asText()).as(bad).contains("password");
        }
        // a lone surrogate is not the '?' it would become in UTF-8
        StaffUser q = userWithPassword("question@board.example", "a?b a question mark password");
        assertProblem(send("POST", "/session", null, "{\"email\":\"question@board.example\",\"password\":\"a\\ud800b a question mark password\"}",
                "X-Forwarded-For", "192.0.2.30"), 401);
        assertThat(login("question@board.example", "a?b a question mark password", "192.0.2.30").statusCode()).isEqualTo(200);
        assertThat(q.id()).isNotNull();
    }

    @Test
    void tokensAreNamedListedCappedExpiringAndRevokedOneByOne() throws Exception {
        StaffUser u = userWithPassword("integrator@board.example", "the integrator's password");
        String token = app.accounts().issueToken(u.id(), "bootstrap");
        assertProblem(send("POST", "/tokens", token, "{\"name\":\"too strong\",\"role\":\"ADMIN\"}"), 400);
        assertProblem(send("POST", "/tokens", token, "{\"name\":\"stale\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400);
        var issued = send("POST", "/tokens", token, "{\"name\":\"reports\",\"role\":\"VIEWER\",\"expiresAt\":\""
                + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String viewer = body(issued).get("token").asText();
        String viewerId = body(issued).get("info").get("id").asText();
        assertThat(body(send("GET", "/me", viewer, null)).get("role").asText()).isEqualTo("VIEWER");
        assertProblem(send("POST", "/employers", viewer, "{\"legalName\":\"Viewer Works\",\"status\":\"ACTIVE\",\"naics\":\"333514\"}"), 403);
        assertProblem(send("POST", "/tokens", viewer, "{\"name\":\"escalate\",\"role\":\"STAFF\"}"), 400);
        var fromViewer = send("POST", "/tokens", viewer, "{\"name\":\"same\"}");
        assertThat(body(fromViewer).get("info").get("role").asText()).as("a capped token mints only capped tokens").isEqualTo("VIEWER");

        var list = send("GET", "/tokens", token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(body(list).get("items").findValuesAsText("name")).containsExactly("bootstrap", "reports", "same");
        assertThat(list.body()).doesNotContain(viewer);
        assertProblem(send("DELETE", "/tokens/" + viewerId, boardStaffToken, null), 404); // not someone else's
        assertThat(send("DELETE", "/tokens/" + viewerId, token, null).statusCode()).isEqualTo(204);
        assertProblem(send("GET", "/me", viewer, null), 401);
        assertThat(send("GET", "/me", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aSenderCreatesOnlySentReferralsFromItsOwnStaff() throws Exception {
        var employer = send("POST", "/employers", boardStaffToken, "{\"legalName\":\"Referral Works\",\"status\":\"ACTIVE\",\"naics\":\"333514\"}");
        String employerId = body(employer).get("id").asText();
        String template = "{\"fromPartner\":\"" + admin.partner().asString() + "\",\"fromStaff\":\"%s\",\"toPartner\":\"" + college.id().asString()
                + "\",\"employer\":\"" + employerId + "\",\"requestedService\":\"Training\",\"status\":\"%s\",\"sentOn\":\"2026-12-02\",\"followUps\":[]}";
        assertProblem(send("POST", "/referrals", boardStaffToken, String.format(template, boardStaff.id().asString(), "ACCEPTED")), 400);
        assertProblem(send("POST", "/referrals", boardStaffToken, String.format(template, collegeManager.id().asString(), "SENT")), 400);
        assertThat(send("POST", "/referrals", boardStaffToken, String.format(template, boardStaff.id().asString(), "SENT")).statusCode()).isEqualTo(201);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        var data = send("GET", "/employers", boardStaffToken, null);
        assertThat(data.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(data.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(data.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(data.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p -> assertThat(p).contains("frame-ancestors 'none'"));
        var unauthorized = send("GET", "/employers", null, null);
        assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        var page = http.send(HttpRequest.newBuilder(URI.create(base.replace("/api/v1", "/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.HTML_POLICY);
        assertThat(SecurityHeaders.HTML_POLICY).doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
