package org.sectorcrm.core.report;

import java.time.LocalDate;
import java.util.List;

import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.EseCategory;

/**
 * The WIOA "Effectiveness in Serving Employers" figures for one period and area (ETA-9169 layout): the establishments
 * served per category, the total, the Employer Penetration Rate and the Repeat Business Customers Rate, each figure
 * with the ids of the establishments behind it, so a reader can check it. See docs/reports.md for each definition.
 *
 * @param period          the period's label and days
 * @param area            {@code state}, {@code region:CODE} or {@code partner:ID}
 * @param rows            the eight ETA-9169 rows in table order
 * @param total           every establishment served in any category, each once
 * @param penetration     total ÷ the area's establishment count for {@code countQuarter}
 * @param countQuarter    the calendar quarter containing the period's last day
 * @param repeatBusiness  of the establishments served in {@code lookBack}, the share served again in the period
 * @param lookBack        the window of the repeat-business denominator
 * @param notCounted      employers with countable services that named no establishment and have no establishment to
 *                        fall back to (no primary): they cannot be counted as establishments and are listed instead
 * @since 2
 */
public record EseReport(Period period, String area, List<Row> rows, Total total, Rate penetration, String countQuarter, Rate repeatBusiness,
        Window lookBack, List<String> notCounted) {
    public EseReport {
        Check c = Check.of("eseReport");
        rows = c.list("rows", rows);
        notCounted = c.list("notCounted", notCounted);
        c.throwIfInvalid();
    }

    /** The period: {@code PY2025Q1}, 2025-07-01, 2025-09-30. */
    public record Period(String label, LocalDate start, LocalDate end) {
    }

    /** One ETA-9169 row: its row number, label, the number of distinct establishments and their ids (sorted). */
    public record Row(int row, String label, EseCategory category, long count, List<String> establishments) {
        public Row {
            Check c = Check.of("eseRow");
            establishments = c.list("establishments", establishments);
            c.throwIfInvalid();
        }
    }

    /** The total: distinct establishments served in any category. */
    public record Total(long count, List<String> establishments) {
        public Total {
            Check c = Check.of("eseTotal");
            establishments = c.list("establishments", establishments);
            c.throwIfInvalid();
        }
    }

    /**
     * A rate as its parts: {@code rate} = numerator ÷ denominator, null when undefined, with the reason in
     * {@code undefinedReason} (a missing denominator is never 0 and never an error). {@code establishments} are the
     * ids behind the numerator; {@code denominatorEstablishments} those behind the denominator where it is counted from
     * records (repeat business), empty where it is labour-market data (penetration).
     */
    public record Rate(long numerator, Long denominator, Double rate, String undefinedReason, List<String> establishments,
            List<String> denominatorEstablishments) {
        public Rate {
            Check c = Check.of("eseRate");
            establishments = c.list("establishments", establishments);
            denominatorEstablishments = c.list("denominatorEstablishments", denominatorEstablishments);
            c.throwIfInvalid();
        }
    }

    /** Days {@code start}..{@code end} inclusive, and how many program years they span. */
    public record Window(LocalDate start, LocalDate end, int programYears) {
    }
}
