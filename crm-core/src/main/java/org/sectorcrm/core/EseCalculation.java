package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.report.CalendarQuarter;
import org.sectorcrm.core.report.EseOptions;
import org.sectorcrm.core.report.EseReport;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.report.EstablishmentCountId;
import org.sectorcrm.core.report.ProgramPeriod;
import org.sectorcrm.core.report.ReportArea;
import org.sectorcrm.core.spi.ReportQueries.PlacedService;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The ESE definitions over one transaction's view. The storage counts and places (one {@code placedCountableServices}
 * query per window: distinct triples, each resolved to an establishment, with its county and its employer's region;
 * never engagements, never one employer read per served employer); this class applies the area and forms the sets.
 */
final class EseCalculation {
    private final StorageTransaction tx;
    private final Set<String> notCounted = new TreeSet<>();
    /** Normalised once per spelling: a county name comes in many rows. */
    private final Map<String, String> normalCounties = new java.util.HashMap<>();
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");

    private EseCalculation(StorageTransaction tx) {
        this.tx = tx;
    }

    static EseReport compute(StorageTransaction tx, ProgramPeriod period, ReportArea area, EseOptions options) {
        return new EseCalculation(tx).run(period, area, options);
    }

    private EseReport run(ProgramPeriod period, ReportArea area, EseOptions options) {
        PartnerId partner = null;
        Predicate<Placed> inArea = p -> true;
        if (area instanceof ReportArea.InRegion r) {
            Region region = tx.regions().find(r.region())
                    .orElseThrow(() -> ValidationException.of("report", "area", "region " + r.region() + " does not exist"));
            Set<String> counties = new java.util.HashSet<>();
            region.counties().forEach(c -> counties.add(normalCounty(c)));
            inArea = p -> p.county() != null ? counties.contains(p.county()) : region.id().equals(p.region());
        } else if (area instanceof ReportArea.OfPartner o) {
            partner = o.partner();
            if (tx.partners().find(partner).isEmpty()) {
                throw ValidationException.of("report", "area", "partner " + partner + " does not exist");
            }
        }
        Map<EseCategory, TreeSet<String>> byCategory = new EnumMap<>(EseCategory.class);
        for (EseCategory c : EseCategory.values()) {
            byCategory.put(c, new TreeSet<>());
        }
        TreeSet<String> total = new TreeSet<>();
        for (PlacedService s : tx.reports().placedCountableServices(period.start(), period.end(), partner, true)) {
            Placed p = place(s);
            if (p != null && inArea.test(p)) {
                byCategory.get(s.category()).add(p.establishment());
                total.add(p.establishment());
            }
        }
        List<EseReport.Row> rows = new ArrayList<>();
        byCategory.forEach((c, ids) -> rows.add(new EseReport.Row(c.line(), c.label(), c, ids.size(), List.copyOf(ids))));

        ProgramPeriod.DateWindow window = period.lookBack(options.lookBackYears());
        TreeSet<String> before = new TreeSet<>();
        for (PlacedService s : tx.reports().placedCountableServices(window.start(), window.end(), partner, false)) {
            Placed p = place(s);
            if (p != null && inArea.test(p)) {
                before.add(p.establishment());
            }
        }
        List<String> again = before.stream().filter(total::contains).toList();
        EseReport.Rate repeat = rate(again, (long) before.size(), List.copyOf(before),
                "no establishment in the area received a countable service in the " + options.lookBackYears() + " program years before PY"
                        + period.programYear() + " (" + window.start() + ".." + window.end() + ")");

        CalendarQuarter quarter = period.countQuarter();
        List<String> served = List.copyOf(total);
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

    /** An establishment served, with what places it in a region (county normalised, null without one). */
    private record Placed(String establishment, String county, RegionCode region) {
    }

    private Placed place(PlacedService s) {
        if (s.establishment() == null) {
            notCounted.add(s.employer().asString()); // no establishment named and no primary one: nothing to count
            return null;
        }
        String county = s.county() == null || s.county().isBlank() ? null : normalCounties.computeIfAbsent(s.county(), EseCalculation::normalCounty);
        return new Placed(s.establishment().asString(), county, s.region());
    }

    /** Counties compare ignoring case, surrounding blanks and a trailing " County" ("Cook County" = "cook"). */
    static String normalCounty(String county) {
        String c = BLANKS.matcher(county.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return c.endsWith(" county") ? c.substring(0, c.length() - " county".length()).trim() : c;
    }
}
