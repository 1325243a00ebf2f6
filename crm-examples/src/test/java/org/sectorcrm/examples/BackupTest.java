package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.core.AuditOperations;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

/** {@code backup} copies a SQLite database that is being written to, and the copy is a sound, usable CRM. */
class BackupTest {
    private static final String ADMIN = "admin@board.example";
    private static final String PASSWORD = "correct horse battery staple";
    private static final int WRITERS = 4;
    private final List<TestDatabases.Database> databases = new ArrayList<>();
    @TempDir
    Path dir;

    @AfterEach
    void drop() {
        databases.forEach(TestDatabases.Database::drop);
    }

    /** @param demo with the demo region: a database large enough that copying it takes a while */
    private TestDatabases.Database database(boolean demo) throws Exception {
        TestDatabases.Database d = TestDatabases.sqlite();
        databases.add(d);
        try (CrmApplication app = new CrmApplication(d.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise(PASSWORD.toCharArray(), ADMIN, demo, 7);
            app.crm().as(admin).reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Staff", "bo@board.example", Role.STAFF));
        }
        return d;
    }

    @Test
    void aBackupTakenWhileWritersKeepWritingIsConsistentAndOpensAsACrm() throws Exception {
        TestDatabases.Database database = database(true);
        Path copy = dir.resolve("backups/sectorcrm-copy.db");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        // The writers share one application, as the threads of a running server do.
        try (CrmApplication server = new CrmApplication(database.open(), Clock.systemUTC())) {
            CrmSession staff = server.crm().as("bo@board.example");
            long before = staff.employers().count(EmployerFilter.ALL);
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch writing = new CountDownLatch(WRITERS);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    int n = 0;
                    while (!stop.get() || n == 0) {
                        staff.employers().create(Employer.named("Writer " + writer + " Employer " + n));
                        n++;
                        if (n == 1) {
                            writing.countDown();
                        }
                    }
                    return n;
                }));
            }
            writing.await();
            CliRunner.Run backup = CliRunner.on(database.db(), "backup", copy.toString(), "--as", ADMIN);
            stop.set(true);
            long written = 0;
            for (Future<Integer> f : writers) {
                written += f.get(); // a writer that failed (SQLITE_BUSY, a lost write) fails the test here
            }
            assertThat(backup.exitCode()).as(backup.toString()).isZero();
            assertThat(backup.out()).contains("integrity_check ok");
            long after = staff.employers().count(EmployerFilter.ALL);
            assertThat(after).isEqualTo(before + written);

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (CrmApplication restored = new CrmApplication(StorageFactory.open(copy.toString(), false), Clock.systemUTC())) {
                long copied = restored.crm().as(ADMIN).employers().count(EmployerFilter.ALL);
                assertThat(copied).as("the copy is one moment between the first and the last write").isBetween(before + WRITERS, after);
                assertThat(restored.accounts().login(ADMIN, java.util.Optional.of(restored.user(ADMIN).id()), PASSWORD.toCharArray())).as("the accounts tables are in the copy").isPresent();
            }
            AuditFilter exports = new AuditFilter(null, null, null, AuditOperations.EXPORT_PII, null, null);
            assertThat(server.crm().as(ADMIN).audit().query(exports, PageRequest.first(10)).items())
                    .singleElement().satisfies(e -> assertThat(e.detail()).contains("database backup to " + copy.toAbsolutePath().normalize()));
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(copy.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no partial file left").containsExactly("sectorcrm-copy.db");
        }
    }

    @Test
    void aBackupNeedsANewFileAndAnAdmin() throws Exception {
        TestDatabases.Database database = database(false);
        Path existing = Files.writeString(dir.resolve("taken.db"), "keep me");
        CliRunner.Run taken = CliRunner.on(database.db(), "backup", existing.toString(), "--as", ADMIN);
        assertThat(taken.exitCode()).isEqualTo(2);
        assertThat(taken.err()).contains("exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        CliRunner.Run staff = CliRunner.on(database.db(), "backup", dir.resolve("new.db").toString(), "--as", "bo@board.example");
        assertThat(staff.exitCode()).isEqualTo(2);
        assertThat(staff.err()).contains("needs an ADMIN");
        assertThat(dir.resolve("new.db")).doesNotExist();
        CliRunner.Run missing = CliRunner.on(dir.resolve("no-such.db").toString(), "backup", dir.resolve("new.db").toString(), "--as", ADMIN);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("there is no SectorCRM database");
        assertThat(dir.resolve("no-such.db")).doesNotExist();
    }

    @Test
    void onPostgresqlItNamesTheDumpTool() throws Exception {
        TestDatabases.Database database = TestDatabases.postgres("BackupTest");
        databases.add(database);
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            app.initialise(PASSWORD.toCharArray(), ADMIN, false, 1);
        }
        CliRunner.Run run = CliRunner.on(database.db(), "backup", dir.resolve("pg.dump").toString(), "--as", ADMIN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("pg_dump");
    }

    @Test
    void onMariadbItNamesTheDumpTool() throws Exception {
        TestDatabases.Database database = TestDatabases.mariadb("BackupTest");
        databases.add(database);
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            app.initialise(PASSWORD.toCharArray(), ADMIN, false, 1);
            assertThat(app.accounts().login(ADMIN, java.util.Optional.of(app.user(ADMIN).id()), PASSWORD.toCharArray())).as("the accounts tables work on MariaDB").isPresent();
        }
        CliRunner.Run run = CliRunner.on(database.db(), "backup", dir.resolve("maria.sql").toString(), "--as", ADMIN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mariadb-dump");
    }
}
