package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ReportOperations;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;

/**
 * {@code report retention --wages FILE} and {@code POST /api/v1/reports/retention} (text/csv, streamed) on one SQLite
 * database: the figures computed by hand, every bad line named, nothing of the file stored, the reading audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionReportApiTest {
    private static final String ADMIN = "admin@board.example";
    /** By hand: employed in Q2 = p1, p2, p4, p5; same employer in Q4 = p1 (FEIN with and without dash), p4 (UI account) -> 2/4. */
    static final String FILE = "participant,exitQuarter,q1,q2,q3,q4\n"
            + "p1,2024-Q3,,36-1234567,,361234567\n"
            + "p2,2024-Q3,,36-1234567,,98-7654321\n"
            + "p3,2024-Q3,,,,36-1234567\n"
            + "p4,2024-Q4,,IL-0042 7;36-1234567,,il-00427\n"
            + "p5,2024-Q4,98-7654321,98-7654321,98-7654321,\n"
            + "p6,2025-Q1,,,,\n";
    static final String BAD = "participant,exitQuarter,q2,q4\n"
            + "p1,2024-Q3,36-1234567,36-1234567\n"
            + "p2,2024-Q9,36-1234567,\n"
            + "p3,2024-Q3,%%,\n"
            + "p1,2024-Q4,,\n"
            + "p4,2024-Q4\n";
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String viewerToken;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
        StaffUser viewer = app.crm().as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example", Role.VIEWER));
        viewerToken = app.accounts().issueToken(viewer.id(), "test");
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

    private long audited() {
        return app.crm().as(ADMIN).audit().query(AuditFilter.ALL, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .filter(a -> a.action().equals(ReportOperations.WAGE_RECORDS_READ)).count();
    }

    @Test
    void theCommandLineGivesTheRateAndEachExitQuarter(@TempDir Path dir) throws Exception {
        Path wages = dir.resolve("wages.csv");
        Files.writeString(wages, FILE);
        CliRunner.Run run = CliRunner.on(database.db(), "report", "retention", "--wages", wages.toString(), "--format", "json", "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode r = json.readTree(run.out());
        assertThat(r.get("lines").asLong()).isEqualTo(6);
        assertThat(r.get("retention").get("numerator").asLong()).isEqualTo(2);
        assertThat(r.get("retention").get("denominator").asLong()).isEqualTo(4);
        assertThat(r.get("retention").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(r.get("byExitQuarter").get(2).get("retention").get("rate").isNull()).isTrue();
        assertThat(run.out()).doesNotContain("p1", "1234567");

        CliRunner.Run csv = CliRunner.on(database.db(), "report", "retention", "--wages", wages.toString(), "--exit-from", "2024-Q4", "--as", ADMIN);
        assertThat(csv.exitCode()).as(csv.toString()).isZero();
        assertThat(csv.out()).contains("2024-Q4,2,2,1,0.5000,").contains("2025-Q1,1,0,0,,");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, BAD);
        CliRunner.Run refused = CliRunner.on(database.db(), "report", "retention", "--wages", bad.toString(), "--as", ADMIN);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3.exitQuarter", "line 4.q2", "line 5.participant", "already given on line 2", "line 6");
        assertThat(refused.out()).doesNotContain("retention");
        CliRunner.Run misnamed = CliRunner.on(database.db(), "report", "retention", "--wages", bad.toString(), "--exit-from", "2024Q1", "--as", ADMIN);
        assertThat(misnamed.err()).contains("report.exitFrom");
    }

    @Test
    void theApiStreamsTheBodyAndNamesEveryBadLine() throws Exception {
        long before = audited();
        JsonNode r = api.ok(api.send("POST", "/reports/retention?exitTo=2024-Q3", viewerToken, FILE, "Content-Type", "text/csv"), 200);
        assertThat(r.get("exiters").asLong()).isEqualTo(3);
        assertThat(r.get("retention").get("numerator").asLong()).isEqualTo(1);
        assertThat(r.get("retention").get("denominator").asLong()).isEqualTo(2);
        assertThat(audited()).as("the reading is audited; nothing else is stored").isEqualTo(before + 1);

        var bad = api.send("POST", "/reports/retention", viewerToken, BAD, "Content-Type", "text/csv");
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.problem(bad, 400).toString()).contains("line 3.exitQuarter", "line 4.q2", "line 5.participant");
        assertThat(audited()).as("a refused file is not counted").isEqualTo(before + 1);
        assertThat(api.problem(api.send("POST", "/reports/retention", viewerToken, "participant,exit,q2\n"), 415).toString()).contains("text/csv");
        assertThat(api.problem(api.send("POST", "/reports/retention", viewerToken, "participant,exit,q2\n", "Content-Type", "text/csv"), 400).toString())
                .contains("exit", "has no column exitQuarter", "has no column q4");
    }
}
