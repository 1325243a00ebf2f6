package org.sectorcrm.examples.web.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import io.javalin.http.UploadedFile;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.csv.ColumnMapping;
import org.sectorcrm.examples.csv.ContactRows;
import org.sectorcrm.examples.csv.CsvImport;
import org.sectorcrm.examples.csv.CsvWriter;
import org.sectorcrm.examples.csv.EmployerRows;
import org.sectorcrm.examples.csv.EngagementRows;
import org.sectorcrm.examples.csv.ImportReport;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;
import org.sectorcrm.examples.web.transfer.ImportJobs.Job;

/**
 * Import and export ({@code /transfer}). An import is four steps, each its own page so the back button and a reload are
 * safe: upload a CSV (streamed to a temporary file, never held in memory whole), map its columns to the fields (each
 * pre-filled from the file's header and the fields' common aliases, or from the mapping the user last used), a dry run
 * that reports every problem by line and column exactly as the real run will ({@link CsvImport} in dry-run mode), and
 * the run itself on a background thread, its page refreshing itself ({@code Refresh} header, no script) until done.
 * Every problem is also a CSV to download. Exports are the CLI's CSV and NDJSON, audited the same way: a PII export is
 * recorded once the file has been written in full.
 */
public final class TransferPages {
    static final List<String> KINDS = List.of("employers", "contacts", "engagements");
    private final ImportJobs jobs = new ImportJobs();
    private final org.sectorcrm.examples.accounts.Accounts accounts;

    public TransferPages(org.sectorcrm.examples.accounts.Accounts accounts) {
        this.accounts = accounts;
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/transfer", this::start), WebRoute.post("/transfer/upload", this::upload),
                WebRoute.get("/transfer/imports/{id}", this::show), WebRoute.post("/transfer/imports/{id}/dry-run", this::dryRun),
                WebRoute.post("/transfer/imports/{id}/run", this::run), WebRoute.get("/transfer/imports/{id}/errors", this::errors),
                WebRoute.get("/transfer/export", new ExportPage()::export));
    }

    /** One field of the mapping form: its name, the column chosen for it, whether the import needs it. */
    public record FieldChoice(String field, String column, boolean required) {
    }

    void start(WebRequest r) {
        startPage(r, 200, new FormErrors(labels()), Map.of());
    }

    private void startPage(WebRequest r, int status, FormErrors errors, Map<String, String> values) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kinds", KINDS.stream().map(k -> new Option(k, Option.words(k.toUpperCase(Locale.ROOT)))).toList());
        p.put("canImport", r.canWrite());
        p.put("errors", errors);
        p.put("values", values);
        r.render(status, "transfer/start.jte", (errors.isEmpty() ? "" : "Not uploaded: ") + "Import and export", "/admin", p);
    }

    void upload(WebRequest r) throws IOException {
        requireWriter(r);
        FormErrors errors = new FormErrors(labels());
        String kind = r.form("kind");
        if (kind == null || !KINDS.contains(kind)) {
            errors.add("kind", "choose employers, contacts or engagements");
        }
        UploadedFile file = r.context().uploadedFile("file");
        if (file == null || file.size() == 0) {
            errors.add("file", "choose a CSV file that is not empty");
        }
        if (!errors.isEmpty()) {
            startPage(r, 400, errors, r.formValues());
            return;
        }
        Path tmp = Files.createTempFile("sectorcrm-import-", ".csv");
        try (InputStream in = file.content()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> header;
        long lines = 0;
        try (BufferedReader b = Files.newBufferedReader(tmp, StandardCharsets.UTF_8)) {
            String first = b.readLine();
            header = first == null ? List.of() : parseHeader(first);
            while (b.readLine() != null) {
                lines++; // a cheap count for the progress bar (a quoted cell with a line break counts twice: the bar is an estimate)
            }
        } catch (java.nio.charset.MalformedInputException e) {
            Files.deleteIfExists(tmp);
            errors.add("file", "is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again");
            startPage(r, 400, errors, r.formValues());
            return;
        }
        if (header.isEmpty()) {
            Files.deleteIfExists(tmp);
            errors.add("file", "has no header line");
            startPage(r, 400, errors, r.formValues());
            return;
        }
        Job job = jobs.add(r.actor().user(), kind, file.filename(), tmp, header, lines);
        r.redirect("/transfer/imports/" + job.id, "Uploaded " + file.filename() + ": " + lines + " lines after the header. Check the columns.");
    }

    /** The header's cells (quotes, a byte-order mark and the spreadsheet guard removed). */
    static List<String> parseHeader(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString().strip());
        return cells;
    }

    void show(WebRequest r) {
        Job job = job(r);
        if (job.running) {
            // the page asks the browser to load it again in two seconds: progress without script (CSP allows no inline one)
            r.context().header("Refresh", "2; url=/transfer/imports/" + job.id);
        }
        page(r, 200, job, new FormErrors(labels()));
    }

    private void page(WebRequest r, int status, Job job, FormErrors errors) {
        CsvImport.RowHandler handler = handler(job.kind, r.crm());
        Map<String, String> remembered = accounts.importMapping(r.actor().user(), job.kind);
        List<FieldChoice> choices = new ArrayList<>();
        for (String field : handler.fields()) {
            String chosen = job.mapping.containsKey(field) ? job.mapping.get(field) : guess(field, handler, job.header, remembered);
            choices.add(new FieldChoice(field, chosen, handler.requiredColumns().contains(field)));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("job", new JobView(job.id, job.kind, job.fileName, job.lines, job.done.get(), job.running, job.finished(), job.failure, job.header));
        p.put("choices", choices);
        p.put("columns", job.header.stream().map(h -> new Option(h, h.isEmpty() ? "(column without a header)" : h)).toList());
        p.put("preview", job.preview);
        p.put("result", job.result);
        p.put("errors", errors);
        r.render(status, "transfer/import.jte", "Import " + job.kind + " from " + job.fileName, "/admin", p);
    }

    /** What the import page shows of a job. */
    public record JobView(String id, String kind, String fileName, long lines, long done, boolean running, boolean finished, String failure,
            List<String> header) {
        public int percent() {
            return lines == 0 ? 100 : (int) Math.min(100, done * 100 / lines);
        }
    }

    /** The column pre-selected for a field: the one the user mapped last time, else the field's own name, else an alias. */
    private static String guess(String field, CsvImport.RowHandler handler, List<String> header, Map<String, String> remembered) {
        String last = remembered.get(field);
        if (last != null && header.contains(last)) {
            return last;
        }
        List<String> names = new ArrayList<>();
        names.add(field);
        names.addAll(handler.aliases().getOrDefault(field, List.of()));
        for (String n : names) {
            for (String h : header) {
                if (h.equalsIgnoreCase(n)) {
                    return h;
                }
            }
        }
        return "";
    }

    void dryRun(WebRequest r) throws IOException {
        requireWriter(r);
        Job job = job(r);
        if (job.started.get() || job.finished()) {
            r.redirect("/transfer/imports/" + job.id, null);
            return;
        }
        CsvImport.RowHandler handler = handler(job.kind, r.crm());
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String field : handler.fields()) {
            String column = r.form("map." + field);
            if (column != null && job.header.contains(column)) {
                mapping.put(field, column);
            }
        }
        job.mapping = mapping;
        accounts.rememberImportMapping(r.actor().user(), job.kind, mapping);
        FormErrors errors = new FormErrors(labels());
        try (Reader in = Files.newBufferedReader(job.file, StandardCharsets.UTF_8)) {
            job.preview = CsvImport.run(in, handler, columnMapping(mapping, handler), true, n -> { });
        } catch (ValidationException e) {
            // what escapes CsvImport is about the file as a whole: a required column that no field is mapped to
            job.preview = null;
            e.violations().forEach(v -> errors.add("mapping", v.field() + " " + v.message()));
        }
        page(r, errors.isEmpty() ? 200 : 400, job, errors);
    }

    /** The chosen columns as the import's mapping (Java properties, as {@code import --mapping FILE} reads them). */
    private static ColumnMapping columnMapping(Map<String, String> mapping, CsvImport.RowHandler handler) throws IOException {
        Properties props = new Properties();
        mapping.forEach(props::setProperty);
        StringWriter text = new StringWriter();
        props.store(text, null);
        return ColumnMapping.read(new StringReader(text.toString()), new java.util.HashSet<>(handler.fields()));
    }

    void run(WebRequest r) throws IOException {
        requireWriter(r);
        Job job = job(r);
        if (job.preview == null) {
            throw ValidationException.of("import", "dryRun", "run the dry run first: it shows what the import will do");
        }
        if (!job.started.get()) { // ImportJobs.run starts it at most once, whatever races past this check
            CrmSession session = r.crm();
            CsvImport.RowHandler handler = handler(job.kind, session);
            ColumnMapping mapping = columnMapping(job.mapping, handler);
            jobs.run(job, () -> {
                try (Reader in = Files.newBufferedReader(job.file, StandardCharsets.UTF_8)) {
                    job.result = CsvImport.run(in, handler, mapping, false, job.done::set);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        r.redirect("/transfer/imports/" + job.id, "The import is running.");
    }

    /** Every problem of the last dry run or run as CSV: line, column, message. */
    void errors(WebRequest r) {
        Job job = job(r);
        ImportReport report = job.result != null ? job.result : job.preview;
        if (report == null) {
            throw new NotFoundException("import report", job.id);
        }
        StringWriter out = new StringWriter();
        CsvWriter w = new CsvWriter(out);
        w.write(List.of("line", "column", "problem"));
        report.errors().forEach(e -> w.write(List.of(Integer.toString(e.line()), e.column(), e.message())));
        report.unmapped().forEach(c -> w.write(List.of("", c.header(), c.toString())));
        r.context().header("Content-Disposition", "attachment; filename=\"import-problems-" + job.kind + ".csv\"");
        r.context().contentType("text/csv; charset=utf-8").result(out.toString());
    }

    private Job job(WebRequest r) {
        return jobs.find(r.path("id"), r.actor().user()).orElseThrow(() -> new NotFoundException("upload", r.path("id")));
    }

    private static CsvImport.RowHandler handler(String kind, CrmSession s) {
        return switch (kind) {
        case "employers" -> new EmployerRows(s);
        case "contacts" -> new ContactRows(s);
        default -> new EngagementRows(s);
        };
    }

    private static void requireWriter(WebRequest r) {
        if (!r.actor().isAtLeast(Role.STAFF)) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not import (STAFF and above may)");
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", "What the file holds");
        m.put("file", "CSV file");
        m.put("mapping", "Columns");
        return m;
    }
}
