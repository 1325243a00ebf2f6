package org.sectorcrm.examples.web.transfer;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.examples.csv.CsvExport;
import org.sectorcrm.examples.web.WebRequest;

/**
 * The export download ({@code /transfer/export}): the CLI's CSV and NDJSON exports of employers, contacts or
 * engagements, written to the response page by page as the signed-in user reads them (contact details masked for
 * VIEWERs by crm-core), with the CLI's audit of contact-PII exports recorded once the file was written in full.
 */
final class ExportPage {
    /** {@code ?records=employers|contacts|engagements&format=csv|ndjson}: the whole kind, as the CLI's export writes it. */
    void export(WebRequest r) throws IOException {
        String kind = r.query("records");
        String format = r.query("format") == null ? "csv" : r.query("format");
        List<org.sectorcrm.core.FieldViolation> problems = new ArrayList<>();
        if (kind == null || !TransferPages.KINDS.contains(kind)) {
            problems.add(new org.sectorcrm.core.FieldViolation("export", "records", "must be employers, contacts or engagements"));
        }
        if (!format.equals("csv") && !format.equals("ndjson")) {
            problems.add(new org.sectorcrm.core.FieldViolation("export", "format", "must be csv or ndjson"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CrmSession s = r.crm();
        List<Runnable> audits = new ArrayList<>();
        r.context().header("Content-Disposition", "attachment; filename=\"" + kind + "-" + r.today() + "." + format + "\"");
        r.context().contentType(format.equals("csv") ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8");
        // written straight to the response, page by page: an export is never held in memory whole
        Writer w = new OutputStreamWriter(r.context().outputStream(), StandardCharsets.UTF_8);
        if (format.equals("csv")) {
            w.write('\uFEFF'); // as the CLI: spreadsheets then read the file as UTF-8
            CsvExport export = new CsvExport(s, audits::add);
            switch (kind) {
            case "employers" -> export.employers(w);
            case "contacts" -> export.contacts(w);
            default -> export.engagements(w);
            }
            w.flush();
        } else {
            var type = org.sectorcrm.core.type.AggregateTypes.byPlural(kind).orElseThrow();
            try (var writer = org.sectorcrm.json.exchange.ExchangeWriter.open(w, java.time.Instant.now())) {
                new org.sectorcrm.examples.exchange.ExchangeExport(s, "NDJSON export from the web UI", audits::add).write(writer, type);
            }
        }
        audits.forEach(Runnable::run); // recorded once the whole file was written, as the CLI does
    }

}
