package org.sectorcrm.core.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.ValidationException;

/**
 * A six-digit NAICS 2022 national-industry code, checked against the official list shipped as a
 * resource. Codes that existed only in NAICS 2017 (spreadsheets in the field still carry them, e.g.
 * 336111 which became 336110) are rejected with a message that says so, never silently accepted.
 */
public record NaicsCode(String value) implements Comparable<NaicsCode> {
    public NaicsCode {
        if (value == null || !value.matches("\\d{6}")) {
            throw ValidationException.of("naics", "code", "must be six digits (a NAICS 2022 national industry) but was '" + value + "'");
        }
        if (!Table.TITLES.containsKey(value)) {
            throw ValidationException.of("naics", "code", Table.RETIRED_2017.contains(value)
                    ? value + " is a NAICS 2017 code that no longer exists in NAICS 2022; use its 2022 successor"
                    : value + " is not a NAICS 2022 code");
        }
    }

    public static NaicsCode of(String value) {
        return new NaicsCode(value == null ? null : value.strip());
    }

    /** The official 2022 title, e.g. "Automobile and Light Duty Motor Vehicle Manufacturing". */
    public String title() {
        return Table.TITLES.get(value);
    }

    /** The two-digit sector as NAICS writes it, ranges included: "31-33", "44-45", "48-49", or "23". */
    public String naicsSector() {
        String two = value.substring(0, 2);
        return switch (two) {
            case "31", "32", "33" -> "31-33";
            case "44", "45" -> "44-45";
            case "48", "49" -> "48-49";
            default -> two;
        };
    }

    public boolean startsWith(String prefix) {
        return value.startsWith(prefix);
    }

    /** Title of any NAICS 2022 code of 2–6 digits (or a sector range such as "31-33"). */
    public static Optional<String> titleOf(String code) {
        return Optional.ofNullable(Table.TITLES.get(code));
    }

    /** Every six-digit code of NAICS 2022, in order. */
    public static Set<String> sixDigitCodes() {
        return Table.SIX_DIGIT;
    }

    public static boolean isRetired2017Code(String code) {
        return Table.RETIRED_2017.contains(code);
    }

    @Override
    public int compareTo(NaicsCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Loaded once, on first use. */
    private static final class Table {
        static final Map<String, String> TITLES;
        static final Set<String> SIX_DIGIT;
        static final Set<String> RETIRED_2017;

        static {
            Map<String, String> titles = new LinkedHashMap<>();
            Set<String> six = new java.util.LinkedHashSet<>();
            read("naics-2022.tsv", line -> {
                int tab = line.indexOf('\t');
                String code = line.substring(0, tab);
                titles.put(code, line.substring(tab + 1));
                if (code.length() == 6 && code.chars().allMatch(Character::isDigit)) {
                    six.add(code);
                }
            });
            Set<String> retired = new HashSet<>();
            read("naics-2017-retired.txt", retired::add);
            TITLES = Collections.unmodifiableMap(titles);
            SIX_DIGIT = Collections.unmodifiableSet(six);
            RETIRED_2017 = Collections.unmodifiableSet(retired);
        }

        private static void read(String resource, java.util.function.Consumer<String> sink) {
            try (InputStream in = NaicsCode.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing from crm-core");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        sink.accept(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
