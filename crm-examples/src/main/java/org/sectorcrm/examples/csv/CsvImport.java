package org.sectorcrm.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;

/**
 * The shared run of every CSV import: read the header, turn each row into a field map, hand it to the
 * kind-specific {@link RowHandler}, and collect per-row results. Each row is stored in its own transaction,
 * so one bad row never keeps the good ones out and never leaves half of itself behind.
 */
public final class CsvImport {
    /** What one row came to. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** Imports one kind of record. Field errors are reported by throwing {@link ValidationException}. */
    public interface RowHandler {
        String kind();

        /** Every field the import reads, in export column order. */
        List<String> fields();

        Set<String> requiredColumns();

        /** Upserts one row by its natural key; in a dry run checks everything it can and stores nothing. */
        Outcome apply(Map<String, String> row, boolean dryRun);
    }

    private CsvImport() {
    }

    /**
     * Runs the import. {@code progress} receives the number of rows done so far (for a progress bar).
     *
     * @throws ValidationException when the header lacks a required column (nothing is imported)
     */
    public static ImportReport run(Reader input, RowHandler handler, ColumnMapping mapping, boolean dryRun, LongConsumer progress)
            throws IOException {
        List<ImportReport.RowError> errors = new ArrayList<>();
        long rows = 0;
        Map<Outcome, Long> counts = new HashMap<>();
        try (CsvReader reader = new CsvReader(input)) {
            CsvReader.Row header = reader.next();
            if (header == null) {
                throw ValidationException.of("csv", "header", "is missing: the file is empty");
            }
            Map<String, Integer> columns = mapping.locate(header.fields(), handler.fields(), handler.requiredColumns());
            while (true) {
                CsvReader.Row row;
                try {
                    row = reader.next();
                } catch (CsvReader.CsvFormatException e) {
                    errors.add(new ImportReport.RowError(e.line(), "row", e.getMessage().replaceFirst("^line \\d+: ", "") + "; the rest of the file was not read"));
                    break;
                }
                if (row == null) {
                    break;
                }
                rows++;
                if (row.fields().size() != header.fields().size()) {
                    errors.add(new ImportReport.RowError(row.line(), "row", "has " + row.fields().size() + " fields but the header has " + header.fields().size()));
                } else {
                    Map<String, String> values = new HashMap<>();
                    columns.forEach((field, index) -> {
                        String v = CsvWriter.unguard(row.fields().get(index).strip());
                        values.put(field, v.isEmpty() ? null : v);
                    });
                    try {
                        counts.merge(handler.apply(values, dryRun), 1L, Long::sum);
                    } catch (ValidationException e) {
                        for (FieldViolation v : e.violations()) {
                            errors.add(new ImportReport.RowError(row.line(), columnOf(mapping, handler, v), v.message()));
                        }
                    } catch (ConflictException e) {
                        errors.add(new ImportReport.RowError(row.line(), "row", e.getMessage()));
                    } catch (CrmException e) {
                        errors.add(new ImportReport.RowError(row.line(), "row", e.getMessage()));
                    }
                }
                progress.accept(rows);
            }
        }
        return new ImportReport(handler.kind(), dryRun, rows, counts.getOrDefault(Outcome.CREATED, 0L), counts.getOrDefault(Outcome.UPDATED, 0L),
                counts.getOrDefault(Outcome.UNCHANGED, 0L), errors);
    }

    /** Names the CSV column behind a violated field where there is one ({@code employer.fein} → the FEIN column's header). */
    private static String columnOf(ColumnMapping mapping, RowHandler handler, FieldViolation v) {
        String field = v.field().replaceAll("[\\[.].*$", "");
        if (handler.fields().contains(field)) {
            return mapping.headerFor(field);
        }
        if (handler.fields().contains(v.record())) {
            return mapping.headerFor(v.record());
        }
        return v.path();
    }
}
