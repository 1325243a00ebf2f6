package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

/** {@code import employers --on-duplicate=warn|skip|fail} through the command line on a SQLite file. */
class CliImportDuplicatesTest {
    private static final String ADMIN = "admin@board.example";
    private static final String STAFF = "bo@board.example";
    private TestDatabases.Database database;
    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabases.sqlite();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
            app.crm().as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Staff", STAFF, Role.STAFF));
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private long employers() throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            CrmSession s = app.crm().as(ADMIN);
            return s.employers().count(EmployerFilter.ALL);
        }
    }

    private Path file() throws Exception {
        Path f = dir.resolve("employers.csv");
        Files.writeString(f, "legalName,phone,street,city,state,zip\n"
                + "Becker Farm Supply LLC,(217) 555-0101,12 State Route 9,Quincy,IL,62301\n"
                + "Zenith Welding,309-555-0102,4 Oak St,Peoria,IL,61602\n"
                + "BEKER FARM SUPPLY,217.555.0101,12 State Rte 9,Quincy,IL,62301-4410\n"
                + "Zenith Welding & Fab,309-555-0102,4 Oak Street,Peoria,IL,61603\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void failRefusesTheWholeFileNamingEveryDuplicateRow() throws Exception {
        CliRunner.Run run = CliRunner.on(database.db(), "import", "employers", file().toString(), "--on-duplicate=fail", "--as", STAFF);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).contains("line 4, duplicate: 'BEKER FARM SUPPLY' likely duplicates line 2 of this file 'Becker Farm Supply LLC'")
                .contains("line 5, duplicate: 'Zenith Welding & Fab' likely duplicates line 3 of this file 'Zenith Welding'");
        assertThat(run.err()).contains("2 rows likely duplicate an employer (--on-duplicate=fail): nothing was imported");
        assertThat(employers()).isZero();
    }

    @Test
    void aDryRunPrintsWhatTheRealRunDoesAndWarnStoresEveryRow() throws Exception {
        for (String policy : List.of("warn", "skip")) {
            CliRunner.Run dry = CliRunner.on(database.db(), "import", "employers", file().toString(), "--on-duplicate=" + policy, "--dry-run",
                    "--as", STAFF);
            assertThat(employers()).isZero();
            CliRunner.Run real = CliRunner.on(database.db(), "import", "employers", file().toString(), "--on-duplicate=" + policy, "--as", STAFF);
            assertThat(dry.out().replace("dry run, nothing stored: ", "")).as(policy).isEqualTo(real.out());
            assertThat(real.exitCode()).as("skipped rows were not imported: exit 1").isEqualTo(policy.equals("warn") ? 0 : 1);
            assertThat(real.out()).contains(policy.equals("warn") ? "4 created" : "2 created", "2 likely duplicates");
            assertThat(employers()).isEqualTo(policy.equals("warn") ? 4 : 2);
            database.drop();
            createDatabase();
        }
    }

    @Test
    void anUnknownPolicyIsRefused() throws Exception {
        CliRunner.Run run = CliRunner.on(database.db(), "import", "employers", file().toString(), "--on-duplicate=merge", "--as", STAFF);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'merge' is not warn, skip or fail");
    }
}
