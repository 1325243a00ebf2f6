package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.Observation;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.examples.exchange.ExchangeRestore;

/**
 * export all as NDJSON → restore into an empty database → export again gives the same file (but for the time in its
 * header), on the demo region plus an outcome measure and feedback, so every kind of record makes the trip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreTest {
    private static final String ADMIN = "admin@board.example";
    private static final String PASSWORD = "correct horse battery staple";
    private final List<TestDatabases.Database> databases = new ArrayList<>();
    private TestDatabases.Database source;
    private Path dir;
    private Path exported;

    @BeforeAll
    void exportTheDemoRegion() throws Exception {
        dir = Files.createTempDirectory("sectorcrm-restore");
        source = database();
        try (CrmApplication app = new CrmApplication(source.open(), Clock.systemUTC())) {
            CrmSession s = app.crm().as(app.initialise(PASSWORD.toCharArray(), ADMIN, true, 2026));
            Engagement engagement = s.engagements().list(EngagementFilter.ALL, PageRequest.first(1)).items().get(0);
            s.outcomes().create(new OutcomeMeasure(null, null, engagement.employer(), null, Metric.TIME_TO_FILL_DAYS, LocalDate.of(2024, 3, 1),
                    new BigDecimal("45"), List.of(new Observation(LocalDate.of(2025, 3, 1), new BigDecimal("31.5")))));
            s.feedback().create(new Feedback(null, null, engagement.employer(), engagement.id(), null, 5, "Exactly what we needed"));
        }
        exported = dir.resolve("first.ndjson");
        CliRunner.Run run = CliRunner.on(source.db(), "export", "all", "--format", "ndjson", "--out", exported.toString(), "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private TestDatabases.Database database() {
        TestDatabases.Database d = TestDatabases.sqlite();
        databases.add(d);
        return d;
    }

    @AfterAll
    void dropDatabases() {
        databases.forEach(TestDatabases.Database::drop);
        TestDatabases.deleteTree(dir);
    }

    private static List<String> records(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()); // the header holds the time of the export
    }

    @Test
    void anExportRestoredIntoAnEmptyDatabaseExportsTheSameAgain() throws Exception {
        TestDatabases.Database target = database();
        CliRunner.Run restore = CliRunner.on(target.db(), "restore", exported.toString(), "--as", ADMIN, "--admin-password", PASSWORD);
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.out()).contains("500 employer").contains("1 outcome").contains("1 feedback");

        Path again = dir.resolve("again.ndjson");
        CliRunner.Run export = CliRunner.on(target.db(), "export", "all", "--format", "ndjson", "--out", again.toString(), "--as", ADMIN);
        assertThat(export.exitCode()).as(export.toString()).isZero();
        List<String> before = records(exported);
        assertThat(before).hasSizeGreaterThan(2000);
        assertThat(records(again)).isEqualTo(before);

        try (CrmApplication app = new CrmApplication(target.open(), Clock.systemUTC())) {
            assertThat(app.accounts().login(ADMIN, java.util.Optional.of(app.user(ADMIN).id()), PASSWORD.toCharArray())).as("the admin can log in").isPresent();
            List<AuditEntry> audit = app.crm().as(ADMIN).audit().query(AuditFilter.ALL, PageRequest.first(10)).items();
            assertThat(audit).extracting(AuditEntry::action).contains(ExchangeRestore.AUDIT_ACTION);
        }
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefused() throws Exception {
        CliRunner.Run run = CliRunner.on(source.db(), "restore", exported.toString(), "--as", ADMIN, "--admin-password", PASSWORD);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not empty");
    }

    @Test
    void withoutAPasswordOrAnAdminOfTheFileNothingIsRestored() throws Exception {
        TestDatabases.Database target = database();
        CliRunner.Run noPassword = CliRunner.on(target.db(), "restore", exported.toString(), "--as", ADMIN);
        if (System.getenv(CrmApplication.ADMIN_PASSWORD_ENV) == null) {
            assertThat(noPassword.exitCode()).isEqualTo(2);
            assertThat(noPassword.err()).contains("--admin-password");
        }
        CliRunner.Run stranger = CliRunner.on(target.db(), "restore", exported.toString(), "--as", "stranger@board.example", "--admin-password", PASSWORD);
        assertThat(stranger.exitCode()).isEqualTo(2);
        assertThat(stranger.err()).contains("has no staff user stranger@board.example");
        CliRunner.Run notAdmin = CliRunner.on(target.db(), "restore", exported.toString(), "--as", demoStaffEmail(), "--admin-password", PASSWORD);
        assertThat(notAdmin.exitCode()).isEqualTo(2);
        assertThat(notAdmin.err()).contains("a restore runs as an active ADMIN");
        assertEmpty(target);
    }

    private String demoStaffEmail() throws Exception {
        for (String line : records(exported)) {
            if (line.startsWith("{\"type\":\"staffUser\"") && line.contains("\"role\":\"STAFF\"")) {
                return line.replaceAll(".*\"email\":\"([^\"]+)\".*", "$1");
            }
        }
        throw new AssertionError("the demo region has STAFF users");
    }

    @Test
    void aFileWithBadLinesRestoresNothingAndListsThemAll() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(exported));
        int employer = indexOf(lines, "{\"type\":\"employer\"");
        lines.set(employer, lines.get(employer).replaceFirst("\"legalName\":\"[^\"]*\"", "\"legalName\":\"\""));
        int engagement = indexOf(lines, "{\"type\":\"engagement\"");
        lines.set(engagement, lines.get(engagement).replaceFirst("\"date\":\"[^\"]*\"", "\"date\":\"yesterday\""));
        Path broken = dir.resolve("broken.ndjson");
        Files.write(broken, lines);

        TestDatabases.Database target = database();
        CliRunner.Run run = CliRunner.on(target.db(), "restore", broken.toString(), "--as", ADMIN, "--admin-password", PASSWORD);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("nothing was restored; 2 problems")
                .contains("line " + (employer + 1) + ", data.legalName")
                .contains("line " + (engagement + 1) + ", data.date");
        assertEmpty(target);

        // A record the storage refuses (here: a contact whose employer is not in the file) rolls everything back.
        List<String> dangling = new ArrayList<>(Files.readAllLines(exported));
        String employerId = dangling.get(indexOf(dangling, "{\"type\":\"contact\"")).replaceAll(".*\"employer\":\"([^\"]+)\".*", "$1");
        dangling.removeIf(l -> l.startsWith("{\"type\":\"employer\"") && l.contains("\"id\":\"" + employerId + "\""));
        Path orphans = dir.resolve("orphans.ndjson");
        Files.write(orphans, dangling);
        CliRunner.Run refused = CliRunner.on(target.db(), "restore", orphans.toString(), "--as", ADMIN, "--admin-password", PASSWORD);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.out()).contains("line " + (indexOf(dangling, "{\"type\":\"contact\"") + 1) + ", data: contact ").contains("was refused");
        assertEmpty(target);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    private static void assertEmpty(TestDatabases.Database target) throws Exception {
        try (CrmApplication app = new CrmApplication(target.open(), Clock.systemUTC())) {
            assertThat(app.isEmpty()).isTrue();
            long employers = app.crm().storage().read(tx -> tx.employers().count(EmployerFilter.ALL));
            assertThat(employers).isZero();
        }
    }
}
