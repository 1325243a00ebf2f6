package org.sectorcrm.examples.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonBooleanFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonIntegerFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonNumberFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonStringFormatVisitor;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;

/**
 * What {@link Schemas} learns from the domain types themselves: which members a record's constructor requires (it is
 * asked, with every member left out), what a value type is written as (its serializer is asked), and the formats and
 * patterns of the values crm-core checks by pattern (FEIN, NAICS, ZIP, state, web addresses).
 */
final class SchemaFacts {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Patterns of the value types crm-core parses from text (the JSON text they are read from). */
    private static final Map<Class<?>, String[]> VALUE_PATTERNS = Map.of(
            Fein.class, new String[] {"^\\s*\\d{2}-?\\d{7}\\s*$", "a FEIN, NN-NNNNNNN (nine digits; the prefix one the IRS issues)"},
            NaicsCode.class, new String[] {"^\\s*\\d{6}\\s*$", "a six-digit NAICS 2022 code"});

    private SchemaFacts() {
    }

    /**
     * The members a record refuses to be without: its canonical constructor is called with every reference member null
     * (primitives zero) and the fields its {@link ValidationException} calls "is required" are the required ones, so
     * the document states the record's own rule rather than a copy of it.
     */
    static Set<String> requiredComponents(Class<?> raw) {
        Set<String> required = new HashSet<>();
        RecordComponent[] components = raw.getRecordComponents();
        if (components == null) {
            return required;
        }
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = zero(types[i]);
        }
        try {
            Constructor<?> canonical = raw.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ValidationException v) {
                for (FieldViolation f : v.violations()) {
                    if (f.message().equals("is required")) {
                        required.add(f.field());
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a type that cannot be probed states no more than the mapper's rules
        }
        return required;
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }

    /** The checked shape of a string member crm-core validates by pattern, on top of its type. */
    static ObjectNode refine(Class<?> owner, String property, ObjectNode schema) {
        if (owner == Address.class && property.equals("zip")) {
            return schema.put("pattern", "^\\s*\\d{5}(-\\d{4})?\\s*$").put("description", "ZIP (12345) or ZIP+4 (12345-6789)");
        }
        if (owner == Address.class && property.equals("state")) {
            return schema.put("pattern", "^\\s*[A-Za-z]{2}\\s*$").put("description", "a USPS state or territory code, one of "
                    + new java.util.TreeSet<>(Address.STATES) + " (any case; stored upper case)");
        }
        if (property.equals("website") || property.equals("videoLink")) {
            return schema.put("format", "uri").put("pattern", "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+").put("description", "an http or https URL");
        }
        return schema;
    }

    /** What the mapper's serializer says a value type is written as (an id as a uuid string, a FEIN as its pattern). */
    static ObjectNode scalar(ObjectMapper mapper, JavaType type) {
        String[] shape = {null};
        try {
            mapper.acceptJsonFormatVisitor(type, new JsonFormatVisitorWrapper.Base() {
                @Override
                public JsonStringFormatVisitor expectStringFormat(JavaType t) {
                    shape[0] = "string";
                    return null;
                }

                @Override
                public JsonNumberFormatVisitor expectNumberFormat(JavaType t) {
                    shape[0] = "number";
                    return null;
                }

                @Override
                public JsonIntegerFormatVisitor expectIntegerFormat(JavaType t) {
                    shape[0] = "integer";
                    return null;
                }

                @Override
                public JsonBooleanFormatVisitor expectBooleanFormat(JavaType t) {
                    shape[0] = "boolean";
                    return null;
                }
            });
        } catch (JsonMappingException e) {
            throw new IllegalStateException("crm-json cannot describe " + type, e);
        }
        if (shape[0] == null) {
            throw new IllegalStateException("the API has no JSON Schema for " + type + ": describe it in Schemas");
        }
        ObjectNode s = F.objectNode().put("type", shape[0]);
        Class<?> raw = type.getRawClass();
        String[] pattern = VALUE_PATTERNS.get(raw);
        if (pattern != null) {
            s.put("pattern", pattern[0]).put("description", pattern[1]);
        } else if (shape[0].equals("string") && isUuidId(raw)) {
            s.put("format", "uuid");
        }
        return s;
    }

    /** An id type holding a UUID ({@code EmployerId(UUID value)}), written as the UUID's text. */
    private static boolean isUuidId(Class<?> raw) {
        RecordComponent[] c = raw.getRecordComponents();
        return Id.class.isAssignableFrom(raw) && c != null && c.length == 1 && c[0].getType() == UUID.class;
    }
}
