package org.sectorcrm.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.matching.MatchIndex;
import org.sectorcrm.core.matching.MatchPair;
import org.sectorcrm.core.matching.MatchRecord;
import org.sectorcrm.core.matching.MatchRun;
import org.sectorcrm.core.matching.Matcher;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.csv.ColumnMapping;
import org.sectorcrm.examples.csv.CsvReader;
import org.sectorcrm.examples.csv.CsvWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code match FILE.csv [--mapping M.properties] --id-column COL [--against-db --db D --as EMAIL] [--out DIR]}: resolves
 * a partner's employer list to establishments and companies without storing anything (the toolkit's cross-matching
 * of data between programs).
 *
 * <p>The rows are read as the matcher's raw evidence, not as employers: a spreadsheet's messy cells (a FEIN with a
 * typo, "Suite 4" in the street) are what the matcher is for, so no row is refused for a value the importer would
 * refuse. Only a missing id or a repeated id is an error, since the output is keyed by it.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = {"Match employer rows of a CSV file (the columns of 'import employers', renamed by --mapping) against each"
                + " other, and with --against-db against the employers in the CRM. Nothing is stored.",
            "Writes DIR/clusters.csv (id,establishment_cluster,company_cluster: rows with equal values were resolved to one"
                    + " establishment / company) and DIR/pairs.csv (id_a,id_b,level,score,reasons for every scored candidate pair);"
                    + " with --against-db also DIR/candidates.csv (id,employer_id,level,score,reasons: the best stored employers per row).",
            "Exit codes: 0 done; 2 nothing was done (bad arguments, unreadable file, missing or repeated ids)."})
public final class MatchCommand implements Callable<Integer> {
    /** Columns the matcher reads, named like the fields of {@code import employers}. */
    static final List<String> FIELDS = List.of("legalName", "tradeNames", "fein", "naics", "website", "phone", "street", "city",
            "state", "zip", "uiAccountNumber");

    private static final int CANDIDATES_PER_ROW = 3;

    @Parameters(index = "0", paramLabel = "FILE", description = "the CSV file (RFC 4180, UTF-8, header row)")
    Path file;

    @Option(names = "--mapping", paramLabel = "FILE", description = "column names of other systems, as for 'import employers': field = Column Header")
    Path mapping;

    @Option(names = "--id-column", required = true, paramLabel = "COL", description = "the column that identifies each row in the output")
    String idColumn;

    @Option(names = "--out", paramLabel = "DIR", description = "where the result files go (default: the current directory)")
    Path out = Path.of(".");

    @Option(names = "--against-db", description = "also find each row's best candidate employers already in the CRM (needs --as)")
    boolean againstDb;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "with --against-db: SQLite file or JDBC URL (default: ./sectorcrm.db)")
    String db;

    @Option(names = "--as", paramLabel = "EMAIL", description = "with --against-db: the staff user whose view of the CRM is matched")
    String as;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            if (againstDb && as == null) {
                throw new Job.UsageException("--against-db needs --as EMAIL (the CRM is read with that user's rights)");
            }
            List<MatchRecord> rows = readRows();
            long started = System.nanoTime();
            MatchRun run = Matcher.withDefaults().run(rows);
            Files.createDirectories(out);
            writeClusters(rows, run);
            writePairs(rows, run);
            int candidates = againstDb ? writeCandidates(rows) : 0;
            stdout.printf(Locale.ROOT, "matched %d rows in %.1f s: %d establishments, %d companies, %d scored pairs%s; written to %s%n",
                    rows.size(), (System.nanoTime() - started) / 1e9, distinct(run, rows.size(), true), distinct(run, rows.size(), false),
                    run.pairs().size(), againstDb ? ", " + candidates + " rows with stored candidates" : "", out.toAbsolutePath().normalize());
            return Job.OK;
        } catch (Job.UsageException | ValidationException | CsvReader.CsvFormatException e) {
            err.println(e.getMessage());
            return Job.USAGE;
        } catch (AccessDeniedException e) {
            err.println("not allowed: " + e.getMessage());
            return Job.USAGE;
        } catch (IOException e) {
            err.println("cannot read or write: " + e.getMessage());
            return Job.USAGE;
        } catch (StorageFactory.BadDatabaseException e) {
            err.println("cannot open the database: " + e.getMessage());
            return Job.USAGE;
        } catch (CrmException e) {
            err.println("failed: " + e.getMessage());
            return Job.USAGE;
        } catch (Exception e) {
            err.println("failed: " + e);
            return Job.USAGE;
        } finally {
            stdout.flush();
            err.flush();
        }
    }

    private List<MatchRecord> readRows() throws IOException {
        if (!Files.isReadable(file)) {
            throw new Job.UsageException("cannot read " + file);
        }
        ColumnMapping columns = ColumnMapping.identity();
        if (mapping != null) {
            try (Reader r = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
                columns = ColumnMapping.read(r, new HashSet<>(FIELDS));
            }
        }
        List<MatchRecord> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> problems = new TreeSet<>();
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw new Job.UsageException(file + " is empty: it needs a header row");
            }
            Map<String, Integer> at = new HashMap<>();
            for (String field : FIELDS) {
                at.put(field, indexOf(header.fields(), columns.headerFor(field)));
            }
            int idAt = indexOf(header.fields(), idColumn);
            if (idAt < 0) {
                throw new Job.UsageException("the header has no column " + idColumn + " (--id-column); columns found: " + header.fields());
            }
            if (at.get("legalName") < 0) {
                throw new Job.UsageException("the header has no column " + columns.headerFor("legalName") + " (legalName); columns found: " + header.fields());
            }
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                String id = cell(row.fields(), idAt);
                if (id == null) {
                    problems.add("line " + row.line() + ": " + idColumn + " is empty");
                    continue;
                }
                if (!seen.add(id)) {
                    problems.add("line " + row.line() + ": " + idColumn + " " + id + " appears twice");
                    continue;
                }
                rows.add(record(id, row.fields(), at));
            }
        }
        if (!problems.isEmpty()) {
            throw new Job.UsageException("every row needs its own " + idColumn + ":\n  " + String.join("\n  ", problems));
        }
        return rows;
    }

    private static MatchRecord record(String id, List<String> cells, Map<String, Integer> at) {
        List<String> names = new ArrayList<>();
        String legal = cell(cells, at.get("legalName"));
        if (legal != null) {
            names.add(legal);
        }
        String trade = cell(cells, at.get("tradeNames"));
        if (trade != null) {
            for (String t : trade.split(";")) {
                if (!t.isBlank()) {
                    names.add(t.strip());
                }
            }
        }
        return MatchRecord.builder(id).names(names).fein(cell(cells, at.get("fein"))).naics(cell(cells, at.get("naics")))
                .address(cell(cells, at.get("street")), cell(cells, at.get("city")), cell(cells, at.get("state")), cell(cells, at.get("zip")))
                .phone(cell(cells, at.get("phone"))).website(cell(cells, at.get("website"))).uiAccount(cell(cells, at.get("uiAccountNumber")))
                .build();
    }

    private void writeClusters(List<MatchRecord> rows, MatchRun run) throws IOException {
        try (CsvWriter w = new CsvWriter(Files.newBufferedWriter(out.resolve("clusters.csv"), StandardCharsets.UTF_8))) {
            w.write(List.of("id", "establishment_cluster", "company_cluster"));
            for (int i = 0; i < rows.size(); i++) {
                w.write(List.of(rows.get(i).key(), run.establishmentCluster(i), run.companyCluster(i)));
            }
        }
    }

    private void writePairs(List<MatchRecord> rows, MatchRun run) throws IOException {
        try (CsvWriter w = new CsvWriter(Files.newBufferedWriter(out.resolve("pairs.csv"), StandardCharsets.UTF_8))) {
            w.write(List.of("id_a", "id_b", "level", "score", "reasons"));
            for (MatchPair p : run.pairs()) {
                w.write(List.of(rows.get(p.first()).key(), rows.get(p.second()).key(), p.result().level().name(),
                        String.format(Locale.ROOT, "%.3f", p.result().score()), String.join("; ", p.result().reasons())));
            }
        }
    }

    /** The best stored employers for each row, read with the {@code --as} user's rights. */
    private int writeCandidates(List<MatchRecord> rows) throws Exception {
        CrmApplication application = CrmApplication.open(StorageFactory.open(db, false), Clock.systemUTC());
        try (CrmApplication app = application) {
            CrmSession session = app.crm().as(as);
            List<MatchRecord> stored = new ArrayList<>();
            for (Page<Employer> page = session.employers().list(EmployerFilter.all(), PageRequest.first(PageRequest.MAX_LIMIT));;
                    page = session.employers().list(EmployerFilter.all(), PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT))) {
                for (Employer e : page.items()) {
                    stored.addAll(MatchRecord.of(e));
                }
                if (!page.hasNext()) {
                    break;
                }
            }
            MatchIndex index = Matcher.withDefaults().index(stored);
            int withCandidates = 0;
            try (CsvWriter w = new CsvWriter(Files.newBufferedWriter(out.resolve("candidates.csv"), StandardCharsets.UTF_8))) {
                w.write(List.of("id", "employer_id", "level", "score", "reasons"));
                for (MatchRecord row : rows) {
                    Set<String> employers = new LinkedHashSet<>();
                    for (MatchIndex.Candidate c : index.matches(row, CANDIDATES_PER_ROW * 4)) {
                        String employer = c.record().key().split("/", 2)[0]; // employerId/establishmentId
                        if (employers.size() < CANDIDATES_PER_ROW && employers.add(employer)) {
                            w.write(List.of(row.key(), employer, c.result().level().name(),
                                    String.format(Locale.ROOT, "%.3f", c.result().score()), String.join("; ", c.result().reasons())));
                        }
                    }
                    withCandidates += employers.isEmpty() ? 0 : 1;
                }
            }
            return withCandidates;
        }
    }

    private static long distinct(MatchRun run, int n, boolean establishment) {
        Set<String> clusters = new HashSet<>();
        for (int i = 0; i < n; i++) {
            clusters.add(establishment ? run.establishmentCluster(i) : run.companyCluster(i));
        }
        return clusters.size();
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).strip();
            if (h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (h.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> cells, int at) {
        if (at < 0 || at >= cells.size()) {
            return null;
        }
        String v = cells.get(at).strip();
        return v.isEmpty() ? null : v;
    }
}
