package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;

/** The API's contract at its edges: paging cursors, enum values, and body validation that reports everything at once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiContractTest {
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String admin;
    private final List<String> employers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser user = app.initialise("correct horse battery staple".toCharArray(), "admin@board.example", false, 1);
        admin = app.accounts().issueToken(user.id(), "test");
        ApiServer server = app.start("127.0.0.1", 0);
        api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
        for (String name : List.of("Ashford Tooling", "Birchwood Bakery", "Cobalt Optics", "Dunmore Freight", "Elmstead Plastics")) {
            employers.add(api.ok(api.send("POST", "/employers", admin, "{\"legalName\":\"" + name + "\",\"status\":\"ACTIVE\"}"), 201).get("id").asText());
        }
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

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theCursorsOfAListPageThroughItExactly() throws Exception {
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = api.ok(api.get("/employers?limit=2" + (after == null ? "" : "&after=" + q(after)), admin), 200);
            page.get("items").forEach(e -> seen.add(e.get("id").asText()));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        List<String> inOnePage = new ArrayList<>();
        api.ok(api.get("/employers?limit=1000", admin), 200).get("items").forEach(e -> inOnePage.add(e.get("id").asText()));
        assertThat(seen).doesNotHaveDuplicates().containsAll(employers).containsExactlyElementsOf(inOnePage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "zzzzzzzz-zzzz", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "\u00e9t\u00e9",
            "!!!.!!!", "a.b", "."})
    void aBogusCursorIs400NamingTheParameter(String cursor) throws Exception {
        JsonNode p = api.problem(api.get("/employers?after=" + q(cursor), admin), 400);
        assertThat(p.get("errors").toString()).contains("after");
        assertThat(p.toString()).doesNotContain("Exception");
    }

    @Test
    void aTamperedCursorIs400() throws Exception {
        String next = api.ok(api.get("/employers?limit=2", admin), 200).get("next").asText();
        char last = next.charAt(next.length() - 1);
        String flipped = next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A');
        api.problem(api.get("/employers?after=" + q(flipped), admin), 400);
        String edited = (next.charAt(0) == 'A' ? 'B' : 'A') + next.substring(1);
        api.problem(api.get("/employers?after=" + q(edited), admin), 400);
        // The raw id of the last row read is not a cursor either: cursors are opaque.
        JsonNode first = api.ok(api.get("/employers?limit=2", admin), 200);
        api.problem(api.get("/employers?after=" + first.get("items").get(1).get("id").asText(), admin), 400);
    }

    @Test
    void aCursorBelongsToTheListThatIssuedIt() throws Exception {
        String next = api.ok(api.get("/employers?limit=2", admin), 200).get("next").asText();
        api.problem(api.get("/contacts?after=" + q(next), admin), 400);
        api.problem(api.get("/audit?after=" + q(next), admin), 400);
        api.problem(api.get("/search/employers?q=tooling&after=" + q(next), admin), 400);
    }

    private static List<String> fields(JsonNode problem) {
        List<String> f = new ArrayList<>();
        // "employer.establishments[0].address.zip": the record, then the JSON path in it
        problem.get("errors").forEach(e -> f.add(e.get("field").asText().split("\\.", 2)[1]));
        return f;
    }

    private static void noJavaNames(JsonNode problem) {
        assertThat(problem.toString()).doesNotContain("java.").doesNotContain("org.sectorcrm").doesNotContain("`").doesNotContain("Exception");
    }

    @Test
    void aBadEnumValueInTheQueryNamesTheParameterAndTheAllowedValues() throws Exception {
        JsonNode p = api.problem(api.get("/employers?status=SHUTTERED", admin), 400);
        assertThat(fields(p)).containsExactly("status");
        assertThat(p.get("errors").get(0).get("message").asText()).contains("ACTIVE").contains("SHUTTERED");
        noJavaNames(p);
        JsonNode report = api.problem(api.get("/reports/employers-by-region-sector?status=nope", admin), 400);
        assertThat(fields(report)).containsExactly("status");
        assertThat(report.get("errors").get(0).get("message").asText()).contains("ACTIVE");
        noJavaNames(report);
    }

    @Test
    void everyBadQueryParameterIsReportedAtOnce() throws Exception {
        JsonNode p = api.problem(api.get("/employers?status=SHUTTERED&colour=blue&fein=12-34", admin), 400);
        assertThat(fields(p)).containsExactlyInAnyOrder("status", "colour", "fein");
        noJavaNames(p);
    }

    @Test
    void aBadEnumValueInABodyNamesTheFieldAndTheAllowedValues() throws Exception {
        var r = api.get("/employers/" + employers.get(0), admin);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) api.ok(r, 200);
        body.put("status", "SHUTTERED");
        JsonNode p = api.problem(api.send("PUT", "/employers/" + employers.get(0), admin, body.toString(), "If-Match", etag), 400);
        assertThat(fields(p)).containsExactly("status");
        assertThat(p.get("errors").get(0).get("message").asText()).contains("ACTIVE").contains("SHUTTERED");
        noJavaNames(p);
    }

    @Test
    void aBodyWithSeveralBadFieldsListsThemAll() throws Exception {
        var r = api.get("/employers/" + employers.get(1), admin);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) api.ok(r, 200);
        body.put("fein", "12-34");
        body.put("legalName", "");
        body.put("employees", "many");
        body.put("status", "SHUTTERED");
        body.put("favouriteColour", "blue");
        body.putArray("establishments").addObject().put("name", "Main plant").put("primary", true).putObject("address").put("zip", "ABCDE");
        JsonNode p = api.problem(api.send("PUT", "/employers/" + employers.get(1), admin, body.toString(), "If-Match", etag), 400);
        assertThat(fields(p)).contains("fein", "legalName", "employees", "status", "favouriteColour", "establishments[0].address.zip");
        assertThat(fields(p)).doesNotHaveDuplicates();
        noJavaNames(p);
        // Nothing was written.
        assertThat(api.get("/employers/" + employers.get(1), admin).headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void missingRequiredFieldsAreNamedTogether() throws Exception {
        var r = api.get("/employers/" + employers.get(2), admin);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) api.ok(r, 200);
        body.remove("legalName");
        body.remove("status");
        body.put("fein", "nope");
        JsonNode p = api.problem(api.send("PUT", "/employers/" + employers.get(2), admin, body.toString(), "If-Match", etag), 400);
        assertThat(fields(p)).contains("legalName", "status", "fein");
    }

    @Test
    void aGoodBodyStillSaves() throws Exception {
        var r = api.get("/employers/" + employers.get(3), admin);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) api.ok(r, 200);
        body.put("employees", 40);
        assertThat(api.ok(api.send("PUT", "/employers/" + employers.get(3), admin, body.toString(), "If-Match", etag), 200).get("employees").asInt()).isEqualTo(40);
    }

    private static final String MERGE = "application/merge-patch+json";

    @Test
    void aMergePatchChangesOnlyTheFieldsItNames() throws Exception {
        String id = employers.get(4);
        var r = api.get("/employers/" + id, admin);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        JsonNode before = api.ok(r, 200);
        var patched = api.send("PATCH", "/employers/" + id, admin, "{\"employees\":77,\"website\":\"https://elmstead.example\",\"tags\":[\"plastics\"]}",
                "Content-Type", MERGE, "If-Match", etag);
        JsonNode after = api.ok(patched, 200);
        assertThat(after.get("employees").asInt()).isEqualTo(77);
        assertThat(after.get("website").asText()).isEqualTo("https://elmstead.example");
        assertThat(after.get("legalName").asText()).isEqualTo(before.get("legalName").asText());
        assertThat(after.get("status").asText()).isEqualTo(before.get("status").asText());
        String etag2 = patched.headers().firstValue("ETag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag);

        // null removes a member
        JsonNode removed = api.ok(api.send("PATCH", "/employers/" + id, admin, "{\"website\":null}", "Content-Type", MERGE, "If-Match", etag2), 200);
        assertThat(removed.path("website").isMissingNode() || removed.get("website").isNull()).isTrue();
        assertThat(removed.get("employees").asInt()).isEqualTo(77);

        // the stale version read first: 412, nothing changed
        api.problem(api.send("PATCH", "/employers/" + id, admin, "{\"employees\":1}", "Content-Type", MERGE, "If-Match", etag), 412);
        assertThat(api.ok(api.get("/employers/" + id, admin), 200).get("employees").asInt()).isEqualTo(77);
    }

    @Test
    void aMergePatchNeedsIfMatchItsMediaTypeAndValidFields() throws Exception {
        String id = employers.get(4);
        var r = api.get("/employers/" + id, admin);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        api.problem(api.send("PATCH", "/employers/" + id, admin, "{\"employees\":5}", "Content-Type", MERGE), 428);
        api.problem(api.send("PATCH", "/employers/" + id, admin, "{\"employees\":5}", "If-Match", etag), 415);
        JsonNode bad = api.problem(api.send("PATCH", "/employers/" + id, admin, "{\"employees\":\"many\",\"status\":\"GONE\",\"colour\":1}",
                "Content-Type", MERGE, "If-Match", etag), 400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("employees", "status", "colour");
        JsonNode moved = api.problem(api.send("PATCH", "/employers/" + id, admin, "{\"id\":\"" + employers.get(0) + "\"}",
                "Content-Type", MERGE, "If-Match", etag), 400);
        assertThat(fields(moved)).containsExactly("id");
        assertThat(api.get("/employers/" + id, admin).headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void theCursorsOfTheCombinedSearchPageOnInTheSearchOfTheirType() throws Exception {
        for (String name : List.of("Fenwick Quillmore Works", "Garnet Quillmore Works")) {
            api.ok(api.send("POST", "/employers", admin, "{\"legalName\":\"" + name + "\",\"status\":\"ACTIVE\"}"), 201);
        }
        JsonNode all = api.ok(api.get("/search?q=quillmore&limit=1", admin), 200);
        String next = all.get("employers").get("next").asText();
        JsonNode second = api.ok(api.get("/search/employers?q=quillmore&limit=1&after=" + q(next), admin), 200);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("id")).isNotEqualTo(all.get("employers").get("items").get(0).get("id"));
        api.problem(api.get("/search/contacts?q=quillmore&after=" + q(next), admin), 400);
    }
}
