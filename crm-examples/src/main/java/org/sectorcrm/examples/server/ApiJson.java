package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.json.CrmJson;

/**
 * JSON of the API. Domain records are read and written by crm-json's {@link CrmJson}, the mapping the exchange
 * format and the JDBC store use too, so a record looks the same in a response, an export file and the database.
 * What is left here is specific to HTTP: naming the record an error is about, and reading query parameters
 * (which are all text) into filter records.
 */
public final class ApiJson {
    /** crm-json's mapping, plus the one shape of a contact on the wire ({@link ContactShape}). */
    private static final ObjectMapper MAPPER = CrmJson.mapper().registerModule(ContactShape.module());
    /**
     * Query parameters are all text: {@code ?active=true} must become a boolean there. Otherwise the same strict
     * mapping (unknown parameters and bad enum names are refused).
     */
    private static final ObjectMapper QUERY = ((JsonMapper) CrmJson.mapper()).rebuild().enable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

    private ApiJson() {
    }

    /** crm-json's mapper: for writing responses and for trees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads a request body as {@code type} through {@link CrmJson#read}, so input is as strict as an import and errors
     * carry JSON paths. Errors about the JSON itself (crm-json's record {@code "json"}) are named after the record the
     * endpoint reads instead ({@code employer.fein}, {@code employer.establishments[0].address.zip}); the domain's own
     * violations keep their names.
     */
    public static <T> T read(String json, Class<T> type, String record) {
        try {
            return CrmJson.read(json, type);
        } catch (ValidationException e) {
            List<FieldViolation> renamed = new ArrayList<>();
            for (FieldViolation v : e.violations()) {
                renamed.add(v.record().equals(CrmJson.RECORD) ? new FieldViolation(record, v.field(), v.message()) : v);
            }
            throw new ValidationException(renamed);
        }
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        return CrmJson.write(value);
    }

    /**
     * Converts query parameters ({@code name -> text}) into a filter record. Each parameter is read on its own first,
     * so that every unknown parameter and every bad value is named in one answer; an enum's message lists its values.
     *
     * @throws ValidationException naming the parameters, for unknown parameters or values of the wrong type
     */
    static <F> F query(java.util.Map<String, String> params, Class<F> type, String record) {
        if (type.isRecord()) {
            java.util.Map<String, java.lang.reflect.RecordComponent> components = new java.util.HashMap<>();
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                components.put(c.getName(), c);
            }
            List<FieldViolation> bad = new ArrayList<>();
            for (java.util.Map.Entry<String, String> p : new java.util.TreeMap<>(params).entrySet()) {
                java.lang.reflect.RecordComponent c = components.get(p.getKey());
                if (c == null) {
                    bad.add(new FieldViolation(record, p.getKey(), "is not a query parameter of this list"));
                    continue;
                }
                try {
                    QUERY.convertValue(p.getValue(), QUERY.getTypeFactory().constructType(c.getGenericType()));
                } catch (IllegalArgumentException e) {
                    for (FieldViolation v : queryError(e, record).violations()) {
                        bad.add(new FieldViolation(record, p.getKey(), v.message()));
                    }
                }
            }
            if (!bad.isEmpty()) {
                throw new ValidationException(bad);
            }
        }
        try {
            return QUERY.convertValue(params, type);
        } catch (IllegalArgumentException e) {
            throw queryError(e, record);
        }
    }

    /** What is wrong with one query parameter's value as {@code type}, in the words of {@link #query}; empty when nothing is. */
    static List<FieldViolation> queryValue(String name, String value, Class<?> type, String record) {
        try {
            QUERY.convertValue(value, type);
            return List.of();
        } catch (IllegalArgumentException e) {
            return queryError(e, record).violations().stream().map(v -> new FieldViolation(record, name, v.message())).toList();
        }
    }

    private static ValidationException queryError(Throwable e, String record) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException v) {
                return v; // the filter's (or a value type's) own constructor refused it
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException m) {
                String param = m.getPath().isEmpty() ? null : m.getPath().get(0).getFieldName();
                String message = m instanceof UnrecognizedPropertyException ? "is not a query parameter of this list" : valueMessage(m);
                return ValidationException.of(record, param == null ? "$" : param, message);
            }
        }
        return ValidationException.of(record, "$", "the query parameters are not valid");
    }

    /** What is wrong with a value, in the API's words: no Java type names. */
    static String valueMessage(JsonMappingException m) {
        if (m instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null) {
            Class<?> target = f.getTargetType();
            if (target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants()) + " but was '" + f.getValue() + "'";
            }
            return "must be " + describe(target) + " but was '" + f.getValue() + "'";
        }
        if (m instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            return "must be " + describe(mi.getTargetType());
        }
        Throwable cause = m.getCause();
        if (cause instanceof java.time.DateTimeException) {
            return "is not a valid ISO-8601 date or instant";
        }
        return "is not valid";
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or instant";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a valid value";
    }

    /** A JSON tree as text (trees are built by the server from request bodies). */
    static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
