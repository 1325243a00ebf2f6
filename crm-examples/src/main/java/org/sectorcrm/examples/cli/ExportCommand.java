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
            "Exit codes: 0 written; 2 nothing written (bad arguments, unknown --as)."})
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

    @Override
    protected int run(CrmApplication app) throws IOException {
        CrmSession session = session(app);
        String ext = format == Format.CSV ? ".csv" : ".ndjson";
        if (format == Format.CSV && kind == Kind.ALL) {
            if (out == null || (Files.exists(out) && !Files.isDirectory(out))) {
                throw new UsageException("export all --format csv writes three files: give a directory with --out DIR");
            }
            Files.createDirectories(out);
            for (Kind k : new Kind[] {Kind.EMPLOYERS, Kind.CONTACTS, Kind.ENGAGEMENTS}) {
                Path file = out.resolve(name(k) + ext);
                long n = toFile(file, w -> csv(session, k, w));
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
            err().println("exported " + n + " records");
            return OK;
        }
        Path file = Files.isDirectory(out) ? out.resolve((kind == Kind.ALL ? "sectorcrm-export" : name(kind)) + ext) : out;
        long n = toFile(file, target);
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

    private static long csv(CrmSession session, Kind kind, Writer w) throws IOException {
        // A byte-order mark makes spreadsheets read the file as UTF-8 (José, not JosÃ©); the importer skips it.
        w.write('\uFEFF');
        CsvExport export = new CsvExport(session);
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
            return new ExchangeExport(session, "NDJSON export" + destination()).write(writer, type);
        }
    }

    private long ndjsonAll(CrmSession session, Writer w, Clock clock) {
        try (ExchangeWriter writer = ExchangeWriter.open(w, clock.instant())) {
            Map<AggregateType<?, ?, ?>, Long> counts = new ExchangeExport(session, "NDJSON export of all records" + destination()).writeAll(writer);
            err().println(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().key()).collect(Collectors.joining(", ")));
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private String destination() {
        return out == null ? " to standard output" : " to " + out.toAbsolutePath();
    }

    /**
     * Writes through a temporary file next to {@code file} and moves it into place at the end, so that a failed export
     * never leaves a half-written file behind under the real name.
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
