package org.sectorcrm.core.report;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;

/**
 * One exiter's line of a wage-record file, as far as Retention with the Same Employer needs it: who (an id the
 * state's system gives, never a name or SSN), the calendar quarter of exit, and the employers that paid wages in the
 * 2nd and 4th quarters after exit (empty when none did). Employers are a FEIN ({@code 36-1234567} or nine digits) or a
 * state UI account number; {@link #employerKey} makes them comparable. Nothing of it is ever stored.
 *
 * @since 2
 */
public record WageRecord(String participant, CalendarQuarter exitQuarter, Set<String> secondQuarter, Set<String> fourthQuarter) {
    private static final Pattern FEIN = Pattern.compile("\\d{2}-?\\d{7}");
    private static final Pattern UI_ACCOUNT = Pattern.compile("[\\p{Alnum}][\\p{Alnum} ./-]{0,39}");

    public WageRecord {
        java.util.List<FieldViolation> problems = new java.util.ArrayList<>();
        if (participant == null || participant.isBlank() || participant.length() > 64) {
            problems.add(new FieldViolation("wageRecord", "participant", "is required, at most 64 characters"));
        }
        if (exitQuarter == null) {
            problems.add(new FieldViolation("wageRecord", "exitQuarter", "is required"));
        }
        secondQuarter = keys(secondQuarter, "q2", problems);
        fourthQuarter = keys(fourthQuarter, "q4", problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        participant = participant.trim();
    }

    private static Set<String> keys(Set<String> employers, String field, java.util.List<FieldViolation> problems) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : employers == null ? Set.<String>of() : employers) {
            String key = employerKey(e);
            if (key == null) {
                problems.add(new FieldViolation("wageRecord", field, "'" + e + "' is neither a FEIN (NN-NNNNNNN) nor a UI account number"
                        + " (letters, digits, blanks, '.', '/', '-'; at most 40)"));
            } else {
                out.add(key);
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The comparable form of an employer identifier: a FEIN as {@code FEIN:} and its nine digits (with or without the
     * dash), anything else as {@code UI:} and the account upper-cased with its blanks removed; null when it is neither.
     * A FEIN and a UI account never match each other: a file gives one kind of identifier per employer.
     */
    public static String employerKey(String employer) {
        if (employer == null) {
            return null;
        }
        String t = employer.trim();
        if (FEIN.matcher(t).matches()) {
            return "FEIN:" + t.replace("-", "");
        }
        if (UI_ACCOUNT.matcher(t).matches()) {
            return "UI:" + t.replace(" ", "").toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** Employed in the 2nd quarter after exit (the denominator). */
    public boolean employedSecondQuarter() {
        return !secondQuarter.isEmpty();
    }

    /** Employed by one of the 2nd quarter's employers in the 4th quarter too (the numerator). */
    public boolean sameEmployerFourthQuarter() {
        return secondQuarter.stream().anyMatch(fourthQuarter::contains);
    }
}
