package org.sectorcrm.core.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sectorcrm.core.ValidationException;

/**
 * A WIOA reporting period: a program year {@code PY2025} (2025-07-01..2026-06-30) or one of its quarters
 * {@code PY2025Q1}..{@code PY2025Q4} (Q1 = July..September), both ends inclusive.
 *
 * @param programYear the year the program year starts in (PY2025 starts 2025-07-01)
 * @param quarter     1..4 for a quarter of the program year, 0 for the whole year
 * @since 2
 */
public record ProgramPeriod(int programYear, int quarter) {
    private static final Pattern TEXT = Pattern.compile("PY(\\d{4})(?:Q([1-4]))?");

    public ProgramPeriod {
        if (programYear < 1900 || programYear > 9998 || quarter < 0 || quarter > 4) {
            throw ValidationException.of("report", "period", "must be a program year 1900..9998 with quarter 0 (whole year) or 1..4 but was PY"
                    + programYear + " quarter " + quarter);
        }
    }

    /** {@code PY2025} or {@code PY2025Q3} (any case); anything else is refused naming the parameter {@code period}. */
    public static ProgramPeriod parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw ValidationException.of("report", "period", "must be a program year like PY2025 or one of its quarters PY2025Q1..PY2025Q4 but was '"
                    + text + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1900 || year > 9998) {
            throw ValidationException.of("report", "period", "must be a program year 1900..9998 but was '" + text + "'");
        }
        return new ProgramPeriod(year, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    public static ProgramPeriod year(int programYear) {
        return new ProgramPeriod(programYear, 0);
    }

    /** {@code PY2025} or {@code PY2025Q1}. */
    public String label() {
        return "PY" + programYear + (quarter == 0 ? "" : "Q" + quarter);
    }

    public boolean isWholeYear() {
        return quarter == 0;
    }

    /** The first day, inclusive. */
    public LocalDate start() {
        LocalDate yearStart = LocalDate.of(programYear, 7, 1);
        return quarter == 0 ? yearStart : yearStart.plusMonths(3L * (quarter - 1));
    }

    /** The last day, inclusive. */
    public LocalDate end() {
        return (quarter == 0 ? start().plusYears(1) : start().plusMonths(3)).minusDays(1);
    }

    /** The whole program year this period lies in. */
    public ProgramPeriod programYearPeriod() {
        return year(programYear);
    }

    /** The calendar quarter that contains the last day: the quarter of the establishment count the penetration rate divides by. */
    public CalendarQuarter countQuarter() {
        return CalendarQuarter.of(end());
    }

    /**
     * The look-back window of the Repeat Business Customers Rate: the {@code years} program years before the program
     * year of this period, first day of the earliest to last day of the latest.
     */
    public DateWindow lookBack(int years) {
        if (years < 1) {
            throw ValidationException.of("report", "lookBackYears", "must be at least 1 but was " + years);
        }
        return new DateWindow(year(programYear - years).start(), year(programYear - 1).end());
    }

    @Override
    public String toString() {
        return label();
    }

    /** Days {@code start}..{@code end}, both inclusive. */
    public record DateWindow(LocalDate start, LocalDate end) {
    }
}
