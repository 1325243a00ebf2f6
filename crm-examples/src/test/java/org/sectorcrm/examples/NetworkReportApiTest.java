package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;

/**
 * The outcome and network-health reports through the command line and the API on the demo region (SQLite): both give
 * the same JSON (one definition, in crm-core; the figures are checked by hand in crm-core's NetworkHealthReportTest),
 * and bad options are named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkReportApiTest {
    private static final String ADMIN = "admin@board.example";
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String token;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, true, 2026);
        token = app.accounts().issueToken(admin.id(), "test");
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

    private JsonNode cli(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--as";
        all[args.length + 1] = ADMIN;
        CliRunner.Run run = CliRunner.on(database.db(), all);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return json.readTree(run.out());
    }

    @Test
    void theCommandLineAndTheApiGiveTheSameReports() throws Exception {
        assertThat(cli("report", "outcomes", "--by", "REGION")).isEqualTo(api.ok(api.get("/reports/outcomes?by=REGION", token), 200));
        assertThat(cli("report", "satisfaction")).isEqualTo(api.ok(api.get("/reports/satisfaction", token), 200));
        JsonNode referrals = cli("report", "referrals", "--on", "2026-06-30");
        assertThat(referrals).isEqualTo(api.ok(api.get("/reports/referrals?on=2026-06-30", token), 200));
        assertThat(referrals.get("pairs")).as("the demo region has referrals").isNotEmpty();
        assertThat(cli("report", "needs-funnel")).isEqualTo(api.ok(api.get("/reports/needs-funnel", token), 200));
        assertThat(cli("report", "partnerships")).isEqualTo(api.ok(api.get("/reports/partnerships", token), 200));
        JsonNode cadence = cli("report", "cadence", "--on", "2026-06-30", "--days", "45", "--sector-days", "MFG:30");
        assertThat(cadence).isEqualTo(api.ok(api.get("/reports/cadence?on=2026-06-30&days=45&sectorDays=MFG:30", token), 200));
        assertThat(cadence.get("defaultDays").asInt()).isEqualTo(45);
        assertThat(cadence.get("partners")).isNotEmpty();
        assertThat(cli("report", "duplicated-effort", "--on", "2026-06-30", "--window-days", "90"))
                .isEqualTo(api.ok(api.get("/reports/duplicated-effort?on=2026-06-30&windowDays=90", token), 200));
    }

    @Test
    void aMoveToAgreedTakesTheAgreementDayOrRecordsToday() throws Exception {
        java.util.List<JsonNode> proposed = new java.util.ArrayList<>();
        api.ok(api.get("/solutions?limit=1000", token), 200).get("items").forEach(s -> {
            if (s.get("status").asText().equals("PROPOSED")) {
                proposed.add(s);
            }
        });
        assertThat(proposed).as("the demo region has proposed solutions").isNotEmpty();
        JsonNode first = proposed.get(0);
        JsonNode agreed = api.ok(api.send("POST", "/solutions/" + first.get("id").asText() + "/status", token,
                "{\"status\": \"AGREED\", \"agreedOn\": \"2026-03-31\"}", "If-Match", "\"" + first.get("stamp").get("version").asLong() + "\""), 200);
        assertThat(agreed.get("status").asText()).isEqualTo("AGREED");
        assertThat(agreed.get("agreedOn").asText()).isEqualTo("2026-03-31");
        assertThat(api.ok(api.get("/solutions/" + first.get("id").asText(), token), 200).get("agreedOn").asText()).isEqualTo("2026-03-31");
        if (proposed.size() > 1) {
            JsonNode second = proposed.get(1);
            String before = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            JsonNode today = api.ok(api.send("POST", "/solutions/" + second.get("id").asText() + "/status", token, "{\"status\": \"AGREED\"}",
                    "If-Match", "\"" + second.get("stamp").get("version").asLong() + "\""), 200);
            String after = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(); // the call may cross midnight
            assertThat(today.get("agreedOn").asText()).isIn(before, after);
        }
    }

    @Test
    void badOptionsAreNamed() throws Exception {
        CliRunner.Run csv = CliRunner.on(database.db(), "report", "cadence", "--format", "csv", "--as", ADMIN);
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("JSON only");
        CliRunner.Run wrong = CliRunner.on(database.db(), "report", "outcomes", "--on", "2026-01-01", "--as", ADMIN);
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("--on do not belong to outcomes");
        CliRunner.Run sectors = CliRunner.on(database.db(), "report", "cadence", "--sector-days", "MFG=30", "--as", ADMIN);
        assertThat(sectors.exitCode()).isEqualTo(2);
        assertThat(sectors.err()).contains("report.sectorDays");
        assertThat(api.problem(api.get("/reports/outcomes?by=COUNTY", token), 400).toString()).contains("by");
        assertThat(api.problem(api.get("/reports/cadence?days=0&sectorDays=MFG:x", token), 400).toString()).contains("sectorDays");
        assertThat(api.problem(api.get("/reports/cadence?days=0", token), 400).toString()).contains("report.cadenceDays");
        assertThat(api.problem(api.get("/reports/duplicated-effort?windowDays=400", token), 400).toString()).contains("report.windowDays");
    }
}
