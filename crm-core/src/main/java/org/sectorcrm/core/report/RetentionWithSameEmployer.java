package org.sectorcrm.core.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sectorcrm.core.ValidationException;

/**
 * The Retention with the Same Employer definition, fed one wage record at a time so that a file of any size streams
 * through it: only counts per exit quarter and the participant ids seen (to refuse a participant given twice, which
 * would count them twice) are held, and only until {@link #result()}.
 *
 * @since 2
 */
public final class RetentionWithSameEmployer {
    private final CalendarQuarter from;
    private final CalendarQuarter to;
    private final Set<String> seen = new HashSet<>();
    private final Map<CalendarQuarter, long[]> byQuarter = new TreeMap<>();
    private long lines;

    /** A cohort of exit quarters {@code from..to} inclusive; either may be null (open). */
    public RetentionWithSameEmployer(CalendarQuarter from, CalendarQuarter to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ValidationException.of("report", "exitFrom", "must not be after exitTo (" + from + " > " + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    /**
     * Counts one record.
     *
     * @throws ValidationException naming {@code wageRecord.participant} when the participant was given before
     */
    public void add(WageRecord r) {
        if (!seen.add(r.participant())) {
            throw ValidationException.of("wageRecord", "participant", "'" + r.participant() + "' is given twice: one line per exiter");
        }
        lines++;
        if ((from != null && r.exitQuarter().compareTo(from) < 0) || (to != null && r.exitQuarter().compareTo(to) > 0)) {
            return;
        }
        long[] n = byQuarter.computeIfAbsent(r.exitQuarter(), q -> new long[3]);
        n[0]++;
        if (r.employedSecondQuarter()) {
            n[1]++;
            if (r.sameEmployerFourthQuarter()) {
                n[2]++;
            }
        }
    }

    public RetentionReport result() {
        long exiters = 0;
        long employed = 0;
        long retained = 0;
        List<RetentionReport.Quarter> quarters = new ArrayList<>();
        for (Map.Entry<CalendarQuarter, long[]> e : byQuarter.entrySet()) {
            long[] n = e.getValue();
            exiters += n[0];
            employed += n[1];
            retained += n[2];
            quarters.add(new RetentionReport.Quarter(e.getKey(), n[0], RetentionReport.Ratio.of(n[2], n[1], NONE_EMPLOYED)));
        }
        seen.clear();
        return new RetentionReport(from, to, lines, exiters, RetentionReport.Ratio.of(retained, employed,
                exiters == 0 ? "no exiter in the cohort" : NONE_EMPLOYED), quarters);
    }

    private static final String NONE_EMPLOYED = "no exiter of the cohort was employed in the 2nd quarter after exit";
}
