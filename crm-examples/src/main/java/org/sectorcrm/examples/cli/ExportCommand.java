package org.sectorcrm.examples.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.csv.CsvExport;
import org.sectorcrm.examples.exchange.ExchangeExport;
import org.sectorcrm.json.exchange.ExchangeWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export employers|contacts|engagements|all --format csv|ndjson [--out FILE|DIR] --as EMAIL}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export what the --as user may read: CSV in the import's own columns (safe to open in a spreadsheet),"
                + " or NDJSON in the SectorCRM exchange format (docs/schema/sectorcrm-exchange-v2.schema.json).",
            "'all' as CSV writes employers.csv, contacts.csv and engagements.csv into --out DIR; as NDJSON it writes every kind of"
                    + " record into one file that 'restore' loads into an empty database.",
            "Notes the user may not read are left out, and a VIEWER's export has contact e-mail and phone masked or left out."
                    + " Every export of contacts is recorded in the audit trail.",
            "--out writes a new file, or replaces a regular file only with --force (keeping that file's permissions); a device,"
                    + " named pipe, symbolic link or other special file is refused. New files are readable by their owner only (0600).",
            "A contact export is audited only once it completed: after the file is in place, or standard output took it all.",
            "Exit codes: 0 written; 1 standard output failed (nothing audited); 2 nothing written (bad arguments, an existing"
                    + " file without --force, a special file, unknown --as)."})
public final class ExportCommand extends Job {
    /** What to export. */
    public enum Kind {
        EMPLOYERS, CONTACTS, ENGAGEMENTS, ALL
    }

    /** The file format. */
    public enum Format {
        CSV, NDJSON
    }

    @Parameters(index = "0", paramLabel = "KIND", description = "employers, contacts, engagements or all")
    Kind kind;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|ndjson", description = "csv or ndjson (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "where to write: a file, or a directory to write <kind>.csv / <kind>.ndjson into (default: standard output;"
                    + " 'all' as CSV needs a directory)")
    Path out;

    @Option(names = "--force", description = "replace an existing regular file given with --out (its permissions are kept)")
    boolean force;

    /** The audit entries of PII exports, recorded once the export completed. */
    private final java.util.List<Runnable> audits = new java.util.ArrayList<>();

    @Override
    protected int run(CrmApplication app) throws IOException {
        CrmSession session = session(app);
        String ext = format == Format.CSV ? ".csv" : ".ndjson";
        if (format == Format.CSV && kind == Kind.ALL) {
            if (out == null || (Files.exists(out) && !Files.isDirectory(out))) {
                throw new UsageException("export all --format csv writes three files: give a directory with --out DIR");
            }
            Kind[] kinds = {Kind.EMPLOYERS, Kind.CONTACTS, Kind.ENGAGEMENTS};
            for (Kind k : kinds) {
                checkTarget(out.resolve(name(k) + ext));
            }
            Files.createDirectories(out);
            for (Kind k : kinds) {
                Path file = out.resolve(name(k) + ext);
                long n = toFile(file, w -> csv(session, k, w));
                completed();
                out().println("exported " + n + " " + name(k) + " to " + file);
            }
            return OK;
        }
        Target target = kind == Kind.ALL ? (w -> ndjsonAll(session, w, app.crm().clock())) : format == Format.CSV
                ? (w -> csv(session, kind, w))
                : (w -> ndjson(session, kind, w, app.crm().clock()));
        if (out == null) {
            long n = target.write(new Unclosed(out()));
            out().flush();
            if (out().checkError()) {
                // PrintWriter keeps write errors to itself (export ... > /dev/full): ask, and fail loudly.
                err().println("export failed: standard output could not be written (disk full or closed?); nothing was recorded as exported");
                return PARTLY;
            }
            completed();
            err().println("exported " + n + " records");
            return OK;
        }
        Path file = Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                ? out.resolve((kind == Kind.ALL ? "sectorcrm-export" : name(kind)) + ext) : out;
        checkTarget(file);
        long n = toFile(file, target);
        completed();
        out().println("exported " + n + " " + (kind == Kind.ALL ? "records" : name(kind)) + " to " + file);
        return OK;
    }

    @FunctionalInterface
    private interface Target {
        long write(Writer w) throws IOException;
    }

    private static String name(Kind k) {
        return k.name().toLowerCase(java.util.Locale.ROOT);
    }

    private long csv(CrmSession session, Kind kind, Writer w) throws IOException {
        // A byte-order mark makes spreadsheets read the file as UTF-8 (José, not JosÃ©); the importer skips it.
        w.write('\uFEFF');
        CsvExport export = new CsvExport(session, audits::add);
        return switch (kind) {
            case EMPLOYERS -> export.employers(w);
            case CONTACTS -> export.contacts(w);
            case ENGAGEMENTS -> export.engagements(w);
            case ALL -> throw new IllegalArgumentException("CSV has one file per kind");
        };
    }

    private long ndjson(CrmSession session, Kind kind, Writer w, Clock clock) {
        if (kind == Kind.ALL) {
            throw new IllegalArgumentException("all is written by ndjsonAll");
        }
        // the kinds of the command line are named like the types' plurals
        AggregateType<?, ?, ?> type = AggregateTypes.byPlural(name(kind)).orElseThrow();
        try (ExchangeWriter writer = ExchangeWriter.open(w, clock.instant())) {
            return new ExchangeExport(session, "NDJSON export" + destination(), audits::add).write(writer, type);
        }
    }

    private long ndjsonAll(CrmSession session, Writer w, Clock clock) {
        try (ExchangeWriter writer = ExchangeWriter.open(w, clock.instant())) {
            Map<AggregateType<?, ?, ?>, Long> counts = new ExchangeExport(session, "NDJSON export of all records" + destination(), audits::add).writeAll(writer);
            err().println(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().key()).collect(Collectors.joining(", ")));
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private String destination() {
        return out == null ? " to standard output" : " to " + out.toAbsolutePath();
    }

    /** Records the audit entries of what was just exported in full. */
    private void completed() {
        audits.forEach(Runnable::run);
        audits.clear();
    }

    /**
     * A path an export may write: a new one, or an existing regular file with {@code --force}. Anything else is refused
     * before a record is read: renaming over a device or a named pipe would replace it (as root, {@code /dev/full}), and
     * a symbolic link would be replaced by a file rather than written through.
     */
    private void checkTarget(Path file) {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException("refusing to write " + file + ": it is not a regular file (a device, pipe, link or directory); give a new path");
        }
        if (!force) {
            throw new UsageException(file + " exists: give --force to replace it (its permissions are kept), or another path");
        }
    }

    /**
     * Writes through a temporary file next to {@code file} and moves it into place at the end, so that a failed export
     * never leaves a half-written file behind under the real name. The temporary file is created owner-only (0600 on
     * POSIX: exports hold personal data); a file replaced passes its permissions on.
     */
    private static long toFile(Path file, Target target) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            long n;
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
                n = target.write(w);
            }
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Standard output stays open after the exchange writer closes what it wrote to. */
    private static final class Unclosed extends FilterWriter {
        Unclosed(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
