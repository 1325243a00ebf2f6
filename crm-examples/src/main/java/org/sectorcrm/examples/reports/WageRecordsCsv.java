package org.sectorcrm.examples.reports;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.RetentionReport;
import org.sectorcrm.core.report.WageRecord;
import org.sectorcrm.examples.csv.CsvReader;

/**
 * Reads a wage-record file for Retention with the Same Employer, streaming: CSV with a header naming the columns
 * {@code participant}, {@code exitQuarter} (like {@code 2025-Q1}), {@code q2} and {@code q4} (the employers paying wages
 * in the 2nd and 4th quarter after exit: a FEIN or a UI account number, several separated by {@code ;}, empty when none),
 * in any order and case; {@code q1} and {@code q3} may be present and are ignored; any other column is refused, so that
 * a misnamed column is never silently read as "not employed". Every bad line is named ({@code line 7.q4: ...}, the first
 * {@value #MAX_PROBLEMS}) and then no figure is given. Nothing of the file is kept: each line is counted and dropped.
 */
public final class WageRecordsCsv {
    static final int MAX_PROBLEMS = 100;
    private static final Set<String> REQUIRED = Set.of("participant", "exitquarter", "q2", "q4");
    private static final Set<String> IGNORED = Set.of("q1", "q3");

    private WageRecordsCsv() {
    }

    /** Streams {@code in} through {@code session.reports().retention(...)}; a file with any bad line gives no report. */
    public static RetentionReport retention(CrmSession session, Reader in, CalendarQuarter exitFrom, CalendarQuarter exitTo) {
        List<FieldViolation> problems = new ArrayList<>();
        try (CsvReader csv = new CsvReader(in)) {
            Map<String, Integer> columns = header(csv.next());
            Map<String, Integer> firstLine = new HashMap<>();
            Spliterator<WageRecord> lines = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super WageRecord> action) {
                    for (CsvReader.Row row = next(csv, problems); row != null; row = next(csv, problems)) {
                        WageRecord r = record(row, columns, problems);
                        if (r == null) {
                            continue;
                        }
                        Integer earlier = firstLine.putIfAbsent(r.participant(), row.line());
                        if (earlier != null) {
                            add(problems, new FieldViolation("wageRecords", "line " + row.line() + ".participant",
                                    "'" + r.participant() + "' is already given on line " + earlier + ": one line per exiter"));
                        } else if (problems.isEmpty()) {
                            action.accept(r); // once a line is bad no figure is given: the rest is only checked
                            return true;
                        }
                    }
                    if (!problems.isEmpty()) {
                        throw new ValidationException(problems); // before crm-core counts or audits anything
                    }
                    return false;
                }
            };
            try (Stream<WageRecord> records = StreamSupport.stream(lines, false)) {
                return session.reports().retention(records, exitFrom, exitTo);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CsvReader.Row next(CsvReader csv, List<FieldViolation> problems) {
        try {
            return csv.next();
        } catch (CsvReader.CsvFormatException e) {
            add(problems, new FieldViolation("wageRecords", "line " + e.line(), e.getMessage()));
            return null; // a broken quote leaves the rest unreadable
        }
    }

    private static Map<String, Integer> header(CsvReader.Row header) {
        if (header == null) {
            throw ValidationException.of("wageRecords", "header", "is missing: the first line names the columns participant,exitQuarter,q2,q4");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT).replace("_", "");
            if (!REQUIRED.contains(name) && !IGNORED.contains(name)) {
                problems.add(new FieldViolation("wageRecords", "header", "column '" + header.fields().get(i) + "' is not one of participant, exitQuarter, q1..q4"));
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add(new FieldViolation("wageRecords", "header", "column '" + header.fields().get(i) + "' is given twice"));
            }
        }
        REQUIRED.stream().sorted().filter(c -> !columns.containsKey(c))
                .forEach(c -> problems.add(new FieldViolation("wageRecords", "header", "has no column " + (c.equals("exitquarter") ? "exitQuarter" : c))));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return columns;
    }

    private static WageRecord record(CsvReader.Row row, Map<String, Integer> columns, List<FieldViolation> problems) {
        String where = "line " + row.line();
        List<String> f = row.fields();
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (f.size() < width) {
            add(problems, new FieldViolation("wageRecords", where, "has " + f.size() + " fields, the header " + width));
            return null;
        }
        CalendarQuarter exit = null;
        try {
            exit = CalendarQuarter.parse(f.get(columns.get("exitquarter")), "wageRecords", where + ".exitQuarter");
        } catch (ValidationException e) {
            e.violations().forEach(v -> add(problems, v));
        }
        try {
            WageRecord r = new WageRecord(f.get(columns.get("participant")), exit, employers(f.get(columns.get("q2"))), employers(f.get(columns.get("q4"))));
            return exit == null ? null : r;
        } catch (ValidationException e) {
            e.violations().stream().filter(v -> !v.field().equals("exitQuarter"))
                    .forEach(v -> add(problems, new FieldViolation("wageRecords", where + "." + v.field(), v.message())));
            return null;
        }
    }

    private static Set<String> employers(String cell) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static void add(List<FieldViolation> problems, FieldViolation v) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(v);
        }
    }
}
