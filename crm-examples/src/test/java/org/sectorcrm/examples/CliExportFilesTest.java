package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.core.AuditOperations;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

import picocli.CommandLine;

/** The export command's files: what it refuses to replace, the permissions it writes, and when an export is audited. */
class CliExportFilesTest {
    private static final String ADMIN = "admin@board.example";
    private static final String STAFF = "bo@board.example";
    private TestDatabases.Database database;
    private String db;
    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabases.sqlite();
        db = database.db();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
            CrmSession s = app.crm().as(admin);
            s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Staff", STAFF, Role.STAFF));
        }
        Path employers = dir.resolve("in-employers.csv");
        Files.writeString(employers, "legalName,fein,naics,zip\nKeller Castings,36-1111111,333612,61101\n", StandardCharsets.UTF_8);
        assertThat(CliRunner.on(db, "import", "employers", employers.toString(), "--as", STAFF).exitCode()).isZero();
        Path contacts = dir.resolve("in-contacts.csv");
        Files.writeString(contacts, "employerFein,firstName,lastName,email\n36-1111111,Maria,Lopez,maria.lopez@castings.example\n", StandardCharsets.UTF_8);
        assertThat(CliRunner.on(db, "import", "contacts", contacts.toString(), "--as", STAFF).exitCode()).isZero();
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private long piiExports() throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            return app.crm().as(ADMIN).audit().query(AuditFilter.ALL, PageRequest.first(1000)).items().stream()
                    .filter(e -> e.action().equals(AuditOperations.EXPORT_PII)).count();
        }
    }

    @Test
    void aNewFileIsOwnerOnlyAndTheExportAudited() throws Exception {
        Path out = dir.resolve("contacts.csv");
        CliRunner.Run run = CliRunner.on(db, "export", "contacts", "--out", out.toString(), "--as", STAFF);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readString(out)).contains("maria.lopez@castings.example");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(piiExports()).isEqualTo(1);
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForceAndKeepsItsPermissions() throws Exception {
        Path out = dir.resolve("contacts.csv");
        Files.writeString(out, "keep me");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        CliRunner.Run refused = CliRunner.on(db, "export", "contacts", "--out", out.toString(), "--as", STAFF);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(piiExports()).isZero();

        CliRunner.Run forced = CliRunner.on(db, "export", "contacts", "--out", out.toString(), "--force", "--as", STAFF);
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Files.readString(out)).contains("maria.lopez@castings.example");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-r-----");
        assertThat(piiExports()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList()).isEmpty();
        }
    }

    @Test
    void aCsvDirectoryExportChecksEveryFileBeforeWritingAny() throws Exception {
        Path out = Files.createDirectory(dir.resolve("export"));
        Files.writeString(out.resolve("engagements.csv"), "keep me");
        CliRunner.Run refused = CliRunner.on(db, "export", "all", "--format", "csv", "--out", out.toString(), "--as", STAFF);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(out.resolve("employers.csv")).doesNotExist();
        assertThat(out.resolve("contacts.csv")).doesNotExist();
        assertThat(piiExports()).isZero();
    }

    @Test
    void aNamedPipeOrALinkIsRefusedAndLeftAsItWas() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        Path target = dir.resolve("target.txt");
        Files.writeString(target, "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        for (Path out : new Path[] {fifo, link}) {
            for (boolean withForce : new boolean[] {true, false}) {
                String[] args = withForce
                        ? new String[] {"export", "contacts", "--out", out.toString(), "--force", "--as", STAFF}
                        : new String[] {"export", "contacts", "--out", out.toString(), "--as", STAFF};
                CliRunner.Run run = CliRunner.on(db, args);
                assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
                assertThat(run.err()).contains("not a regular file");
            }
        }
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(piiExports()).isZero();
    }

    @Test
    void aWriteErrorOnStandardOutputExitsNonZeroAndIsNotAudited() throws Exception {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        CommandLine cli = SectorCrmCli.commandLine();
        cli.setOut(new PrintWriter(full, true));
        cli.setErr(new PrintWriter(err, true));
        int rc = cli.execute("export", "contacts", "--as", STAFF, "--db", db);
        assertThat(rc).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("standard output could not be written");
        assertThat(piiExports()).isZero();
    }
}
