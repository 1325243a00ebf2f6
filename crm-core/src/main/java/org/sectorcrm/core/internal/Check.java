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

    /** Required text: not null, not blank, at most {@code max} characters. */
    public Check text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return optionalText(field, value, max);
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

    public Check notBefore(String field, LocalDate value, String otherField, LocalDate other) {
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
