package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.server.Route;

/** The routes every type gets from its descriptor, the field history of a record, and the search paged per type. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryAndSearchApiTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiServer server;
    private ApiClient api;
    private StaffUser ann;
    private String adminToken;
    private String staffA;
    private String staffB;
    private String viewerA;

    @BeforeAll
    void start() {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise(ADMIN_PASSWORD.toCharArray(), "admin@board.example", false, 1);
        var adminSession = app.crm().as(admin);
        adminToken = app.accounts().issueToken(admin.id(), "test");
        Partner college = adminSession.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        ann = adminSession.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        StaffUser bo = adminSession.reference().staffUsers().create(StaffUser.of(college.id(), "Bo College", "bo@college.example", Role.STAFF));
        StaffUser vi = adminSession.reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
        staffA = app.accounts().issueToken(ann.id(), "test");
        staffB = app.accounts().issueToken(bo.id(), "test");
        viewerA = app.accounts().issueToken(vi.id(), "test");
        server = app.start("127.0.0.1", 0);
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

    private String employer(String name) throws Exception {
        return api.ok(api.send("POST", "/employers", staffA, "{\"legalName\":\"" + name + "\",\"status\":\"ACTIVE\"}"), 201).get("id").asText();
    }

    @Test
    void everyAggregateTypeHasItsRoutes() {
        Set<String> routes = new HashSet<>();
        for (Route r : server.routes()) {
            routes.add(r.method() + " " + r.path());
        }
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            String path = ApiServer.BASE + "/" + type.plural();
            assertThat(routes).as(type.key()).contains("GET " + path, "POST " + path, "GET " + path + "/{id}", "PUT " + path + "/{id}",
                    "DELETE " + path + "/{id}", "GET " + path + "/{id}/history", "GET " + ApiServer.BASE + "/search/" + type.plural());
        }
    }

    @Test
    void theServerAssignsIdsExceptTheCodesPeopleChoose() throws Exception {
        JsonNode problem = api.problem(api.send("POST", "/employers", staffA,
                "{\"id\":\"0190a6b0-0000-7000-8000-000000000001\",\"legalName\":\"Chosen Id Corp\",\"status\":\"ACTIVE\"}"), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("employer.id");
        JsonNode region = api.ok(api.send("POST", "/regions", adminToken,
                "{\"id\":\"IL-LWIA-3\",\"name\":\"Local Area 3\",\"kind\":\"LOCAL_WORKFORCE_AREA\",\"counties\":[\"Boone\"]}"), 201);
        assertThat(region.get("id").asText()).isEqualTo("IL-LWIA-3");
    }

    @Test
    void aRecordsHistoryNamesEachChangedFieldWithItsOldAndNewValue() throws Exception {
        String employer = employer("History Works");
        JsonNode read = api.ok(api.get("/employers/" + employer, staffA), 200);
        api.ok(api.send("PUT", "/employers/" + employer, staffA, api.text(((ObjectNode) read).put("legalName", "History Works LLC")), "If-Match", "\"1\""),
                200);
        JsonNode history = api.ok(api.get("/employers/" + employer + "/history", viewerA), 200);
        assertThat(history.get("items")).hasSize(2);
        assertThat(history.get("next").isNull()).isTrue();
        JsonNode change = history.get("items").get(1).get("changes").get(0);
        assertThat(change.get("field").asText()).isEqualTo("legalName");
        assertThat(change.get("before").asText()).isEqualTo("History Works");
        assertThat(change.get("after").asText()).isEqualTo("History Works LLC");
        assertThat(history.get("items").get(1).get("actor").asText()).isEqualTo(ann.id().asString());

        JsonNode contact = api.ok(api.send("POST", "/contacts", staffA, "{\"employer\":\"" + employer
                + "\",\"firstName\":\"Maria\",\"lastName\":\"Lopez\",\"email\":\"maria@history.example\",\"active\":true}"), 201);
        String contactId = contact.get("id").asText();
        api.ok(api.send("PUT", "/contacts/" + contactId, staffA, api.text(((ObjectNode) contact).put("email", "maria.lopez@history.example")),
                "If-Match", "\"1\""), 200);
        String staffView = api.get("/contacts/" + contactId + "/history", staffA).body();
        assertThat(staffView).contains("maria@history.example").contains("maria.lopez@history.example");
        var viewerView = api.get("/contacts/" + contactId + "/history", viewerA);
        assertThat(viewerView.statusCode()).isEqualTo(200);
        assertThat(viewerView.body()).contains("\"field\":\"email\"").contains("***").doesNotContain("history.example");
        api.problem(api.get("/contacts/not-an-id/history", staffA), 400);
    }

    @Test
    void aNotesTextShowsInTheHistoryOnlyToItsReadersAndNeverInTheAuditList() throws Exception {
        String employer = employer("Note History Inc");
        JsonNode me = api.ok(api.get("/me", staffA), 200);
        String id = api.ok(api.send("POST", "/engagements", staffA, "{\"employer\":\"" + employer + "\",\"partner\":\"" + me.get("partner").asText()
                + "\",\"staff\":\"" + me.get("user").asText() + "\",\"date\":\"2026-03-02\",\"channel\":\"CALL\",\"staffAssisted\":true,"
                + "\"summary\":\"Call\"}"), 201).get("id").asText();
        api.ok(api.send("POST", "/engagements/" + id + "/notes", staffA, "{\"visibility\":\"PRIVATE\",\"text\":\"secret pricing detail\"}",
                "If-Match", "\"1\""), 200);
        assertThat(api.get("/engagements/" + id + "/history", staffA).body()).contains("secret pricing detail");
        var other = api.get("/engagements/" + id + "/history", staffB);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains("notes[").doesNotContain("secret pricing detail");
        var audit = api.get("/audit?recordType=engagement&limit=1000", adminToken);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("notes[").doesNotContain("secret pricing detail");
    }

    @Test
    void searchPagesPerTypeAndOverEveryType() throws Exception {
        for (String n : new String[] {"Zephyrine Gear One", "Zephyrine Gear Two", "Zephyrine Gear Three"}) {
            employer(n);
        }
        List<String> found = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = api.ok(api.get("/search/employers?q=zephyrine&limit=2" + (after == null ? "" : "&after=" + after), staffA), 200);
            page.get("items").forEach(e -> found.add(e.get("legalName").asText()));
            after = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (after != null);
        assertThat(found).containsExactlyInAnyOrder("Zephyrine Gear One", "Zephyrine Gear Two", "Zephyrine Gear Three");
        assertThat(pages).isGreaterThanOrEqualTo(2);

        JsonNode everything = api.ok(api.get("/search?q=zephyrine", staffA), 200);
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(everything.has(type.plural())).as(type.plural()).isTrue();
        }
        assertThat(everything.get("employers").get("items")).hasSize(3);
        assertThat(everything.get("contacts").get("items")).isEmpty();
        JsonNode firstOnly = api.ok(api.get("/search?q=zephyrine&limit=1", staffA), 200);
        assertThat(firstOnly.get("employers").get("next").isNull()).isFalse();
        api.problem(api.get("/search?q=zephyrine&after=x", staffA), 400);
        api.problem(api.get("/search", staffA), 400);
        api.problem(api.get("/search/employers?q=ab", staffA), 400);
    }

    @Test
    void aViewerCannotFindAContactByTheEmailTheySeeMasked() throws Exception {
        String employer = employer("Masked Search Co");
        api.ok(api.send("POST", "/contacts", staffA, "{\"employer\":\"" + employer
                + "\",\"firstName\":\"Quentin\",\"lastName\":\"Marsh\",\"email\":\"qmarsh@maskedsearch.example\",\"active\":true}"), 201);
        assertThat(api.ok(api.get("/search/contacts?q=maskedsearch", staffA), 200).get("items")).hasSize(1);
        assertThat(api.ok(api.get("/search/contacts?q=maskedsearch", viewerA), 200).get("items")).isEmpty();
        assertThat(api.ok(api.get("/search?q=maskedsearch", viewerA), 200).get("contacts").get("items")).isEmpty();
        JsonNode byName = api.ok(api.get("/search/contacts?q=quentin", viewerA), 200);
        assertThat(byName.get("items")).hasSize(1);
        assertThat(byName.toString()).doesNotContain("qmarsh@");
    }

    @Test
    void otherTypesAreSearchableToo() throws Exception {
        String employer = employer("Searchable Needs Co");
        api.ok(api.send("POST", "/needs", staffA, "{\"employer\":\"" + employer + "\",\"category\":\"HIRING\",\"urgency\":\"HIGH\","
                + "\"description\":\"Twelve welders for the quixotic night shift\",\"status\":\"OPEN\",\"raisedOn\":\"2026-03-01\"}"), 201);
        assertThat(api.ok(api.get("/search/needs?q=quixotic", staffA), 200).get("items")).hasSize(1);
        assertThat(api.ok(api.get("/search?q=quixotic+welders", staffB), 200).get("needs").get("items")).hasSize(1);
    }
}
