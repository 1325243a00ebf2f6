package org.sectorcrm.examples.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.attachments.AttachmentSettings;
import org.sectorcrm.examples.attachments.AttachmentSweep;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attachments sweep [--attachments-dir DIR] [--grace-minutes N] [--dry-run] --as ADMIN}. */
@Command(name = "attachments", mixinStandardHelpOptions = true, description = "Look after the attachment content directory.",
        subcommands = {AttachmentsCommand.Sweep.class})
public final class AttachmentsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = {"Remove content files no attachment owns: uploads whose record was never committed, content of records"
                    + " deleted while the server was down, temporary files of cut-off uploads. Files younger than --grace-minutes are"
                    + " kept (another node may be uploading them), and files not named by an attachment id are never touched."
                    + " The server also sweeps once when it starts.",
                "Needs an ADMIN. Exit codes: 0 done; 2 nothing was done (bad arguments, not an admin)."})
    static final class Sweep extends Job {
        @Option(names = "--attachments-dir", paramLabel = "DIR", description = "the directory the server keeps attachments in"
                + " (default: as for serve: beside the SQLite file, <file>-attachments; ./sectorcrm-attachments for a database server)")
        Path directory;

        @Option(names = "--grace-minutes", defaultValue = "60", description = "keep files modified within this many minutes (default: ${DEFAULT-VALUE})")
        long graceMinutes;

        @Option(names = "--dry-run", description = "only list what would be removed")
        boolean dryRun;

        @Override
        protected int run(CrmApplication app) {
            session(app).actor().require(Role.ADMIN, "sweep the attachment directory");
            if (graceMinutes < 0) {
                throw new UsageException("--grace-minutes must not be negative but was " + graceMinutes);
            }
            Path dir = directory != null ? directory.toAbsolutePath().normalize() : AttachmentSettings.defaults(app.storage().sqliteFile()).directory();
            AttachmentSweep.Report r = AttachmentSweep.sweep(app.crm(), dir, Duration.ofMinutes(graceMinutes), app.crm().clock(), dryRun);
            r.removed().forEach(f -> out().println((dryRun ? "would remove " : "removed ") + f.getFileName()));
            out().println(dir + ": " + r.removed().size() + (dryRun ? " orphaned file(s) to remove, " : " orphaned file(s) removed, ") + r.owned()
                    + " owned by an attachment, " + r.young() + " too recent to judge, " + r.foreign() + " not attachment files (left alone)");
            return OK;
        }
    }
}
