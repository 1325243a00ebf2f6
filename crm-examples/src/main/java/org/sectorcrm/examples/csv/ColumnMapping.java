package org.sectorcrm.examples.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.ValidationException;

/**
 * Which CSV column holds which field. By default a column is named like its field ({@code legalName});
 * a mapping file (Java properties: {@code legalName = Company Name}) renames columns for files from other systems.
 */
public final class ColumnMapping {
    private final Map<String, String> headerOf;

    private ColumnMapping(Map<String, String> headerOf) {
        this.headerOf = headerOf;
    }

    public static ColumnMapping identity() {
        return new ColumnMapping(Map.of());
    }

    /** Reads {@code field = Column Header} lines; refuses fields the import does not know. */
    public static ColumnMapping read(Reader reader, Set<String> knownFields) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String field : p.stringPropertyNames()) {
            if (!knownFields.contains(field)) {
                unknown.add(field);
            }
            map.put(field, p.getProperty(field).strip());
        }
        if (!unknown.isEmpty()) {
            throw ValidationException.of("mapping", String.join(",", unknown), "is not a field of this import; fields are " + new TreeSet<>(knownFields));
        }
        return new ColumnMapping(Map.copyOf(map));
    }

    public String headerFor(String field) {
        return headerOf.getOrDefault(field, field);
    }

    /** Column index of every known field present in the header row; fails naming required fields that have no column. */
    Map<String, Integer> locate(List<String> header, List<String> fields, Set<String> required) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String field : fields) {
            String name = headerFor(field);
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase(name)) {
                    columns.put(field, i);
                    break;
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String r : required) {
            if (!columns.containsKey(r)) {
                missing.add(headerFor(r));
            }
        }
        if (!missing.isEmpty()) {
            throw ValidationException.of("csv", "header", "has no column " + missing + " (columns found: " + header + ")");
        }
        return columns;
    }
}
