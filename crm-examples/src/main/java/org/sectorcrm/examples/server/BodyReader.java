package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.json.CrmJson;

/** Reading a request body into a record so that one answer names every bad field ({@link #read}). */
final class BodyReader {
    private BodyReader() {
    }

    /** How many rounds {@link #read} takes at most (one bad field a round; 2 for a missing field). */
    private static final int MAX_ROUNDS = 100;

    /**
     * Reads a body tree as {@code type} and reports every error at once. Jackson stops at the first bad field, so each
     * structural error (unknown field, wrong type, bad value, missing field) is noted with its JSON path, that field is
     * taken out of a copy of the tree (or set to null when missing), and the copy is read again; the domain's own checks
     * of the record then add theirs, except for fields already named. A value is returned only when no error was noted
     * at all, so an amended copy is never what gets saved.
     */
    static <T> T read(ObjectNode tree, Class<T> type, String record) {
        ObjectNode work = tree.deepCopy();
        List<FieldViolation> found = new ArrayList<>();
        java.util.Map<String, Integer> handled = new java.util.LinkedHashMap<>();
        // Jackson builds a record as soon as it has every component, before it sees the fields after them: a domain
        // error would hide an unknown field written last, so those are found first.
        unknownFields(work, ApiJson.mapper().constructType(type), "", record, found, handled);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ValidationException e;
            try {
                T value = CrmJson.read(ApiJson.text(work), type);
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
        for (var p : ApiJson.mapper().getDeserializationConfig().introspect(type).findProperties()) {
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
}
