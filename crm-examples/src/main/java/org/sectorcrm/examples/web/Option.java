package org.sectorcrm.examples.web;

import java.util.Arrays;
import java.util.List;

/** One choice of a select or a group of checkboxes. */
public record Option(String value, String label) {
    /** The constants of an enum, labelled in words ({@code SITE_VISIT} as "Site visit"). */
    public static List<Option> of(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> new Option(e.name(), words(e.name()))).toList();
    }

    public static String words(String constant) {
        if (constant == null) {
            return "";
        }
        String s = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
