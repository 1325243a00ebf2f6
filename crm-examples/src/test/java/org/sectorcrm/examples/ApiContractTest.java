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
        assertThat(seen).containsExactlyInAnyOrderElementsOf(employers);
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
}
