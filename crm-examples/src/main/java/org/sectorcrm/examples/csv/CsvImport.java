package org.sectorcrm.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.LongConsumer;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.RecordBatch;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.StorageException;
import org.sectorcrm.core.ValidationException;

/**
 * The shared run of every CSV import: read the header, turn each row into a field map, hand the rows to the
 * kind-specific {@link RowHandler}, and collect per-row results.
 *
 * <p>Rows go through the application's bulk path ({@link RecordOperations#batch}): {@link BatchOptions#batchSize}
 * rows are looked up in one read transaction and written in one transaction, with every check, audit entry and event
 * a single create or update would have. A batch whose writes fail is written again row by row, so one bad row never
 * keeps the good ones out and never leaves half of itself behind. A dry run makes exactly the writes of the real run
 * inside one transaction that is rolled back, so it reports what the real run will do, line by line.
 */
public final class CsvImport {
    /** What one row came to. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    /** Imports one kind of record. */
    public interface RowHandler {
        String kind();

        /** Every field the import reads, in export column order. */
        List<String> fields();

        Set<String> requiredColumns();

        /** Other names files give a field's column, tried when the file has no column named like the field ("Main Phone"). */
        default Map<String, List<String>> aliases() {
            return Map.of();
        }

        /** Whether the records have custom fields, so that a column may be mapped to one ({@code customFields.KEY} in a row). */
        default boolean customFields() {
            return false;
        }

        /** Upserts every row by its natural key, telling {@code results} what each came to. */
        void importRows(Iterator<Line> rows, BatchOptions options, Results results);
    }

    /** One well-formed data row: its line in the file (the first line of a row with quoted line breaks) and its values by field. */
    public record Line(int line, Map<String, String> values) {
    }

    /** Hears what each line came to (for a per-line report). */
    @FunctionalInterface
    public interface LineOutcomes {
        void outcome(int line, Outcome outcome);

        static LineOutcomes none() {
            return (line, outcome) -> {
            };
        }
    }

    /**
     * A handler that upserts one aggregate type through {@link RecordOperations#batch}. It says how a row is looked up
     * and merged ({@link #prepare}), and which natural keys a record answers to ({@link #keysOf}): a row that looks
     * up a key a queued row will write waits until the queue is written, so it sees what the rows before it stored,
     * exactly as it would one row at a time.
     */
    public abstract static class Upserts<I extends Id, T extends Aggregate<I>, F, V> implements RowHandler {
        /** What a row looked up and what it wants stored: {@code existing} is null for a new record. */
        protected record Prepared<T>(Set<String> lookedUp, T existing, T merged) {
        }

        protected abstract RecordOperations<I, T, F, V> operations();

        /** Looks the row's record up by its natural key and merges the row into it; only reads. Throws for a bad row. */
        protected abstract Prepared<T> prepare(Map<String, String> row);

        /** The natural keys another row could find {@code record} by. */
        protected abstract Set<String> keysOf(T record);

        /**
         * The keys (as {@link #keysOf} spells them) that the row will look up and that its cells alone tell, before any
         * read. A row whose {@link #prepare} fails while one of them is queued is prepared again once the queue is
         * written, so that its error is the one it gets after the rows above it are stored. None by default.
         */
        protected Set<String> rowKeys(Map<String, String> row) {
            return Set.of();
        }

        /**
         * Reads at once what {@link #prepare} will look up for {@code rows} (their natural keys: one {@code IN} query for
         * many rows instead of one query per row), so that preparing them reads nothing more. Called inside the read
         * transaction of {@link RecordBatch#lookups} before the first of them is prepared; what it read answers until the
         * next call, and nothing is written in between, so the answers are those the single lookups would give. Reads
         * nothing ahead by default.
         */
        protected void readAhead(List<Map<String, String>> rows) {
        }

        @Override
        public final void importRows(Iterator<Line> rows, BatchOptions options, Results results) {
            operations().<Integer>batch(options, new RecordBatch.Listener<>() {
                @Override
                public void stored(Integer line, RecordBatch.Outcome outcome, V record) {
                    results.outcome(line, Outcome.valueOf(outcome.name()));
                    if (outcome == RecordBatch.Outcome.CREATED && results.duplicates != null) {
                        results.duplicates.created(line, record);
                    }
                }

                @Override
                public void rejected(Integer line, CrmException problem) {
                    results.rejected(line, problem);
                    if (results.duplicates != null) {
                        results.duplicates.refused(line);
                    }
                }
            }, batch -> {
                List<Line> chunk = new ArrayList<>(options.batchSize());
                while (rows.hasNext()) {
                    chunk.add(rows.next());
                    if (chunk.size() == options.batchSize() || !rows.hasNext()) {
                        write(batch, chunk, results);
                        chunk.clear();
                        results.progress();
                    }
                }
            });
        }

        /** Rows read ahead first in each lookup segment ({@link #readAhead}); the window doubles after each. */
        private static final int FIRST_READ_AHEAD = 50;

        private record Queued<T>(int line, Prepared<T> prepared) {
        }

        private record Rejected(int line, CrmException problem) {
        }

        private record Flagged(int line, List<ImportReport.Duplicate> duplicates) {
        }

        /** Looks a chunk up in as few read transactions as its rows allow, queues it and writes it. */
        private void write(RecordBatch<Integer, I, T, F, V> batch, List<Line> chunk, Results results) {
            Set<String> queuedKeys = new HashSet<>();
            int next = 0;
            while (next < chunk.size()) {
                int from = next;
                List<Queued<T>> queued = new ArrayList<>();
                List<Rejected> rejected = new ArrayList<>();
                List<Integer> unchanged = new ArrayList<>();
                List<Flagged> flagged = new ArrayList<>();
                Set<String> segmentKeys = new HashSet<>();
                ImportDuplicates duplicates = results.duplicates;
                int kept = duplicates == null ? 0 : duplicates.mark();
                next = batch.lookups(() -> {
                    queued.clear(); // a storage may run the reads again
                    rejected.clear();
                    unchanged.clear();
                    flagged.clear();
                    if (duplicates != null) {
                        duplicates.reset(kept);
                    }
                    Set<String> keys = new HashSet<>(queuedKeys);
                    int i = from;
                    int readTo = from;
                    int window = FIRST_READ_AHEAD;
                    for (; i < chunk.size(); i++) {
                        if (i == readTo) {
                            // Windows growing from a few rows: a segment that ends early (a row reading what a queued
                            // row writes) wastes little of its read-ahead; a long one reads in a handful of queries.
                            readTo = Math.min(chunk.size(), i + window);
                            window *= 2;
                            readAhead(chunk.subList(i, readTo).stream().map(Line::values).toList());
                        }
                        Line line = chunk.get(i);
                        Prepared<T> p;
                        try {
                            p = prepare(line.values());
                        } catch (StorageException e) {
                            throw e;
                        } catch (CrmException e) {
                            if (!keys.isEmpty() && rowKeys(line.values()).stream().anyMatch(keys::contains)) {
                                break; // it may fail only because a queued row is not stored yet: write the queue first
                            }
                            rejected.add(new Rejected(line.line(), e));
                            continue;
                        }
                        Set<String> touched = new HashSet<>(p.lookedUp());
                        if (p.existing() != null) {
                            touched.addAll(keysOf(p.existing()));
                        }
                        if (touched.stream().anyMatch(keys::contains)) { // not Collections.disjoint: it would walk the whole queue
                            break; // it reads what a queued row writes: write the queue first, then look it up again
                        }
                        if (p.existing() != null && p.merged().equals(p.existing())) {
                            // The row says what is stored: an update would write nothing, so it is not queued (and not read again).
                            unchanged.add(line.line());
                            continue;
                        }
                        if (p.existing() == null && duplicates != null) {
                            // A new employer: checked against the stored ones and the file's rows before it (not against itself).
                            List<ImportReport.Duplicate> found = duplicates.check(line.line(), p.merged());
                            if (!found.isEmpty()) {
                                flagged.add(new Flagged(line.line(), found));
                                if (duplicates.skips()) {
                                    continue;
                                }
                            }
                            duplicates.keep(line.line(), p.merged());
                        }
                        touched.addAll(keysOf(p.merged()));
                        keys.addAll(touched);
                        queued.add(new Queued<>(line.line(), p));
                    }
                    segmentKeys.clear();
                    segmentKeys.addAll(keys);
                    return i;
                });
                queuedKeys.clear();
                queuedKeys.addAll(segmentKeys);
                rejected.forEach(r -> results.rejected(r.line(), r.problem()));
                unchanged.forEach(line -> results.outcome(line, Outcome.UNCHANGED));
                flagged.forEach(f -> results.flagged(f.line(), f.duplicates(), duplicates.skips()));
                for (Queued<T> q : queued) {
                    if (q.prepared().existing() == null) {
                        batch.create(q.line(), q.prepared().merged());
                    } else {
                        batch.update(q.line(), q.prepared().merged());
                    }
                }
                if (next < chunk.size()) {
                    batch.flush();
                    queuedKeys.clear();
                }
            }
            batch.flush();
        }
    }

    /** Collects what the rows came to: counts, errors by line and column, progress. */
    public static final class Results {
        private final RowHandler handler;
        private final ColumnMapping mapping;
        private ColumnMapping.Columns columns;
        private final LongConsumer progress;
        private final LineOutcomes outcomes;
        private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        private final List<ImportReport.RowError> errors = new ArrayList<>();
        private final List<ImportReport.Duplicate> flagged = new ArrayList<>();
        /** The duplicate check of new rows, or null (contacts, engagements, or an import without one). */
        private ImportDuplicates duplicates;
        private long skipped;
        private long done;

        Results(RowHandler handler, ColumnMapping mapping, LongConsumer progress, LineOutcomes outcomes) {
            this.handler = handler;
            this.mapping = mapping;
            this.progress = progress;
            this.outcomes = outcomes;
        }

        void outcome(int line, Outcome outcome) {
            counts.merge(outcome, 1L, Long::sum);
            outcomes.outcome(line, outcome);
            done++;
        }

        void rejected(int line, CrmException problem) {
            if (problem instanceof ValidationException e) {
                for (FieldViolation v : e.violations()) {
                    errors.add(new ImportReport.RowError(line, columnOf(v), v.message()));
                }
            } else {
                errors.add(new ImportReport.RowError(line, "row", problem.getMessage()));
            }
            done++;
        }

        /** A new row that likely duplicates employers: listed; left out and counted done when the check skips it. */
        void flagged(int line, List<ImportReport.Duplicate> found, boolean skippedRow) {
            flagged.addAll(found);
            if (skippedRow) {
                skipped++;
                done++;
            }
        }

        /** A row refused before it reached the handler (a malformed row). */
        void malformed(int line, String message) {
            errors.add(new ImportReport.RowError(line, "row", message));
            done++;
        }

        /** Tells the progress listener how many rows are done: stored, unchanged or rejected. */
        void progress() {
            progress.accept(done);
        }

        long count(Outcome o) {
            return counts.getOrDefault(o, 0L);
        }

        /** By line; the violations of one line in the order they were found. */
        List<ImportReport.RowError> errors() {
            List<ImportReport.RowError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(ImportReport.RowError::line));
            return sorted;
        }

        /** Names the CSV column behind a violated field where there is one ({@code employer.fein} → the FEIN column's header). */
        private String columnOf(FieldViolation v) {
            if (columns != null && v.field().startsWith("customFields.") && columns.headerOf(v.field()) != null) {
                return columns.headerOf(v.field());
            }
            String field = v.field().replaceAll("[\\[.].*$", "");
            if (handler.fields().contains(field)) {
                return headerFor(field);
            }
            if (handler.fields().contains(v.record())) {
                return headerFor(v.record());
            }
            return v.path();
        }

        /** The file's own header of a field's column (an alias the file used), else the mapped name. */
        private String headerFor(String field) {
            String found = columns == null ? null : columns.headerOf(field);
            return found != null ? found : mapping.headerFor(field);
        }
    }

    private CsvImport() {
    }

    /**
     * Runs the import in batches of {@value BatchOptions#DEFAULT_BATCH_SIZE} rows. {@code progress} receives the number
     * of rows done so far (for a progress bar).
     *
     * @throws ValidationException when the header lacks a required column (nothing is imported)
     */
    public static ImportReport run(Reader input, RowHandler handler, ColumnMapping mapping, boolean dryRun, LongConsumer progress)
            throws IOException {
        return run(input, handler, mapping, BatchOptions.defaults().withDryRun(dryRun), progress, LineOutcomes.none());
    }

    /**
     * Runs the import with the given batch size and dry-run flag; {@code outcomes} hears once what each line that was
     * not rejected came to (in a dry run: what it will come to), batch by batch.
     *
     * @throws ValidationException when the header lacks a required column (nothing is imported)
     */
    public static ImportReport run(Reader input, RowHandler handler, ColumnMapping mapping, BatchOptions options, LongConsumer progress,
            LineOutcomes outcomes) throws IOException {
        return run(input, handler, mapping, options, progress, outcomes, null);
    }

    /**
     * Runs the import with a duplicate check of each new row ({@code duplicates}, null for none): the report lists every
     * likely duplicate; with {@link ImportDuplicates.Policy#SKIP} those rows are not stored. A dry run reports the same.
     *
     * @throws ValidationException when the header lacks a required column (nothing is imported)
     */
    public static ImportReport run(Reader input, RowHandler handler, ColumnMapping mapping, BatchOptions options, LongConsumer progress,
            LineOutcomes outcomes, ImportDuplicates duplicates) throws IOException {
        Results results = new Results(handler, mapping, progress, outcomes);
        results.duplicates = duplicates;
        List<ImportReport.UnmappedColumn> unmapped = new ArrayList<>();
        long[] rows = {0};
        try (CsvReader reader = new CsvReader(input)) {
            CsvReader.Row header = reader.next();
            if (header == null) {
                throw ValidationException.of("csv", "header", "is missing: the file is empty");
            }
            ColumnMapping.Columns columns = mapping.locate(header.fields(), handler);
            results.columns = columns;
            long[] unmappedValues = new long[header.fields().size()];
            Iterator<Line> lines = new Iterator<>() {
                private Line next;
                private boolean end;

                @Override
                public boolean hasNext() {
                    while (next == null && !end) {
                        CsvReader.Row row;
                        try {
                            row = reader.next();
                        } catch (CsvReader.CsvFormatException e) {
                            rows[0]++;
                            results.malformed(e.line(), e.getMessage().replaceFirst("^line \\d+: ", "") + "; the rest of the file was not read");
                            end = true;
                            break;
                        }
                        if (row == null) {
                            end = true;
                            break;
                        }
                        rows[0]++;
                        if (row.fields().size() != header.fields().size()) {
                            results.malformed(row.line(), "has " + row.fields().size() + " fields but the header has " + header.fields().size());
                            continue;
                        }
                        Map<String, String> values = new HashMap<>();
                        columns.fields().forEach((field, index) -> {
                            String v = CsvWriter.unguard(row.fields().get(index).strip());
                            values.put(field, v.isEmpty() ? null : v);
                        });
                        columns.customFields().forEach((key, index) -> {
                            String v = CsvWriter.unguard(row.fields().get(index).strip());
                            values.put("customFields." + key, v.isEmpty() ? null : v);
                        });
                        for (int index : columns.unmapped().keySet()) {
                            if (!row.fields().get(index).isBlank()) {
                                unmappedValues[index]++;
                            }
                        }
                        next = new Line(row.line(), values);
                    }
                    return next != null;
                }

                @Override
                public Line next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Line l = next;
                    next = null;
                    return l;
                }
            };
            handler.importRows(lines, options, results);
            columns.unmapped().forEach((index, name) -> unmapped.add(new ImportReport.UnmappedColumn(index + 1, name, unmappedValues[index])));
        }
        results.progress();
        List<ImportReport.Duplicate> flagged = new ArrayList<>(results.flagged);
        flagged.sort(Comparator.comparingInt(ImportReport.Duplicate::line)); // stable: each line's candidates stay best first
        return new ImportReport(handler.kind(), options.dryRun(), rows[0], results.count(Outcome.CREATED), results.count(Outcome.UPDATED),
                results.count(Outcome.UNCHANGED), results.skipped, results.errors(), unmapped, flagged);
    }
}
