package org.sectorcrm.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.ValidationException;

/**
 * Which CSV column holds which field. By default a column is named like its field ({@code legalName}), or by one of
 * the field's common names in other systems ({@link CsvImport.RowHandler#aliases}: "Main Phone" for {@code phone});
 * a mapping file (Java properties: {@code legalName = Company Name}) renames columns for files from other systems, and
 * {@code custom.KEY = Column Header} puts a column into the custom field {@code KEY} of the records that have them.
 * Every column of a file that ends up with no field is named in the import's report, never dropped silently.
 */
public final class ColumnMapping {
    /** The prefix of mapping keys that name a custom field ({@code custom.contract = Contract No}). */
    public static final String CUSTOM = "custom.";
    private final Map<String, String> headerOf;
    private final Map<String, String> customHeaderOf;
    private final boolean unmappedAsCustom;

    private ColumnMapping(Map<String, String> headerOf, Map<String, String> customHeaderOf, boolean unmappedAsCustom) {
        this.headerOf = headerOf;
        this.customHeaderOf = customHeaderOf;
        this.unmappedAsCustom = unmappedAsCustom;
    }

    public static ColumnMapping identity() {
        return new ColumnMapping(Map.of(), Map.of(), false);
    }

    /** Reads {@code field = Column Header} lines; refuses fields the import does not know, and custom fields. */
    public static ColumnMapping read(Reader reader, Set<String> knownFields) throws IOException {
        return read(reader, knownFields, false);
    }

    /**
     * Reads {@code field = Column Header} and, where the records have custom fields, {@code custom.KEY = Column Header}
     * lines; refuses fields the import does not know (all of them named at once).
     */
    public static ColumnMapping read(Reader reader, Set<String> knownFields, boolean customFields) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> map = new LinkedHashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String field : p.stringPropertyNames()) {
            if (customFields && field.startsWith(CUSTOM) && !field.substring(CUSTOM.length()).isBlank()) {
                custom.put(field.substring(CUSTOM.length()).strip(), p.getProperty(field).strip());
                continue;
            }
            if (!knownFields.contains(field)) {
                unknown.add(field);
            }
            map.put(field, p.getProperty(field).strip());
        }
        if (!unknown.isEmpty()) {
            throw ValidationException.of("mapping", String.join(",", unknown), "is not a field of this import; fields are " + new TreeSet<>(knownFields)
                    + (customFields ? " and custom.KEY for a custom field" : " (these records have no custom fields)"));
        }
        return new ColumnMapping(Map.copyOf(map), Map.copyOf(custom), false);
    }

    /** This mapping, with every column that has no field put into the custom field named by its header. */
    public ColumnMapping withUnmappedAsCustomFields() {
        return new ColumnMapping(headerOf, customHeaderOf, true);
    }

    public String headerFor(String field) {
        return headerOf.getOrDefault(field, field);
    }

    /**
     * Where a file's fields are: the column index of every known field and custom field, and the columns that have
     * neither (by index, with their header).
     */
    record Columns(Map<String, Integer> fields, Map<String, Integer> customFields, Map<Integer, String> unmapped, Map<String, String> headers) {
        /** The header of the column behind a field or custom field ({@code customFields.KEY}), or null. */
        String headerOf(String field) {
            return headers.get(field);
        }
    }

    /**
     * Locates every known field in the header row (its mapped name, else its own name, else one of its aliases), the
     * custom fields when the records have them, and what is left; fails naming required fields that have no column.
     */
    Columns locate(List<String> header, CsvImport.RowHandler handler) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (String field : handler.fields()) {
            int at = indexOf(header, headerFor(field), taken);
            if (at < 0 && !headerOf.containsKey(field)) {
                for (String alias : handler.aliases().getOrDefault(field, List.of())) {
                    at = indexOf(header, alias, taken);
                    if (at >= 0) {
                        break;
                    }
                }
            }
            if (at >= 0) {
                columns.put(field, at);
                headers.put(field, header.get(at).strip());
                taken.add(at);
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String r : handler.requiredColumns()) {
            if (!columns.containsKey(r)) {
                missing.add(headerFor(r));
            }
        }
        Map<String, Integer> custom = new LinkedHashMap<>();
        if (handler.customFields()) {
            customHeaderOf.forEach((key, name) -> {
                int at = indexOf(header, name, taken);
                if (at < 0) {
                    missing.add(name + " (custom." + key + ")");
                } else {
                    custom.put(key, at);
                    headers.put("customFields." + key, header.get(at).strip());
                    taken.add(at);
                }
            });
        }
        if (!missing.isEmpty()) {
            throw ValidationException.of("csv", "header", "has no column " + missing + " (columns found: " + header + ")");
        }
        Map<Integer, String> unmapped = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (taken.contains(i)) {
                continue;
            }
            String name = header.get(i).strip();
            if (unmappedAsCustom && handler.customFields() && !name.isEmpty() && !custom.containsKey(name)) {
                custom.put(name, i);
                headers.put("customFields." + name, name);
            } else {
                unmapped.put(i, name);
            }
        }
        return new Columns(columns, custom, unmapped, headers);
    }

    private static int indexOf(List<String> header, String name, Set<Integer> taken) {
        for (int i = 0; i < header.size(); i++) {
            if (!taken.contains(i) && header.get(i).strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
