package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EseOptions;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.report.EstablishmentCountId;
import org.sectorcrm.core.report.ProgramPeriod;
import org.sectorcrm.core.report.ReportArea;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The ESE definitions over one transaction's view. The storage counts, places and applies the area (one
 * {@code eseEstablishments} query for both windows: one row per placed establishment of the area with its categories in
 * the period and whether it was served in the look-back window; never engagements, never one employer read per served
 * employer); this class forms the figures.
 */
final class EseCalculation {
    private final StorageTransaction tx;
    private final Set<String> notCounted = new TreeSet<>();

    private EseCalculation(StorageTransaction tx) {
        this.tx = tx;
    }

    static EseReport compute(StorageTransaction tx, ProgramPeriod period, ReportArea area, EseOptions options) {
        return new EseCalculation(tx).run(period, area, options);
    }

    /** The storage question for {@code period} and {@code area}: both windows, the area (a region with its counties). */
    static ReportQueries.EseQuery query(StorageTransaction tx, ProgramPeriod period, ReportArea area, EseOptions options) {
        ProgramPeriod.DateWindow window = period.lookBack(options.lookBackYears());
        if (area instanceof ReportArea.InRegion r) {
            Region region = tx.regions().find(r.region())
                    .orElseThrow(() -> ValidationException.of("report", "area", "region " + r.region() + " does not exist"));
            return ReportQueries.EseQuery.inRegion(period.start(), period.end(), window.start(), window.end(), region.id(), region.counties());
        }
        if (area instanceof ReportArea.OfPartner o) {
            if (tx.partners().find(o.partner()).isEmpty()) {
                throw ValidationException.of("report", "area", "partner " + o.partner() + " does not exist");
            }
            return ReportQueries.EseQuery.of(period.start(), period.end(), window.start(), window.end(), o.partner());
        }
        return ReportQueries.EseQuery.of(period.start(), period.end(), window.start(), window.end(), null);
    }

    private EseReport run(ProgramPeriod period, ReportArea area, EseOptions options) {
        ProgramPeriod.DateWindow window = period.lookBack(options.lookBackYears());
        ReportQueries.EseQuery query = query(tx, period, area, options);
        // One row per placed establishment of the area (the store applies the area), sorted once by id: every figure's
        // list is then filled in order (tens of thousands of ids at state scale; no sorted set per figure). Ids compare
        // as their canonical text does: the 128-bit value, unsigned.
        List<ReportQueries.EseEstablishment> found = new ArrayList<>();
        for (ReportQueries.EseEstablishment s : tx.reports().eseEstablishments(query)) {
            if (s.establishment() == null) {
                notCounted.add(s.employer().asString()); // no establishment named and no primary one: nothing to count
            } else {
                found.add(s);
            }
        }
        found.sort(BY_ID);
        List<List<String>> byCategory = new ArrayList<>();
        for (int i = 0; i < EseCategory.values().length; i++) {
            byCategory.add(new ArrayList<>());
        }
        List<String> served = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (ReportQueries.EseEstablishment s : found) {
            String id = s.establishment().asString();
            if (!s.categories().isEmpty()) {
                addOnce(served, id);
                for (EseCategory c : s.categories()) {
                    addOnce(byCategory.get(c.ordinal()), id);
                }
            }
            if (s.lookBack()) {
                addOnce(before, id);
            }
        }
        List<EseReport.Row> rows = new ArrayList<>();
        for (EseCategory c : EseCategory.values()) {
            List<String> ids = byCategory.get(c.ordinal());
            rows.add(new EseReport.Row(c.line(), c.label(), c, ids.size(), ids));
        }
        List<String> again = intersection(before, served);
        EseReport.Rate repeat = rate(again, (long) before.size(), before,
                "no establishment in the area received a countable service in the " + options.lookBackYears() + " program years before PY"
                        + period.programYear() + " (" + window.start() + ".." + window.end() + ")");

        CalendarQuarter quarter = period.countQuarter();
        EseReport.Rate penetration;
        String countArea = area.countArea();
        if (countArea == null) {
            penetration = new EseReport.Rate(served.size(), null, null,
                    "establishment counts are labour-market data per region or state; a partner area has none", served, List.of());
        } else {
            Optional<EstablishmentCount> count = tx.store(AggregateTypes.ESTABLISHMENT_COUNT).find(EstablishmentCountId.of(countArea, quarter));
            if (count.isEmpty()) {
                penetration = new EseReport.Rate(served.size(), null, null, "no establishment count for " + countArea + " in " + quarter
                        + " (the calendar quarter of the period's last day; no other quarter is substituted)", served, List.of());
            } else {
                penetration = rate(served, count.get().establishments(), List.of(), "the establishment count for " + countArea + " in " + quarter + " is 0");
            }
        }
        return new EseReport(new EseReport.Period(period.label(), period.start(), period.end()), area.label(), rows,
                new EseReport.Total(served.size(), served), penetration, quarter.toString(), repeat,
                new EseReport.Window(window.start(), window.end(), options.lookBackYears()), List.copyOf(notCounted));
    }

    private static EseReport.Rate rate(List<String> numerator, long denominator, List<String> denominatorIds, String reasonWhenZero) {
        if (denominator == 0) {
            return new EseReport.Rate(numerator.size(), 0L, null, reasonWhenZero, numerator, denominatorIds);
        }
        return new EseReport.Rate(numerator.size(), denominator, (double) numerator.size() / denominator, null, numerator, denominatorIds);
    }

    /** By establishment id in the order of its text (lower-case hex digits: the unsigned value). */
    private static final java.util.Comparator<ReportQueries.EseEstablishment> BY_ID = (a, b) -> {
        java.util.UUID x = a.establishment().value();
        java.util.UUID y = b.establishment().value();
        int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    };

    /** Adds {@code id} unless it is the last one: ids come in order, so an establishment listed twice is adjacent. */
    private static void addOnce(List<String> ids, String id) {
        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
            ids.add(id);
        }
    }

    /** The ids in both sorted lists, in order. */
    private static List<String> intersection(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        for (int i = 0, j = 0; i < a.size() && j < b.size();) {
            int c = a.get(i).compareTo(b.get(j));
            if (c == 0) {
                out.add(a.get(i));
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return List.copyOf(out);
    }
}
