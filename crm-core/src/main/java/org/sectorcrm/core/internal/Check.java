package org.sectorcrm.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;

/**
 * Collects every violated rule of one record before throwing, so that a {@link ValidationException}
 * lists all bad fields at once (a form or a CSV row is fixed in one go, not one error per attempt).
 * Collection helpers return immutable copies; a null collection becomes empty.
 */
public final class Check {
    private final String record;
    private final List<FieldViolation> violations = new ArrayList<>();

    private Check(String record) {
        this.record = record;
    }

    public static Check of(String record) {
        return new Check(record);
    }

    public Check fail(String field, String message) {
        violations.add(new FieldViolation(record, field, message));
        return this;
    }

    public Check require(String field, Object value) {
        if (value == null) {
            fail(field, "is required");
        }
        return this;
    }

    public Check that(boolean ok, String field, String message) {
        if (!ok) {
            fail(field, message);
        }
        return this;
    }

    /** The earliest and latest date a record may hold: anything outside is a typo (0202 for 2020) or a probe, not a date. */
    public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

    /**
     * Required text: not null, at most {@code max} characters, with at least one visible character. A name made only
     * of blanks, zero-width, bidirectional-control or filler characters shows as nothing (or reverses the text around
     * it) in a list, a spreadsheet or an e-mail, so it is refused like a blank one.
     */
    public Check text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        if (!hasVisibleCharacter(value)) {
            return fail(field, "has no visible character (only blanks, invisible or bidirectional control characters)");
        }
        return optionalText(field, value, max);
    }

    /** Whether some code point shows: not white space, a control, a format character (zero-width, bidi) or a blank filler. */
    static boolean hasVisibleCharacter(String value) {
        return value.codePoints().anyMatch(cp -> {
            int type = Character.getType(cp);
            return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && type != Character.CONTROL && type != Character.FORMAT
                    && type != Character.UNASSIGNED && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0 && cp != 0x2800 && !(cp >= 0xFE00 && cp <= 0xFE0F);
        });
    }

    /** An optional web address a browser will open: an absolute http or https URL with a host. */
    public Check website(String field, String value, int max) {
        optionalText(field, value, max);
        if (value != null && !isWebLink(value)) {
            fail(field, "must be an http or https URL (https://example.org) but was '" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'");
        }
        return this;
    }

    /**
     * An absolute http(s) URL with a host and no blank anywhere. Checked by pattern rather than {@link java.net.URI},
     * which refuses international domain names (https://präzision.de) that browsers open.
     */
    public static boolean isWebLink(String text) {
        return WEB_LINK.matcher(text).matches();
    }

    private static final java.util.regex.Pattern WEB_LINK = java.util.regex.Pattern.compile(
            "(?i)https?://([^/?#\\s@]+@)?[^/?#\\s:@\\[\\]]+(:\\d{1,5})?([/?#]\\S*)?");

    /** A date, when present, between {@link #FIRST_DATE} and {@link #LAST_DATE}. */
    public Check date(String field, LocalDate value) {
        if (value != null && (value.isBefore(FIRST_DATE) || value.isAfter(LAST_DATE))) {
            fail(field, "must be between " + FIRST_DATE + " and " + LAST_DATE + " but was " + value);
        }
        return this;
    }

    /** Optional text: null is fine; when present, at most {@code max} characters and no control characters but tab/newline. */
    public Check optionalText(String field, String value, int max) {
        if (value == null) {
            return this;
        }
        if (value.length() > max) {
            fail(field, "is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                fail(field, "contains the control character U+" + String.format("%04X", (int) c));
                break;
            }
        }
        return this;
    }

    public Check nonNegative(String field, Number value) {
        if (value != null && (value instanceof BigDecimal b ? b.signum() < 0 : value.doubleValue() < 0)) {
            fail(field, "must not be negative but was " + value);
        }
        return this;
    }

    /** {@code value}, when present, is a {@link #date} not before {@code other}. */
    public Check notBefore(String field, LocalDate value, String otherField, LocalDate other) {
        date(field, value);
        if (value != null && other != null && value.isBefore(other)) {
            fail(field, "(" + value + ") must not be before " + otherField + " (" + other + ")");
        }
        return this;
    }

    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    // --- immutable copies that report null elements instead of throwing NullPointerException ---

    public <T> List<T> list(String field, Collection<T> values) {
        if (values == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(values.size());
        int i = 0;
        for (T v : values) {
            if (v == null) {
                fail(field + "[" + i + "]", "must not be null");
            } else {
                copy.add(v);
            }
            i++;
        }
        return List.copyOf(copy);
    }

    /** A set kept in natural order, so that stores round-trip it and equality never depends on insertion order. */
    public <T extends Comparable<? super T>> Set<T> sortedSet(String field, Collection<T> values) {
        if (values == null) {
            return Set.of();
        }
        TreeSet<T> copy = new TreeSet<>();
        int i = 0;
        for (T v : values) {
            if (v == null) {
                fail(field + "[" + i + "]", "must not be null");
            } else {
                copy.add(v);
            }
            i++;
        }
        return java.util.Collections.unmodifiableSortedSet(copy);
    }

    /** A set of ids kept in id order ({@link Id#asString()}), the order every store pages in. */
    public <T extends Id> Set<T> idSet(String field, Collection<T> values) {
        if (values == null) {
            return Set.of();
        }
        TreeSet<T> copy = new TreeSet<>(java.util.Comparator.comparing(Id::asString));
        int i = 0;
        for (T v : values) {
            if (v == null) {
                fail(field + "[" + i + "]", "must not be null");
            } else {
                copy.add(v);
            }
            i++;
        }
        return java.util.Collections.unmodifiableSortedSet(copy);
    }

    public List<String> texts(String field, Collection<String> values, int maxEach) {
        List<String> copy = list(field, values);
        for (int i = 0; i < copy.size(); i++) {
            text(field + "[" + i + "]", copy.get(i), maxEach);
        }
        return copy;
    }

    public Map<String, String> map(String field, Map<String, String> values, int maxKey, int maxValue) {
        if (values == null) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                fail(field, "has a blank key");
                continue;
            }
            text(field + "." + e.getKey(), e.getValue(), maxValue);
            if (e.getKey().length() > maxKey) {
                fail(field, "key '" + e.getKey().substring(0, 20) + "…' is longer than " + maxKey + " characters");
            }
            if (e.getValue() != null) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return java.util.Collections.unmodifiableSortedMap(copy);
    }
}
