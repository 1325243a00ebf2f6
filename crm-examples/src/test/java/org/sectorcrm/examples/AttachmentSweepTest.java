package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.attachments.AttachmentSettings;
import org.sectorcrm.examples.attachments.Attachments;

/**
 * {@code attachments sweep}: content no attachment record owns goes (an upload never committed, a temporary file of a
 * cut-off upload), an attachment's own file stays, and so do files younger than the grace period (another node may be
 * uploading them) and files not named by an attachment id. A dry run removes nothing; a STAFF user may not sweep.
 */
class AttachmentSweepTest {
    private static final String ADMIN = "admin@board.example";
    private static final String STAFF = "bo@board.example";
    private TestDatabases.Database database;
    private Path files;
    private Attachment kept;
    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabases.sqlite();
        files = dir.resolve("attachments");
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
            var s = app.crm().as(admin);
            s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Bo Staff", STAFF, Role.STAFF));
            Employer e = s.employers().create(Employer.named("Rockford Castings"));
            Attachments attachments = new Attachments(AttachmentSettings.defaults(null).inDirectory(files));
            kept = attachments.upload(s, AggregateTypes.EMPLOYER, e.id(), new Attachments.Upload("intake.txt", null, null),
                    new ByteArrayInputStream("Intake form: 12 welders\n".getBytes(StandardCharsets.UTF_8)), -1);
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private Path file(String name, Duration age) throws Exception {
        Path f = files.resolve(name);
        Files.writeString(f, "content", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(age)));
        return f;
    }

    @Test
    void orphansGoAndEverythingElseStays() throws Exception {
        Path ownFile = files.resolve(kept.id().asString());
        Files.setLastModifiedTime(ownFile, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        Path neverCommitted = file(UUID.randomUUID().toString(), Duration.ofHours(2));
        Path cutOff = file(".upload-" + UUID.randomUUID(), Duration.ofHours(2));
        Path uploadingElsewhere = file(UUID.randomUUID().toString(), Duration.ofMinutes(5));
        Path notOurs = file("README.txt", Duration.ofDays(30));
        Path upperCase = file(UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT), Duration.ofDays(30));

        CliRunner.Run dry = CliRunner.on(database.db(), "attachments", "sweep", "--attachments-dir", files.toString(), "--dry-run", "--as", ADMIN);
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would remove " + neverCommitted.getFileName(), "would remove " + cutOff.getFileName(),
                "2 orphaned file(s) to remove, 1 owned by an attachment, 1 too recent to judge, 2 not attachment files");
        assertThat(neverCommitted).exists();

        CliRunner.Run refused = CliRunner.on(database.db(), "attachments", "sweep", "--attachments-dir", files.toString(), "--as", STAFF);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("not allowed");
        assertThat(neverCommitted).exists();

        CliRunner.Run swept = CliRunner.on(database.db(), "attachments", "sweep", "--attachments-dir", files.toString(), "--as", ADMIN);
        assertThat(swept.exitCode()).as(swept.toString()).isZero();
        assertThat(swept.out()).contains("2 orphaned file(s) removed");
        assertThat(neverCommitted).doesNotExist();
        assertThat(cutOff).doesNotExist();
        assertThat(ownFile).exists();
        assertThat(uploadingElsewhere).exists();
        assertThat(notOurs).exists();
        assertThat(upperCase).exists();

        CliRunner.Run none = CliRunner.on(database.db(), "attachments", "sweep", "--attachments-dir", files.toString(), "--grace-minutes", "0",
                "--as", ADMIN);
        assertThat(none.out()).as("with no grace the young orphan goes too").contains("1 orphaned file(s) removed");
        assertThat(uploadingElsewhere).doesNotExist();
        assertThat(ownFile).exists();
    }
}
