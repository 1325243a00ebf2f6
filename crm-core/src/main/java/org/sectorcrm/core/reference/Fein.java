package org.sectorcrm.core.reference;

import java.util.Set;

import org.sectorcrm.core.ValidationException;

/**
 * A Federal Employer Identification Number: nine digits written {@code NN-NNNNNNN}, whose two-digit
 * prefix must be one the IRS assigns (01–06, 10–16, 20–27, 30–39, 40–48, 50–68, 71–77, 80–88, 90–95,
 * 98, 99). A FEIN identifies an employer, not an establishment. {@link #value()} holds the nine digits.
 */
public record Fein(String value) implements Comparable<Fein> {
    private static final Set<Integer> NEVER_ISSUED = Set.of(0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97);

    public Fein {
        if (value == null || !value.matches("\\d{9}")) {
            throw ValidationException.of("fein", "value", "must be nine digits, written NN-NNNNNNN, but was '" + value + "'");
        }
        int prefix = Integer.parseInt(value.substring(0, 2));
        if (NEVER_ISSUED.contains(prefix)) {
            throw ValidationException.of("fein", "value", "prefix " + value.substring(0, 2) + " is never issued by the IRS");
        }
    }

    /** Accepts {@code 36-1234567} or {@code 361234567}, with surrounding blanks. */
    public static Fein parse(String text) {
        if (text == null) {
            throw ValidationException.of("fein", "value", "is required");
        }
        String s = text.strip();
        if (s.matches("\\d{2}-\\d{7}")) {
            s = s.substring(0, 2) + s.substring(3);
        }
        return new Fein(s);
    }

    /** {@code NN-NNNNNNN}. */
    public String formatted() {
        return value.substring(0, 2) + "-" + value.substring(2);
    }

    @Override
    public int compareTo(Fein o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
