package org.sectorcrm.examples.csv;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.sectorcrm.core.ValidationException;

/** Reading typed values out of CSV cells, failing with the field's name. */
final class Cells {
    private Cells() {
    }

    static String text(Map<String, String> row, String field) {
        return row.get(field);
    }

    /** Multi-valued cells separate values with ';' ("welding; CNC"). */
    static List<String> list(Map<String, String> row, String field) {
        String v = row.get(field);
        return v == null ? List.of() : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String join(java.util.Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining("; "));
    }

    static <E extends Enum<E>> E enumValue(String record, Map<String, String> row, String field, Class<E> type) {
        String v = row.get(field);
        if (v == null) {
            return null;
        }
        String name = v.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(record, field, "'" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static LocalDate date(String record, Map<String, String> row, String field) {
        String v = row.get(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(record, field, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    static Integer integer(String record, Map<String, String> row, String field) {
        String v = row.get(field);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ValidationException.of(record, field, "'" + v + "' is not a whole number");
        }
    }

    static Boolean bool(String record, Map<String, String> row, String field) {
        String v = row.get(field);
        if (v == null) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw ValidationException.of(record, field, "'" + v + "' is not yes/no (true/false)");
        };
    }

    /** The columns of a do-not-contact flag, on employer and contact rows alike. */
    static final List<String> DO_NOT_CONTACT = List.of("doNotContactSince", "doNotContactReason");

    /**
     * The flag a row sets: {@code old} when the file has neither column, none when both cells are empty (the import
     * clears it), else the date and reason (both required). Who set it is crm-core's record: the importing user.
     */
    static org.sectorcrm.core.reference.DoNotContact doNotContact(String record, Map<String, String> row,
            org.sectorcrm.core.reference.DoNotContact old) {
        if (DO_NOT_CONTACT.stream().noneMatch(row::containsKey)) {
            return old;
        }
        LocalDate since = date(record, row, "doNotContactSince");
        String reason = row.get("doNotContactReason");
        if (since == null && reason == null) {
            return null;
        }
        if (since == null) {
            throw ValidationException.of(record, "doNotContactSince", "is required with doNotContactReason (YYYY-MM-DD)");
        }
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of(record, "doNotContactReason", "is required with doNotContactSince: why not to contact");
        }
        return old != null && old.since().equals(since) && old.reason().equals(reason) ? old
                : org.sectorcrm.core.reference.DoNotContact.since(since, reason);
    }

    /** The two cells of a flag (empty when there is none). */
    static List<String> doNotContactCells(org.sectorcrm.core.reference.DoNotContact flag) {
        return flag == null ? Arrays.asList(null, null) : Arrays.asList(flag.since().toString(), flag.reason());
    }
}
