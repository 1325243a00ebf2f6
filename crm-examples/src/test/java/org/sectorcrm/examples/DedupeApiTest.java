package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;

/**
 * Dedupe over HTTP and on the command line, on SQLite: candidates keyset-paged with reasons, reviews remembered, merge
 * preview and merge (MANAGER), the merged id answering 308 to the survivor, unmerge; errors as problem+json.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedupeApiTest {
    private static final String ADMIN = "admin@board.example";
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String adminToken;
    private String staffToken;
    private Employer acme;
    private Employer acme2;
    private Employer acme3;
    private Employer bolt;
    private Employer bolt2;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
        CrmSession s = app.crm().as(admin);
        StaffUser ann = s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        Address main = new Address("100 Main St", "Elgin", "IL", "60120");
        acme = s.employers().create(Employer.named("Acme Tool & Die, Inc.").withFein(Fein.parse("36-1234567"))
                .withEstablishments(List.of(Establishment.primary("Main", main, "Kane"))));
        acme2 = s.employers().createAnyway(Employer.named("ACME TOOL AND DIE").withWebsite("https://acmetool.example")
                .withEstablishments(List.of(Establishment.primary("Plant", new Address("100 Main Street", "Elgin", "IL", "60120"), "Kane"))));
        acme3 = s.employers().createAnyway(Employer.named("Acme Tool and Die Co").withEstablishments(List.of(Establishment.primary("Shop", main, "Kane"))));
        Address oak = new Address("9 Oak Ave", "Peoria", "IL", "61602");
        bolt = s.employers().create(Employer.named("Bolt Fasteners LLC").withEstablishments(List.of(Establishment.primary("Bolt", oak, "Peoria"))));
        bolt2 = s.employers().createAnyway(Employer.named("Bolt Fasteners").withEstablishments(List.of(Establishment.primary("Bolt", oak, "Peoria"))));
        s.contacts().create(Contact.of(acme2.id(), "Cy", "Contact"));
        adminToken = app.accounts().issueToken(admin.id(), "test");
        staffToken = app.accounts().issueToken(ann.id(), "test");
        ApiServer server = app.start("127.0.0.1", 0, "crm.board.example");
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

    @Test
    void candidatesPageOnReviewsAreRememberedAndMergeRedirectsTheOldIdUntilUnmerged() throws Exception {
        JsonNode all = api.ok(api.get("/dedupe/candidates?limit=1000", staffToken), 200);
        assertThat(all.get("items").size()).isGreaterThanOrEqualTo(4);
        assertThat(all.get("items").get(0).get("reasons").size()).isPositive();
        JsonNode first = api.ok(api.get("/dedupe/candidates?limit=1", staffToken), 200);
        assertThat(first.get("next").isNull()).isFalse();
        JsonNode rest = api.ok(api.get("/dedupe/candidates?limit=1000&after=" + first.get("next").asText(), staffToken), 200);
        assertThat(first.get("items").size() + rest.get("items").size()).isEqualTo(all.get("items").size());

        JsonNode review = api.ok(api.send("POST", "/dedupe/reviews", staffToken, "{\"first\":\"" + bolt2.id() + "\",\"second\":\"" + bolt.id()
                + "\",\"decision\":\"NOT_DUPLICATE\",\"comment\":\"two shops\"}"), 200);
        assertThat(review.get("decision").asText()).isEqualTo("NOT_DUPLICATE");
        JsonNode after = api.ok(api.get("/dedupe/candidates?limit=1000", staffToken), 200);
        assertThat(after.get("items").size()).isEqualTo(all.get("items").size() - 1);
        assertThat(after.toString()).doesNotContain(bolt2.id().asString());
        assertThat(api.problem(api.send("POST", "/dedupe/reviews", staffToken, "{\"comment\":\"?\"}"), 400).toString())
                .contains("first", "second", "decision");

        String body = "{\"merged\":\"" + acme2.id() + "\",\"choices\":{\"website\":\"MERGED\"}}";
        JsonNode preview = api.ok(api.send("POST", "/employers/" + acme.id() + "/merge?preview=true", staffToken, body), 200);
        assertThat(preview.get("moving").get("contact").asInt()).isEqualTo(1);
        assertThat(preview.get("result").get("website").asText()).isEqualTo("https://acmetool.example");
        assertThat(api.problem(api.send("POST", "/employers/" + acme.id() + "/merge", staffToken, body), 403)).isNotNull();
        assertThat(api.problem(api.send("POST", "/employers/" + acme.id() + "/merge", adminToken, "{\"choices\":{\"tags\":\"MERGED\"}}"), 400)
                .toString()).contains("merged");

        JsonNode merge = api.ok(api.send("POST", "/employers/" + acme.id() + "/merge", adminToken, body), 200);
        assertThat(merge.get("survivor").asText()).isEqualTo(acme.id().asString());
        var moved = api.get("/employers/" + acme2.id(), staffToken);
        assertThat(moved.statusCode()).isEqualTo(308);
        assertThat(moved.headers().firstValue("Location").orElse("")).endsWith("/employers/" + acme.id());
        assertThat(api.ok(api.get("/employer-merges/" + acme2.id(), staffToken), 200).get("merged").get("legalName").asText())
                .isEqualTo(acme2.legalName());
        assertThat(api.problem(api.send("DELETE", "/employer-merges/" + acme2.id(), adminToken, null, "If-Match", "\"1\""), 400)).isNotNull();

        // unmerge names the survivor it undoes: no body, another employer, then the right one
        String unmerge = "/employers/" + acme2.id() + "/unmerge";
        assertThat(api.problem(api.send("POST", unmerge, adminToken, null), 415).get("detail").asText()).contains("application/json");
        assertThat(api.problem(api.send("POST", unmerge, adminToken, "{}"), 400).toString()).contains("unmerge.survivor");
        assertThat(api.problem(api.send("POST", unmerge, adminToken, "{\"survivor\":\"" + acme2.id() + "\"}"), 400).toString())
                .contains("unmerge.survivor");
        assertThat(api.problem(api.send("POST", "/employers/" + acme.id() + "/merge", adminToken, null), 415).get("detail").asText())
                .contains("application/json");
        assertThat(api.problem(api.send("POST", "/employers/" + acme.id() + "/merge", adminToken, "{}"), 400).toString()).contains("merge.merged");
        String survivor = "{\"survivor\":\"" + acme.id() + "\"}";
        JsonNode restored = api.ok(api.send("POST", unmerge, adminToken, survivor), 200);
        assertThat(restored.get("id").asText()).isEqualTo(acme2.id().asString());
        assertThat(api.ok(api.get("/employers/" + acme2.id(), staffToken), 200).get("legalName").asText()).isEqualTo(acme2.legalName());
        assertThat(api.problem(api.send("POST", unmerge, adminToken, survivor), 404)).isNotNull();
    }

    /** The versions a preview showed go with the merge: checked in its transaction, 409 naming the changed employer, nothing written. */
    @Test
    void aMergeWithThePreviewsVersionsIsAConflictWhenAnEmployerChangedSince() throws Exception {
        CrmSession s = app.crm().as(ADMIN);
        Address site = new Address("3 Depot St", "Joliet", "IL", "60432");
        Employer depot = s.employers().create(Employer.named("Depot Cabinet Works").withEstablishments(List.of(Establishment.primary("Shop", site, "Will"))));
        Employer depot2 = s.employers().createAnyway(Employer.named("DEPOT CABINET WORKS INC").withWebsite("https://depotcabinet.example")
                .withEstablishments(List.of(Establishment.primary("Shop", site, "Will"))));
        String merge = "/employers/" + depot.id() + "/merge";
        String stale = "{\"merged\":\"" + depot2.id() + "\",\"choices\":{\"website\":\"MERGED\"},\"survivorVersion\":" + depot.version()
                + ",\"mergedVersion\":" + depot2.version() + "}";
        s.employers().update(depot2.id(), depot2.version(), depot2.withEmployees(30)); // after the preview
        JsonNode conflict = api.problem(api.send("POST", merge, adminToken, stale), 409);
        assertThat(conflict.toString()).contains("DEPOT CABINET WORKS INC").contains("the merged employer").contains("changed after the preview");
        assertThat(s.dedupe().resolve(depot2.id())).contains(depot2.id());

        String half = "{\"merged\":\"" + depot2.id() + "\",\"survivorVersion\":" + depot.version() + "}";
        assertThat(api.problem(api.send("POST", merge, adminToken, half), 400).toString()).contains("merge.mergedVersion");

        String fresh = stale.replace("\"mergedVersion\":" + depot2.version(), "\"mergedVersion\":" + (depot2.version() + 1));
        JsonNode merged = api.ok(api.send("POST", merge, adminToken, fresh), 200);
        assertThat(merged.get("survivorAfter").get("website").asText()).isEqualTo("https://depotcabinet.example");
        assertThat(s.employers().get(depot.id()).employees()).isEqualTo(30);
    }

    @Test
    void theCommandLineScansResumablyReviewsMergesAndUnmerges(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pairs.csv");
        CliRunner.Run scan = CliRunner.on(database.db(), "dedupe", "scan", "--out", out.toString(), "--as", ADMIN);
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("first_id,first_name,second_id,second_name,level,score,reasons,review");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(acme3.id().asString()));
        assertThat(dir.resolve("pairs.csv.cursor")).doesNotExist();
        // a stopped scan: its cursor file names the last employer done, and the same command goes on from there
        Files.writeString(dir.resolve("pairs.csv.cursor"), lines.get(1).split(",")[0] + "\n");
        CliRunner.Run resumed = CliRunner.on(database.db(), "dedupe", "scan", "--out", out.toString(), "--as", ADMIN);
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("continuing the scan");
        assertThat(CliRunner.on(database.db(), "dedupe", "scan", "--out", out.toString(), "--as", ADMIN).exitCode()).isEqualTo(2);

        CliRunner.Run review = CliRunner.on(database.db(), "dedupe", "review", acme3.id().asString(), acme.id().asString(), "later", "--as", ADMIN);
        assertThat(review.exitCode()).as(review.toString()).isZero();
        CliRunner.Run preview = CliRunner.on(database.db(), "dedupe", "merge", acme.id().asString(), acme3.id().asString(), "--preview", "--as", ADMIN);
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).contains("\"fields\"");
        CliRunner.Run merge = CliRunner.on(database.db(), "dedupe", "merge", acme.id().asString(), acme3.id().asString(), "--take", "legalName",
                "--as", ADMIN);
        assertThat(merge.exitCode()).as(merge.toString()).isZero();
        CliRunner.Run unmerge = CliRunner.on(database.db(), "dedupe", "unmerge", acme3.id().asString(), "--as", ADMIN);
        assertThat(unmerge.exitCode()).as(unmerge.toString()).isZero();
        assertThat(unmerge.out()).contains(acme3.legalName());
        assertThat(CliRunner.on(database.db(), "dedupe", "merge", acme.id().asString(), "--as", ADMIN).exitCode()).isEqualTo(2);
    }
}
