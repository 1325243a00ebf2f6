package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.DoNotContact;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.server.ApiServer;

/**
 * A do-not-contact flag through every way in and out: the CSV import sets and clears it (who set it is the importing
 * user), the CSV and NDJSON exports mark flagged records and an exported file imports back unchanged, and over the REST
 * API the flag is stored as the caller set it, whatever {@code setBy} the client claimed.
 */
class DoNotContactTest {
    private static final String ADMIN = "admin@board.example";
    private static final String STAFF = "bo@board.example";
    private TestDatabases.Database database;
    private String db;
    private StaffUser bo;
    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabases.sqlite();
        db = database.db();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
            bo = app.crm().as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Staff", STAFF, Role.STAFF));
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private <R> R withCrm(java.util.function.Function<CrmSession, R> work) throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            return work.apply(app.crm().as(ADMIN));
        }
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private Contact maria() throws Exception {
        return withCrm(s -> s.contacts().list(ContactFilter.ALL, PageRequest.first(10)).items().stream().map(ContactView::contact)
                .filter(c -> c.lastName().equals("Lopez")).findFirst().orElseThrow());
    }

    @Test
    void theCsvImportSetsAndClearsTheFlagAndEveryExportMarksIt() throws Exception {
        Path employers = file("employers.csv", "legalName,fein,zip,doNotContactSince,doNotContactReason\n"
                + "Rockford Castings,36-1111111,61101,2026-11-20,Asked by letter not to be approached by partners\n"
                + "Loves Park Gear,36-2222222,61111,,\n");
        CliRunner.Run imported = CliRunner.on(db, "import", "employers", employers.toString(), "--as", STAFF);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        Path contacts = file("contacts.csv", "employerFein,firstName,lastName,email,doNotContactSince,doNotContactReason\n"
                + "36-2222222,Maria,Lopez,maria.lopez@gear.example,2026-12-01,Asked on the phone not to be called again\n"
                + "36-2222222,Ken,Ito,ken.ito@gear.example,,\n");
        assertThat(CliRunner.on(db, "import", "contacts", contacts.toString(), "--as", STAFF).exitCode()).isZero();

        Employer castings = withCrm(s -> s.employers().list(EmployerFilter.ALL, PageRequest.first(10)).items().stream()
                .filter(e -> e.legalName().equals("Rockford Castings")).findFirst().orElseThrow());
        assertThat(castings.doNotContact()).isEqualTo(new DoNotContact(LocalDate.of(2026, 11, 20),
                "Asked by letter not to be approached by partners", bo.id()));
        assertThat(maria().doNotContact().setBy()).as("who set it: the importing user").isEqualTo(bo.id());

        CliRunner.Run csv = CliRunner.on(db, "export", "contacts", "--as", STAFF);
        assertThat(csv.out()).contains("doNotContactSince,doNotContactReason")
                .contains("maria.lopez@gear.example,,,true,2026-12-01,Asked on the phone not to be called again")
                .contains("ken.ito@gear.example,,,true,,");
        CliRunner.Run employerCsv = CliRunner.on(db, "export", "employers", "--as", STAFF);
        assertThat(employerCsv.out()).contains("2026-11-20,Asked by letter not to be approached by partners");
        CliRunner.Run ndjson = CliRunner.on(db, "export", "contacts", "--format", "ndjson", "--as", STAFF);
        assertThat(ndjson.out()).contains("\"doNotContact\":{\"since\":\"2026-12-01\",\"reason\":\"Asked on the phone not to be called again\",\"setBy\":\""
                + bo.id().asString() + "\"}");

        Path out = dir.resolve("contacts-out.csv");
        assertThat(CliRunner.on(db, "export", "contacts", "--out", out.toString(), "--as", STAFF).exitCode()).isZero();
        CliRunner.Run again = CliRunner.on(db, "import", "contacts", out.toString(), "--as", ADMIN);
        assertThat(again.out()).as("an exported file imports back unchanged, the flag still Bo's").contains("0 created, 0 updated, 2 unchanged, 0 rejected");
        assertThat(maria().doNotContact().setBy()).isEqualTo(bo.id());

        Path cleared = file("clear.csv", "employerFein,lastName,email,doNotContactSince,doNotContactReason\n36-2222222,Lopez,maria.lopez@gear.example,,\n");
        assertThat(CliRunner.on(db, "import", "contacts", cleared.toString(), "--as", STAFF).exitCode()).isZero();
        assertThat(maria().doNotContact()).as("two empty cells clear the flag").isNull();
    }

    @Test
    void aFlagWithoutItsReasonIsRejectedNamingTheColumn() throws Exception {
        Path employers = file("employers.csv", "legalName,fein,doNotContactSince,doNotContactReason\nRockford Castings,36-1111111,2026-11-20,\n"
                + "Loves Park Gear,36-2222222,20.11.2026,Asked\n");
        CliRunner.Run imported = CliRunner.on(db, "import", "employers", employers.toString(), "--as", STAFF);
        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.out()).contains("line 2, doNotContactReason: is required with doNotContactSince")
                .contains("line 3, doNotContactSince: '20.11.2026' is not a date (YYYY-MM-DD)");
        Long stored = withCrm(s -> s.employers().count(EmployerFilter.ALL));
        assertThat(stored).isZero();
    }

    @Test
    void overTheApiTheFlagNamesTheCallerWhateverTheClientClaimed() throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            String token = app.accounts().issueToken(bo.id(), "test");
            ApiServer server = app.start("127.0.0.1", 0);
            ApiClient api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
            String forged = new StaffUserId(java.util.UUID.randomUUID()).asString();
            JsonNode e = api.ok(api.send("POST", "/employers", token, "{\"legalName\":\"Rockford Castings\",\"status\":\"PROSPECT\","
                    + "\"doNotContact\":{\"since\":\"2026-11-20\",\"reason\":\"Asked by letter\",\"setBy\":\"" + forged + "\"}}"), 201);
            assertThat(e.at("/doNotContact/setBy").asText()).isEqualTo(bo.id().asString());
            assertThat(e.at("/doNotContact/since").asText()).isEqualTo("2026-11-20");

            JsonNode bad = api.problem(api.send("POST", "/employers", token, "{\"legalName\":\"Loves Park Gear\",\"status\":\"PROSPECT\","
                    + "\"doNotContact\":{\"since\":\"2026-11-20\"}}"), 400);
            assertThat(bad.toString()).contains("doNotContact").contains("reason");
        }
    }
}
