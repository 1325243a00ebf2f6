package org.sectorcrm.examples.reports;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.examples.csv.CsvReader;

/**
 * Reads establishment counts from CSV with the header {@code area,quarter,establishments} ({@code area} = a region
 * code or {@code STATE}; {@code quarter} like {@code 2026-Q2}; {@code establishments} a whole number, 0 or more).
 * Every bad line is named at once ({@code line 4.quarter: ...}), and then nothing is returned: counts go into a report
 * to the state, so a file loads whole or not at all.
 */
public final class EstablishmentCountsCsv {
    public static final List<String> HEADER = List.of("area", "quarter", "establishments");

    private EstablishmentCountsCsv() {
    }

    /** A count and the line of the file it came from. */
    public record Line(int line, EstablishmentCount count) {
    }

    public static List<EstablishmentCount> read(Reader in) {
        return lines(in).stream().map(Line::count).toList();
    }

    public static List<Line> lines(Reader in) {
        List<FieldViolation> problems = new ArrayList<>();
        List<Line> counts = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        try (CsvReader csv = new CsvReader(in)) {
            CsvReader.Row header = csv.next();
            if (header == null) {
                throw ValidationException.of("establishmentCounts", "header", "is missing: the first line must be area,quarter,establishments");
            }
            List<String> names = header.fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            if (!names.equals(HEADER)) {
                throw ValidationException.of("establishmentCounts", "header", "must be area,quarter,establishments but was " + String.join(",", header.fields()));
            }
            for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
                String where = "line " + row.line();
                List<String> f = row.fields();
                if (f.size() != 3) {
                    problems.add(new FieldViolation("establishmentCounts", where, "has " + f.size() + " fields, not 3 (area,quarter,establishments)"));
                    continue;
                }
                int before = problems.size();
                String area = null;
                CalendarQuarter quarter = null;
                long n = -1;
                try {
                    area = EstablishmentCount.checkArea(f.get(0), "area");
                } catch (ValidationException e) {
                    problems.add(new FieldViolation("establishmentCounts", where + ".area", e.violations().get(0).message()));
                }
                try {
                    quarter = CalendarQuarter.parse(f.get(1), "establishmentCounts", where + ".quarter");
                } catch (ValidationException e) {
                    problems.addAll(e.violations());
                }
                try {
                    n = Long.parseLong(f.get(2).trim());
                    if (n < 0) {
                        problems.add(new FieldViolation("establishmentCounts", where + ".establishments", "must be 0 or more but was " + f.get(2)));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new FieldViolation("establishmentCounts", where + ".establishments", "must be a whole number but was '" + f.get(2) + "'"));
                }
                if (problems.size() == before) {
                    EstablishmentCount c = EstablishmentCount.of(area, quarter, n);
                    Integer earlier = firstLine.putIfAbsent(c.id().asString(), row.line());
                    if (earlier != null) {
                        problems.add(new FieldViolation("establishmentCounts", where, area + " " + quarter + " is already given on line " + earlier));
                    } else {
                        counts.add(new Line(row.line(), c));
                    }
                }
            }
        } catch (CsvReader.CsvFormatException e) {
            problems.add(new FieldViolation("establishmentCounts", "line " + e.line(), e.getMessage()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return counts;
    }
}
