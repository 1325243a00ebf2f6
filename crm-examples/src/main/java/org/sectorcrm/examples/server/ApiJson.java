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
import com.fasterxml.jackson.databind.node.ObjectNode;

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
    private static final ObjectMapper MAPPER = CrmJson.mapper();
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

    /** How many rounds {@link #readAll} takes at most (one bad field a round; 2 for a missing field). */
    private static final int MAX_ROUNDS = 100;

    /**
     * Reads a body tree as {@code type} and reports every error at once. Jackson stops at the first bad field, so each
     * structural error (unknown field, wrong type, bad value, missing field) is noted with its JSON path, that field is
     * taken out of a copy of the tree (or set to null when missing), and the copy is read again; the domain's own checks
     * of the record then add theirs, except for fields already named. A value is returned only when no error was noted
     * at all, so an amended copy is never what gets saved.
     */
    static <T> T readAll(ObjectNode tree, Class<T> type, String record) {
        ObjectNode work = tree.deepCopy();
        List<FieldViolation> found = new ArrayList<>();
        java.util.Map<String, Integer> handled = new java.util.LinkedHashMap<>();
        // Jackson builds a record as soon as it has every component, before it sees the fields after them: a domain
        // error would hide an unknown field written last, so those are found first.
        unknownFields(work, MAPPER.constructType(type), "", record, found, handled);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ValidationException e;
            try {
                T value = CrmJson.read(text(work), type);
                if (found.isEmpty()) {
                    return value;
                }
                break;
            } catch (ValidationException v) {
                e = v;
            }
            boolean progressed = false;
            boolean done = false;
            for (FieldViolation v : e.violations()) {
                boolean structural = v.record().equals(CrmJson.RECORD);
                String path = v.field();
                if (covered(handled.keySet(), path)) {
                    if (structural && !progressed) {
                        if (handled.containsKey(path) && handled.get(path) == 1 && amend(work, path, true)) {
                            handled.put(path, 2); // taken out, now missing: null lets the rest be read
                            progressed = true;
                        } else {
                            progressed = dropTopLevel(work, path, handled);
                        }
                    }
                    continue;
                }
                found.add(structural ? new FieldViolation(record, path, v.message()) : v);
                if (!structural || path.equals(ROOT)) {
                    done = true; // the domain's verdict on the whole record, or the document itself: nothing more to learn
                } else if (!progressed) {
                    handled.put(path, 1);
                    progressed = amend(work, path, false) || dropTopLevel(work, path, handled);
                }
            }
            if (done || !progressed) {
                break;
            }
        }
        throw new ValidationException(found);
    }

    private static final String ROOT = "$";

    /** Takes out (and notes) every field of a record, or of a record nested in it, that the record does not have. */
    private static void unknownFields(JsonNode node, com.fasterxml.jackson.databind.JavaType type, String path, String record,
            List<FieldViolation> found, java.util.Map<String, Integer> handled) {
        if (type.isCollectionLikeType() && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unknownFields(node.get(i), type.getContentType(), path + "[" + i + "]", record, found, handled);
            }
            return;
        }
        if (!type.getRawClass().isRecord() || !(node instanceof ObjectNode object)) {
            return;
        }
        java.util.Map<String, com.fasterxml.jackson.databind.JavaType> known = new java.util.HashMap<>();
        for (var p : MAPPER.getDeserializationConfig().introspect(type).findProperties()) {
            known.put(p.getName(), p.getPrimaryType());
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String at = path.isEmpty() ? name : path + "." + name;
            com.fasterxml.jackson.databind.JavaType t = known.get(name);
            if (t == null) {
                found.add(new FieldViolation(record, at, "is not a field of this record"));
                handled.put(at, 3);
                object.remove(name);
            } else {
                unknownFields(object.get(name), t, at, record, found, handled);
            }
        }
    }

    /** The last resort when a nested field cannot be taken out alone: the whole top-level field it is in (once). */
    private static boolean dropTopLevel(ObjectNode work, String path, java.util.Map<String, Integer> handled) {
        String top = path.split("[.\\[]", 2)[0];
        if (top.isEmpty() || top.equals(path) && handled.getOrDefault(top, 0) > 1 || !work.has(top) || handled.containsKey(top) && !top.equals(path)) {
            return false;
        }
        work.remove(top);
        handled.put(top, top.equals(path) ? 3 : 1);
        return true;
    }

    private static boolean covered(java.util.Set<String> handled, String path) {
        for (String h : handled) {
            if (path.equals(h) || path.startsWith(h + ".") || path.startsWith(h + "[")) {
                return true;
            }
        }
        return false;
    }

    /** Takes the field at {@code path} out of the tree ({@code toNull}: sets it to null); false if the path is not found. */
    private static boolean amend(ObjectNode root, String path, boolean toNull) {
        List<Object> steps = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]").matcher(path);
        int end = 0;
        while (m.find()) {
            if (m.start() != end && !(path.charAt(end) == '.' && m.start() == end + 1)) {
                return false;
            }
            end = m.end();
            steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        if (steps.isEmpty() || end != path.length()) {
            return false;
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object s = steps.get(i);
            node = s instanceof String f ? node.get(f) : node.get((Integer) s);
            if (node == null || !node.isContainerNode()) {
                return false;
            }
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String f && node instanceof ObjectNode o) {
            if (toNull) {
                o.putNull(f);
            } else if (o.has(f)) {
                o.remove(f);
            } else {
                o.putNull(f);
            }
            return true;
        }
        if (last instanceof Integer i && node instanceof com.fasterxml.jackson.databind.node.ArrayNode a && i < a.size()) {
            if (a.get(i).isNull()) {
                return false;
            }
            a.set(i, com.fasterxml.jackson.databind.node.NullNode.getInstance());
            return true;
        }
        return false;
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
