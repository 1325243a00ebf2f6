package org.sectorcrm.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.csv.ColumnMapping;
import org.sectorcrm.examples.csv.ContactRows;
import org.sectorcrm.examples.csv.CsvImport;
import org.sectorcrm.examples.csv.EmployerRows;
import org.sectorcrm.examples.csv.EngagementRows;
import org.sectorcrm.examples.csv.ImportDuplicates;
import org.sectorcrm.examples.csv.ImportReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import employers|contacts|engagements FILE.csv [--mapping FILE] [--custom-fields] [--on-duplicate=warn|skip|fail] [--dry-run] --as EMAIL}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import employers, contacts or engagements from a CSV file with a header row (RFC 4180, UTF-8).",
            "Rows are matched by natural key (employers: FEIN, else name + ZIP; contacts: employer + e-mail; engagements: externalId),"
                    + " so running a file again changes nothing. Good rows are stored even when others are rejected.",
            "Columns no field reads are listed by name; map them with --mapping (employers: custom.KEY = Header, or --custom-fields).",
            "Employers: a new row that likely duplicates a stored employer or an earlier row is named with the candidate, score and reasons"
                    + " (--on-duplicate: warn stores it, skip leaves it out, fail refuses the file before storing anything).",
            "Exit codes: 0 every row and column was imported; 1 some rows were rejected (each is listed with line, column and reason)"
                    + " or skipped as likely duplicates, or some columns with values were not imported (each is named);"
                    + " 2 nothing was imported (bad arguments, unreadable file, missing column, not allowed, duplicates with --on-duplicate=fail)."})
public final class ImportCommand extends Job {
    /** What a CSV file can hold. */
    public enum Kind {
        EMPLOYERS, CONTACTS, ENGAGEMENTS, ESTABLISHMENT_COUNTS
    }

    /** Picocli's converter: {@code employers}, ..., {@code establishment-counts}, any case. */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            for (Kind k : Kind.values()) {
                if (k.name().equalsIgnoreCase(value.replace('-', '_'))) {
                    return k;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("no kind '" + value + "': employers, contacts, engagements or establishment-counts");
        }
    }

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
            description = "employers, contacts, engagements or establishment-counts (header area,quarter,establishments; all or nothing, MANAGER)")
    Kind kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "the CSV file")
    Path file;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "column names of other systems, as Java properties lines: field = Column Header (e.g. legalName = Company Name)")
    Path mapping;

    @Option(names = "--dry-run", description = "check every row and report exactly what a real run would do, but store nothing")
    boolean dryRun;

    @Option(names = "--on-duplicate", paramLabel = "warn|skip|fail", defaultValue = "warn",
            description = "employers: a new row that likely duplicates a stored employer or an earlier row is stored and named (warn, the default),"
                    + " left out and named (skip), or the whole file is refused before anything is stored, naming every such row (fail)")
    String onDuplicate;

    @Option(names = "--custom-fields", description = "employers: put every column that no field reads into the custom field named by its header")
    boolean customFields;

    @Override
    protected int run(CrmApplication app) throws IOException {
        CrmSession session = session(app);
        if (!session.actor().role().atLeast(Role.STAFF)) {
            throw new UsageException(as + " is a " + session.actor().role() + ": importing needs STAFF or above");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no file " + file);
        }
        if (kind == Kind.ESTABLISHMENT_COUNTS) {
            return establishmentCounts(session);
        }
        CsvImport.RowHandler handler = switch (kind) {
            case EMPLOYERS -> new EmployerRows(session);
            case CONTACTS -> new ContactRows(session);
            case ENGAGEMENTS -> new EngagementRows(session);
            case ESTABLISHMENT_COUNTS -> throw new IllegalStateException("establishment counts are loaded above");
        };
        if (customFields && !handler.customFields()) {
            throw new UsageException("--custom-fields: " + kind.name().toLowerCase(java.util.Locale.ROOT) + " have no custom fields");
        }
        ImportDuplicates.Policy policy;
        try {
            policy = ImportDuplicates.Policy.parse(onDuplicate);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (kind != Kind.EMPLOYERS && !"warn".equalsIgnoreCase(onDuplicate.strip())) {
            throw new UsageException("--on-duplicate is for employers");
        }
        ColumnMapping columns = customFields ? mapping(handler).withUnmappedAsCustomFields() : mapping(handler);
        if (kind == Kind.EMPLOYERS && policy == ImportDuplicates.Policy.FAIL) {
            // Refuse before storing anything: a dry run finds every row that likely duplicates, then the real run goes ahead.
            ImportReport check = read(handler, columns, true, new ImportDuplicates(session, policy), Progress.of(false, err(), Files.size(file)));
            if (!check.duplicates().isEmpty()) {
                check.duplicates().forEach(d -> out().println(d.toString().replaceFirst("; stored$", "")));
                throw new UsageException(file + ": " + check.duplicateRows() + (check.duplicateRows() == 1 ? " row likely duplicates" : " rows likely duplicate")
                        + " an employer (--on-duplicate=fail): nothing was imported");
            }
        }
        Progress progress = Progress.of(System.console() != null, err(), Files.size(file));
        ImportReport report = read(handler, columns, dryRun, kind == Kind.EMPLOYERS ? new ImportDuplicates(session, policy) : null, progress);
        progress.finish(report.rows());
        out().println(report.summary());
        for (ImportReport.RowError error : report.errors()) {
            out().println(error);
        }
        for (ImportReport.Duplicate duplicate : report.duplicates()) {
            out().println(duplicate);
        }
        for (ImportReport.UnmappedColumn column : report.unmapped()) {
            out().println(column);
        }
        if (!report.droppedColumns().isEmpty()) {
            out().println("to import a column, name its field in --mapping (field = Column Header"
                    + (handler.customFields() ? ", or custom.KEY = Column Header for a custom field; --custom-fields takes them all" : "") + ")");
        }
        return report.errors().isEmpty() && report.droppedColumns().isEmpty() && report.skipped() == 0 ? OK : PARTLY;
    }

    /** One pass over the file: the import (or its dry run) with the duplicate check of new rows, null for none. */
    private ImportReport read(CsvImport.RowHandler handler, ColumnMapping columns, boolean dry, ImportDuplicates duplicates, Progress progress)
            throws IOException {
        try (InputStream raw = Files.newInputStream(file); CountingInputStream bytes = new CountingInputStream(raw); Reader reader = utf8(bytes)) {
            return CsvImport.run(reader, handler, columns, org.sectorcrm.core.BatchOptions.defaults().withDryRun(dry),
                    rows -> progress.update(rows, bytes.count()), CsvImport.LineOutcomes.none(), duplicates);
        } catch (ValidationException e) {
            // Row problems are collected by CsvImport; what escapes it is about the file as a whole (its header).
            progress.finish(0);
            throw new UsageException(file + ": " + e.getMessage() + " (nothing was imported)");
        } catch (CharacterCodingException e) {
            progress.finish(0);
            throw notUtf8(file);
        } catch (UncheckedIOException e) {
            progress.finish(0);
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(file);
            }
            throw e;
        }
    }

    /** Establishment counts load whole or not at all: every bad line is named and nothing is stored. */
    private int establishmentCounts(CrmSession session) throws IOException {
        if (mapping != null || dryRun) {
            throw new UsageException("--mapping and --dry-run are for employers, contacts and engagements");
        }
        java.util.List<org.sectorcrm.examples.reports.EstablishmentCountsCsv.Line> counts;
        try (Reader reader = utf8(Files.newInputStream(file))) {
            counts = org.sectorcrm.examples.reports.EstablishmentCountsCsv.lines(reader);
        } catch (ValidationException e) {
            throw new UsageException(file + ": " + e.getMessage() + " (nothing was imported)");
        } catch (CharacterCodingException e) {
            throw new UsageException(file + " is not UTF-8 text: save it as \"CSV UTF-8\" (nothing was imported)");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new UsageException(file + " is not UTF-8 text: save it as \"CSV UTF-8\" (nothing was imported)");
            }
            throw e;
        }
        try {
            session.reports().establishmentCounts().put(counts.stream().map(org.sectorcrm.examples.reports.EstablishmentCountsCsv.Line::count).toList());
        } catch (ValidationException e) {
            // counts[i] of the API is line n of the file
            StringBuilder lines = new StringBuilder();
            for (org.sectorcrm.core.FieldViolation v : e.violations()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("counts\\[(\\d+)\\]\\.?(.*)").matcher(v.field());
                String where = m.matches() ? "line " + counts.get(Integer.parseInt(m.group(1))).line() + (m.group(2).isEmpty() ? "" : "." + m.group(2)) : v.field();
                lines.append(lines.length() == 0 ? "" : "; ").append(where).append(": ").append(v.message());
            }
            throw new UsageException(file + ": " + lines + " (nothing was imported)");
        }
        out().println(counts.size() + " establishment counts stored");
        return OK;
    }

    private UsageException notUtf8(Path f) {
        return new UsageException(f + " is not UTF-8 text: save it as \"CSV UTF-8\""
                + (dryRun ? "" : " (rows before the bad bytes were imported; importing the fixed file again changes nothing for them)"));
    }

    private ColumnMapping mapping(CsvImport.RowHandler handler) throws IOException {
        if (mapping == null) {
            return ColumnMapping.identity();
        }
        if (!Files.isRegularFile(mapping)) {
            throw new UsageException("no mapping file " + mapping);
        }
        try (Reader r = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
            return ColumnMapping.read(r, Set.copyOf(handler.fields()), handler.customFields());
        } catch (ValidationException e) {
            throw new UsageException(mapping + ": " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw notUtf8(mapping);
        }
    }

    /** Strict UTF-8: a file saved in another encoding is refused rather than imported with garbled names. */
    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
