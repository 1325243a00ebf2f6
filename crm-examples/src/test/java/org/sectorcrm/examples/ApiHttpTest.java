package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.Route;

/** The REST API over real HTTP against a running server on a SQLite file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHttpTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiServer server;
    private String base;
    private String staffA;
    private String staffB;
    private String viewerA;
    private String adminToken;
    private org.sectorcrm.core.CrmSession adminSession;

    /** The database the suite runs on; a subclass runs the same suite on another engine. */
    TestDatabases.Database database() {
        return TestDatabases.sqlite();
    }

    @BeforeAll
    void start() {
        database = database();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise(ADMIN_PASSWORD.toCharArray(), "admin@board.example", false, 1);
        adminSession = app.crm().as(admin);
        adminToken = app.accounts().issueToken(admin.id(), "test");
        Partner college = adminSession.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        StaffUser a = adminSession.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        StaffUser b = adminSession.reference().staffUsers().create(StaffUser.of(college.id(), "Bo College", "bo@college.example", Role.STAFF));
        StaffUser v = adminSession.reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
        staffA = app.accounts().issueToken(a.id(), "test");
        staffB = app.accounts().issueToken(b.id(), "test");
        viewerA = app.accounts().issueToken(v.id(), "test");
        server = app.start("127.0.0.1", 0);
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
        if (body != null && !java.util.Arrays.asList(headers).contains("Content-Type")) {
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
        assertThat(body(r).get("status").asInt()).isEqualTo(status);
    }

    private JsonNode createEmployer(String name) throws Exception {
        var r = send("POST", "/employers", staffA, "{\"legalName\":\"" + name + "\",\"status\":\"ACTIVE\",\"naics\":\"333514\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("ETag")).hasValue("\"1\"");
        return body(r);
    }

    @Test
    void creatingALikelyDuplicateAnswers409WithTheCandidatesUnlessTheClientSaysCreateAnyway() throws Exception {
        String acme = "{\"legalName\":\"Acme Tool & Die, Inc.\",\"status\":\"ACTIVE\",\"fein\":\"36-1234567\"}";
        String again = "{\"legalName\":\"ACME TOOL AND DIE\",\"status\":\"ACTIVE\",\"fein\":\"361234567\"}";
        var first = send("POST", "/employers", staffA, acme);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var refused = send("POST", "/employers", staffA, again);
        assertProblem(refused, 409);
        JsonNode candidate = body(refused).get("candidates").get(0);
        assertThat(candidate.get("id").asText()).isEqualTo(body(first).get("id").asText());
        assertThat(candidate.get("reasons").toString()).contains("same FEIN");
        assertProblem(send("POST", "/employers?createAnyway=maybe", staffA, again), 400);
        // The FEIN is unique: create anyway still stops at the store's rule, as a plain 409 without candidates.
        var anyway = send("POST", "/employers?createAnyway=true", staffA, "{\"legalName\":\"ACME TOOL AND DIE\",\"status\":\"ACTIVE\"}");
        assertThat(anyway.statusCode()).as(anyway.body()).isEqualTo(201);
    }

    @Test
    void thePrintedUrlAnswersWithAPageThatLeadsToTheApi() throws Exception {
        // signed out, the printed URL sends the browser to the sign-in page, which also points integrators at the API
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base.replace("/api/v1", "/"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isIn(302, 303);
        String to = home.headers().firstValue("Location").orElseThrow();
        assertThat(to).startsWith("/login");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base.replace("/api/v1", "") + to)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(r.body()).contains("href=\"/api/v1/openapi.json\"");
        assertThat(send("GET", "/openapi.json", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void everyEndpointNeedsAuthentication() throws Exception {
        assertProblem(send("GET", "/employers", null, null), 401);
        assertProblem(send("GET", "/employers", "scrm_not-a-token", null), 401);
        assertProblem(send("GET", "/employers", null, null, "Authorization", "Basic YWRtaW46YWRtaW4="), 401);
        for (Route route : server.routes()) {
            if (!route.open()) {
                String path = route.path().replace("{id}", "0190a6b0-0000-7000-8000-000000000000").substring("/api/v1".length());
                var r = send(route.method().name(), path, null, route.requestBody() == null ? null : "{}");
                assertProblem(r, 401);
            }
        }
    }

    @Test
    void loginSetsAHardenedCookieAndIssuesTokens() throws Exception {
        var wrong = send("POST", "/session", null, "{\"email\":\"admin@board.example\",\"password\":\"not the password\"}");
        assertProblem(wrong, 401);
        var ok = send("POST", "/session", null, "{\"email\":\"admin@board.example\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(ApiServer.SESSION_COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        var me = send("GET", "/me", null, null, "Cookie", session);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("role").asText()).isEqualTo("ADMIN");

        var issued = send("POST", "/tokens", null, "{\"name\":\"nightly sync\"}", "Cookie", session);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = body(issued).get("token").asText();
        assertThat(token).startsWith("scrm_").hasSizeGreaterThan(40);
        assertThat(send("GET", "/employers", token, null).statusCode()).isEqualTo(200);

        assertThat(send("DELETE", "/session", null, null, "Cookie", session).statusCode()).isEqualTo(204);
        assertProblem(send("GET", "/me", null, null, "Cookie", session), 401);
        assertThat(send("GET", "/me", token, null).statusCode()).as("the token outlives the session").isEqualTo(200);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() throws Exception {
        String bad = "{\"email\":\"nobody@board.example\",\"password\":\"wrong wrong wrong\"}";
        for (int i = 0; i < 5; i++) {
            assertProblem(send("POST", "/session", null, bad), 401);
        }
        var throttled = send("POST", "/session", null, bad);
        assertProblem(throttled, 429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anotherPartnersStaffCannotReadPartnerOrPrivateNotes() throws Exception {
        JsonNode employer = createEmployer("Rockford Precision Gear");
        JsonNode me = body(send("GET", "/me", staffA, null));
        String engagementBody = "{\"employer\":\"" + employer.get("id").asText() + "\",\"partner\":\"" + me.get("partner").asText()
                + "\",\"staff\":\"" + me.get("user").asText() + "\",\"date\":\"2026-03-02\",\"channel\":\"SITE_VISIT\","
                + "\"staffAssisted\":true,\"summary\":\"Plant tour\"}";
        var created = send("POST", "/engagements", staffA, engagementBody);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asText();
        long version = 1;
        for (String visibility : new String[] {"SHARED", "PARTNER", "PRIVATE"}) {
            var r = send("POST", "/engagements/" + id + "/notes", staffA, "{\"visibility\":\"" + visibility + "\",\"text\":\"" + visibility + " note\"}",
                    "If-Match", "\"" + version + "\"");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            version++;
        }
        assertThat(texts(body(send("GET", "/engagements/" + id, staffA, null)))).containsExactlyInAnyOrder("SHARED note", "PARTNER note", "PRIVATE note");
        assertThat(texts(body(send("GET", "/engagements/" + id, staffB, null)))).containsExactly("SHARED note");
        assertThat(texts(body(send("GET", "/engagements/" + id, viewerA, null)))).containsExactlyInAnyOrder("SHARED note", "PARTNER note");
        JsonNode listed = body(send("GET", "/engagements?employer=" + employer.get("id").asText(), staffB, null));
        assertThat(listed.get("items")).hasSize(1);
        assertThat(texts(listed.get("items").get(0))).containsExactly("SHARED note");
        assertThat(send("GET", "/search?q=private", staffB, null).body()).doesNotContain("PRIVATE note");
    }

    private static Set<String> texts(JsonNode engagement) {
        Set<String> out = new HashSet<>();
        engagement.get("notes").forEach(n -> out.add(n.get("text").asText()));
        return out;
    }

    @Test
    void aViewerSeesMaskedPii() throws Exception {
        JsonNode employer = createEmployer("Belvidere Castings");
        var created = send("POST", "/contacts", staffA, "{\"employer\":\"" + employer.get("id").asText()
                + "\",\"firstName\":\"Maria\",\"lastName\":\"Lopez\",\"email\":\"maria.lopez@castings.example\",\"active\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asText();
        JsonNode clear = body(send("GET", "/contacts/" + id, staffA, null));
        assertThat(clear.get("email").asText()).isEqualTo("maria.lopez@castings.example");
        var viewed = send("GET", "/contacts/" + id, viewerA, null);
        assertThat(viewed.statusCode()).isEqualTo(200);
        JsonNode masked = body(viewed);
        // one shape for reads and writes: the record's own e-mail is null, the masked value is in the read-only marker
        assertThat(clear.has("masked")).isFalse();
        assertThat(masked.hasNonNull("email")).isFalse();
        assertThat(masked.get("masked").get("email").asText()).contains("***").doesNotContain("maria.lopez");
        assertThat(viewed.body()).doesNotContain("maria.lopez");
        assertProblem(send("POST", "/contacts", viewerA, "{\"employer\":\"" + employer.get("id").asText()
                + "\",\"firstName\":\"No\",\"lastName\":\"Write\",\"active\":true}"), 403);
    }

    @Test
    void aStaleIfMatchGets412AndChangesNothing() throws Exception {
        JsonNode employer = createEmployer("Freeport Plastics");
        String id = employer.get("id").asText();
        String renamed = json.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) employer.deepCopy()).put("legalName", "Freeport Plastics LLC"));
        var first = send("PUT", "/employers/" + id, staffA, renamed, "If-Match", "\"1\"");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"2\"");
        String again = json.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) employer.deepCopy()).put("legalName", "Overwritten Inc"));
        assertProblem(send("PUT", "/employers/" + id, staffA, again, "If-Match", "\"1\""), 412);
        assertProblem(send("PUT", "/employers/" + id, staffA, again), 428);
        assertProblem(send("DELETE", "/employers/" + id, staffA, null, "If-Match", "\"1\""), 412);
        var now = send("GET", "/employers/" + id, staffA, null);
        assertThat(body(now).get("legalName").asText()).isEqualTo("Freeport Plastics LLC");
        assertThat(now.headers().firstValue("ETag")).hasValue("\"2\"");
    }

    @Test
    void malformedJsonAndWrongTypesGetProblemJsonNeverA500() throws Exception {
        assertProblem(send("POST", "/employers", staffA, "{\"legalName\": "), 400);
        assertProblem(send("POST", "/employers", staffA, "[1,2]"), 400);
        assertProblem(send("POST", "/employers", staffA, "{\"legalName\":\"X Corp\",\"status\":\"ACTIVE\",\"employees\":\"many\"}"), 400);
        assertProblem(send("POST", "/employers", staffA, "{\"legalName\":\"X Corp\",\"status\":\"NOT_A_STATUS\"}"), 400);
        assertProblem(send("POST", "/employers", staffA, "{\"legalName\":\"X Corp\",\"status\":\"ACTIVE\",\"surprise\":1}"), 400);
        var badFein = send("POST", "/employers", staffA, "{\"legalName\":\"X Corp\",\"status\":\"ACTIVE\",\"fein\":\"07-1234567\"}");
        assertProblem(badFein, 400);
        assertThat(body(badFein).get("errors").get(0).get("field").asText()).contains("fein");
        var missing = send("POST", "/employers", staffA, "{\"status\":\"ACTIVE\"}");
        assertProblem(missing, 400);
        assertThat(body(missing).get("errors").toString()).contains("legalName");
        assertProblem(send("GET", "/employers?limit=lots", staffA, null), 400);
        assertProblem(send("GET", "/employers?status=NOPE", staffA, null), 400);
        assertProblem(send("GET", "/employers?nonsense=1", staffA, null), 400);
        assertProblem(send("GET", "/employers/not-a-uuid", staffA, null), 400);
        assertProblem(send("GET", "/employers/0190a6b0-0000-7000-8000-000000000000", staffA, null), 404);
        assertProblem(send("GET", "/no-such-endpoint", staffA, null), 404);
        assertProblem(send("POST", "/employers", staffA, "legalName=X", "Content-Type", "text/plain"), 415);
    }

    @Test
    void listsArePagedByKeyset() throws Exception {
        for (int i = 0; i < 5; i++) {
            createEmployer("Paged Employer " + i);
        }
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = body(send("GET", "/employers?tag=&limit=2" + (after == null ? "" : "&after=" + after), staffA, null));
            page.get("items").forEach(e -> assertThat(seen.add(e.get("id").asText())).isTrue());
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null);
        assertThat(seen.size()).isGreaterThanOrEqualTo(5);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theOpenApiDocumentDescribesEveryRegisteredRoute() throws Exception {
        var r = send("GET", "/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = body(r);
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        for (Route route : server.routes()) {
            JsonNode op = doc.get("paths").path(route.path()).path(route.method().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(op.isMissingNode()).as(route.method() + " " + route.path()).isFalse();
        }
        int documented = 0;
        for (JsonNode item : doc.get("paths")) {
            documented += item.size();
        }
        assertThat(documented).isEqualTo(server.routes().size());
        assertThat(doc.get("components").get("schemas").get("Employer").get("properties").has("legalName")).isTrue();
    }

    // ---------------------------------------------------------------- security review fixes

    /** A fresh STAFF user of the board with a password, so tests that change accounts do not disturb each other. */
    private StaffUser userWithPassword(String email, String password) {
        StaffUser u = adminSession.reference().staffUsers().create(StaffUser.of(adminSession.actor().partner(), "Test " + email, email, Role.STAFF));
        app.accounts().setPassword(u.id(), u.email().value(), password.toCharArray());
        return u;
    }

    private HttpResponse<String> login(String email, String password) throws Exception {
        return send("POST", "/session", null, json.writeValueAsString(java.util.Map.of("email", email, "password", password)));
    }

    private static String cookieOf(HttpResponse<String> login) {
        String c = login.headers().firstValue("Set-Cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    /** Replaces a staff user through the API, as an admin would, after {@code change} edits the JSON read. */
    private HttpResponse<String> editStaffUser(StaffUser u, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change)
            throws Exception {
        var read = send("GET", "/staff-users/" + u.id().asString(), adminToken, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) body(read);
        change.accept(node);
        return send("PUT", "/staff-users/" + u.id().asString(), adminToken, json.writeValueAsString(node),
                "If-Match", read.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void anAdminCannotSetAnotherUsersPasswordOverTheApi() throws Exception {
        StaffUser u = userWithPassword("pw-victim@board.example", "the victim's own password");
        var r = send("PUT", "/staff-users/" + u.id().asString() + "/password", adminToken,
                "{\"currentPassword\":\"whatever whatever\",\"password\":\"the admin's chosen one\"}");
        assertProblem(r, 403);
        assertProblem(login("pw-victim@board.example", "the admin's chosen one"), 401);
        assertThat(login("pw-victim@board.example", "the victim's own password").statusCode()).isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOneAndOtherCredentialsEnd() throws Exception {
        StaffUser u = userWithPassword("pw-self@board.example", "the first long password");
        String here = cookieOf(login("pw-self@board.example", "the first long password"));
        String elsewhere = cookieOf(login("pw-self@board.example", "the first long password"));
        String token = app.accounts().issueToken(u.id(), "sync");
        String path = "/staff-users/" + u.id().asString() + "/password";

        assertProblem(send("PUT", path, null, "{\"password\":\"the second long password\"}", "Cookie", here), 400);
        assertProblem(send("PUT", path, null, "{\"currentPassword\":\"not my password\",\"password\":\"the second long password\"}",
                "Cookie", here), 403);
        var ok = send("PUT", path, null, "{\"currentPassword\":\"the first long password\",\"password\":\"the second long password\"}",
                "Cookie", here);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);

        assertThat(send("GET", "/me", null, null, "Cookie", here).statusCode()).as("the session that changed it stays").isEqualTo(200);
        assertProblem(send("GET", "/me", null, null, "Cookie", elsewhere), 401);
        assertProblem(send("GET", "/me", token, null), 401);
        assertProblem(login("pw-self@board.example", "the first long password"), 401);
        assertThat(login("pw-self@board.example", "the second long password").statusCode()).isEqualTo(200);
    }

    @Test
    void parallelWrongLoginsAreThrottledToo() throws Exception {
        userWithPassword("pw-parallel@board.example", "the right password here");
        String bad = "{\"email\":\"pw-parallel@board.example\",\"password\":\"wrong wrong wrong\"}";
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/session")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bad)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int unauthorized = 0;
        int throttled = 0;
        for (var f : all) {
            int status = f.get().statusCode();
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                throttled++;
            }
        }
        assertThat(unauthorized).as("attempts evaluated").isLessThanOrEqualTo(5);
        assertThat(unauthorized + throttled).isEqualTo(16);
        assertProblem(login("pw-parallel@board.example", "the right password here"), 429);
    }

    @Test
    void disablingAUserOverTheApiRevokesTheirSessionsAndTokensForGood() throws Exception {
        StaffUser u = userWithPassword("pw-disabled@board.example", "a password to disable");
        String session = cookieOf(login("pw-disabled@board.example", "a password to disable"));
        String token = app.accounts().issueToken(u.id(), "sync");
        var off = editStaffUser(u, n -> n.put("active", false));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        var on = editStaffUser(u, n -> n.put("active", true));
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertProblem(send("GET", "/me", token, null), 401);
        assertProblem(send("GET", "/me", null, null, "Cookie", session), 401);
    }

    @Test
    void aDisabledAccountAnswersLikeAWrongPassword() throws Exception {
        StaffUser u = userWithPassword("pw-off@board.example", "the right password here");
        assertThat(editStaffUser(u, n -> n.put("active", false)).statusCode()).isEqualTo(200);
        var right = login("pw-off@board.example", "the right password here");
        var wrong = login("pw-off@board.example", "a wrong password here");
        assertProblem(right, 401);
        assertProblem(wrong, 401);
        assertThat(body(right).get("detail")).isEqualTo(body(wrong).get("detail"));
    }

    @Test
    void anEmailChangeTakesEffectForLoginAndTheOldAddressOpensNothing() throws Exception {
        StaffUser u = userWithPassword("pw-old@board.example", "the mover's password");
        var moved = editStaffUser(u, n -> n.put("email", "pw-new@board.example"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertProblem(login("pw-old@board.example", "the mover's password"), 401);
        assertThat(login("pw-new@board.example", "the mover's password").statusCode()).isEqualTo(200);

        // someone else now gets the old address and a password: the first user's credential must survive
        userWithPassword("pw-old@board.example", "the newcomer's password");
        assertThat(login("pw-new@board.example", "the mover's password").statusCode()).isEqualTo(200);
        assertThat(login("pw-old@board.example", "the newcomer's password").statusCode()).isEqualTo(200);
    }

    @Test
    void bodiesMustBeDeclaredJson() throws Exception {
        String employer = "{\"legalName\":\"Csrf Works\",\"status\":\"ACTIVE\",\"naics\":\"333514\"}";
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/employers")).header("Authorization", "Bearer " + staffA)
                .POST(HttpRequest.BodyPublishers.ofString(employer)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(none, 415);
        assertProblem(send("POST", "/employers", staffA, employer, "Content-Type", "text/plain; a=json"), 415);
        assertProblem(send("POST", "/employers", staffA, employer, "Content-Type", "text/json"), 415);
        assertThat(send("POST", "/employers", staffA, employer, "Content-Type", "application/json; charset=utf-8").statusCode()).isEqualTo(201);
    }
}
