package org.sectorcrm.examples.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;

/**
 * The problems of one submitted form, per form field, in the order of the form: every problem at once, each message
 * naming its field ("FEIN: prefix 07 is never issued by the IRS"), shown next to the field and in the summary at the top.
 */
public final class FormErrors {
    private final Map<String, String> byField = new LinkedHashMap<>();
    private final Map<String, String> labels;

    /** @param labels the form's field names and their labels, in the order of the form */
    public FormErrors(Map<String, String> labels) {
        this.labels = labels;
    }

    public void add(String field, String message) {
        String label = labels.getOrDefault(field, field);
        byField.merge(field, label + ": " + message, (a, b) -> a + "; " + message);
    }

    /** The value {@code parse} gives, or null (and the problem noted against {@code field}) when it refuses the text. */
    public <T> T parse(String field, String text, Function<String, T> parse) {
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (ValidationException e) {
            e.violations().forEach(v -> add(field, v.message()));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            add(field, "'" + text + "' is not valid here");
        }
        return null;
    }

    /** Runs {@code save}; its validation problems land on the form fields {@code fieldOf} names (null when it failed). */
    public <T> T save(Supplier<T> save, Function<FieldViolation, String> fieldOf) {
        try {
            return save.get();
        } catch (ValidationException e) {
            for (FieldViolation v : e.violations()) {
                add(fieldOf.apply(v), v.message());
            }
            return null;
        }
    }

    /** The field name of a violation's path: its first segment ({@code establishments[0].address.zip} → {@code establishments}). */
    public static String firstSegment(FieldViolation v) {
        String f = v.field();
        int cut = f.length();
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) == '.' || f.charAt(i) == '[') {
                cut = i;
                break;
            }
        }
        return f.substring(0, cut);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Field → message, in the form's order where the field is known. */
    public Map<String, String> all() {
        Map<String, String> ordered = new LinkedHashMap<>();
        labels.keySet().forEach(k -> {
            if (byField.containsKey(k)) {
                ordered.put(k, byField.get(k));
            }
        });
        byField.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The message for one field, naming it ("ZIP: must be a ZIP..."), as it is shown next to the field; or null. */
    public String of(String field) {
        return byField.get(field);
    }
}
