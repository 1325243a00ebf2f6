package org.sectorcrm.core.report;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sectorcrm.core.ValidationException;

/**
 * A calendar quarter ({@code 2026-Q2} = April..June 2026): the period QCEW publishes establishment counts for.
 *
 * @since 2
 */
public record CalendarQuarter(int year, int quarter) implements Comparable<CalendarQuarter> {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public CalendarQuarter {
        if (year < 1900 || year > 9999 || quarter < 1 || quarter > 4) {
            throw ValidationException.of("establishmentCount", "quarter", "must be a year 1900..9999 and a quarter 1..4 but was " + year + "-Q" + quarter);
        }
    }

    /** {@code 2026-Q2}; anything else is refused naming {@code record.field}. */
    public static CalendarQuarter parse(String text, String record, String field) {
        Matcher m = text == null ? null : TEXT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw ValidationException.of(record, field, "must be a calendar quarter like 2026-Q2 but was '" + text + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1900) {
            throw ValidationException.of(record, field, "must be a year 1900..9999 but was '" + text + "'");
        }
        return new CalendarQuarter(year, Integer.parseInt(m.group(2)));
    }

    public static CalendarQuarter parse(String text) {
        return parse(text, "establishmentCount", "quarter");
    }

    /** The quarter that contains {@code day}. */
    public static CalendarQuarter of(LocalDate day) {
        return new CalendarQuarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    @Override
    public int compareTo(CalendarQuarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
