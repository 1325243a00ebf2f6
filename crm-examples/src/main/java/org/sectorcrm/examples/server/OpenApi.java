package org.sectorcrm.examples.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonBooleanFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonIntegerFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonNumberFormatVisitor;
import com.fasterxml.jackson.databind.jsonFormatVisitors.JsonStringFormatVisitor;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI 3.1 document from the route table: paths, parameters and bodies from {@link Route}s,
 * schemas from the Java records the server reads and writes, so the document describes what the server does.
 */
public final class OpenApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final java.util.regex.Pattern PATH_PARAMETER = java.util.regex.Pattern.compile("\\{([^}/]+)}");

    private OpenApi() {
    }

    /** The query parameters of a list endpoint: the filter record's components. */
    public static List<Route.Param> filterParams(Class<?> filter) {
        return Arrays.stream(filter.getRecordComponents()).map(c -> new Route.Param(c.getName(), c.getType(), false)).toList();
    }

    /** The OpenAPI document of these routes. */
    public static ObjectNode document(List<Route> routes) {
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "SectorCRM API");
        info.put("version", "1");
        info.put("description", "The shared employer record of a regional workforce system. Authenticate with POST /api/v1/session"
                + " (cookie) or an API token from POST /api/v1/tokens (Authorization: Bearer). Lists are keyset-paginated:"
                + " pass the 'next' value of a page as 'after'. Writes to an existing record need If-Match with its ETag."
                + " Calendar feeds (GET /api/v1/calendar/{feedToken}.ics) are opened by the secret token in their URL instead.");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode components = F.objectNode();
        Schemas schemas = new Schemas(components);
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            ObjectNode item = paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
            ObjectNode op = item.putObject(r.method().name().toLowerCase(java.util.Locale.ROOT));
            op.put("operationId", r.operationId());
            op.put("summary", r.summary());
            op.putArray("tags").add(r.tag());
            if (r.open()) {
                op.putArray("security");
            }
            ArrayNode params = F.arrayNode();
            // every {name} of the path, also inside a segment ({id}.ics)
            java.util.regex.Matcher template = PATH_PARAMETER.matcher(r.path());
            while (template.find()) {
                ObjectNode p = params.addObject();
                p.put("name", template.group(1));
                p.put("in", "path");
                p.put("required", true);
                p.putObject("schema").put("type", "string");
            }
            for (Route.Param q : r.queryParams()) {
                ObjectNode p = params.addObject();
                p.put("name", q.name());
                p.put("in", "query");
                p.put("required", q.required());
                p.set("schema", schemas.of(q.type()));
            }
            if (r.paged()) {
                ObjectNode after = params.addObject();
                after.put("name", "after");
                after.put("in", "query");
                after.put("description", "the 'next' value of the previous page");
                after.putObject("schema").put("type", "string");
                ObjectNode limit = params.addObject();
                limit.put("name", "limit");
                limit.put("in", "query");
                limit.putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", 1000).put("default", 50);
            }
            if (r.ifMatch()) {
                ObjectNode p = params.addObject();
                p.put("name", "If-Match");
                p.put("in", "header");
                p.put("required", true);
                p.put("description", "the ETag (version) read; a stale one gets 412 and changes nothing");
                p.putObject("schema").put("type", "string");
            }
            if (!params.isEmpty()) {
                op.set("parameters", params);
            }
            if (r.requestBody() != null) {
                ObjectNode body = op.putObject("requestBody");
                body.put("required", true);
                if (r.requestBody() == java.io.InputStream.class) {
                    // A file's bytes as they are (attachments): any media type, streamed.
                    body.putObject("content").putObject("application/octet-stream").putObject("schema").put("type", "string")
                            .put("contentMediaType", "application/octet-stream");
                } else if (r.method() == io.javalin.http.HandlerType.PATCH) {
                    // A merge patch has any subset of the record's fields (null removes one): no member is required.
                    body.putObject("content").putObject(MergePatch.MEDIA_TYPE).putObject("schema").put("type", "object")
                            .put("description", "JSON Merge Patch (RFC 7396) of " + r.requestBody().getSimpleName() + ": the members to change");
                } else {
                    body.putObject("content").putObject("application/json").set("schema", schemas.of(r.requestBody()));
                }
            }
            ObjectNode responses = op.putObject("responses");
            ObjectNode ok = responses.putObject(Integer.toString(r.status()));
            ok.put("description", r.status() == 204 ? "done" : "success");
            if (!r.mediaType().equals(Route.JSON)) {
                ok.putObject("content").putObject(r.mediaType()).putObject("schema").put("type", "string");
            } else if (r.schema() != null) {
                ok.putObject("content").putObject(Route.JSON).set("schema", r.schema().apply(schemas));
            } else if (r.response() != null && r.status() != 204) {
                ObjectNode s;
                if (r.paged()) {
                    s = schemas.page(r.response());
                } else if (r.response() == ObjectNode.class) {
                    s = F.objectNode().put("type", "object");
                } else {
                    s = schemas.of(r.response());
                }
                ok.putObject("content").putObject(Route.JSON).set("schema", s);
            }
            for (int status : errorStatuses(r)) {
                responses.putObject(Integer.toString(status)).put("description", describe(status))
                        .putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
            }
        }
        components.set("Problem", problemSchema());
        ObjectNode componentsNode = doc.putObject("components");
        componentsNode.set("schemas", components);
        ObjectNode security = componentsNode.putObject("securitySchemes");
        security.putObject("bearer").put("type", "http").put("scheme", "bearer");
        security.putObject("cookie").put("type", "apiKey").put("in", "cookie").put("name", ApiServer.SESSION_COOKIE);
        ArrayNode sec = doc.putArray("security");
        sec.addObject().putArray("bearer");
        sec.addObject().putArray("cookie");
        return doc;
    }

    private static List<Integer> errorStatuses(Route r) {
        List<Integer> s = new ArrayList<>(List.of(400));
        if (!r.open()) {
            s.addAll(List.of(401, 403));
        }
        if (r.path().contains("{")) {
            s.add(404);
        }
        if (r.method() != io.javalin.http.HandlerType.GET) {
            s.add(409);
        }
        if (r.ifMatch()) {
            s.addAll(List.of(412, 428));
        }
        if (r.operationId().equals("login")) {
            s.addAll(List.of(401, 429));
        }
        return s;
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "invalid input; 'errors' lists each field";
            case 401 -> "not authenticated";
            case 403 -> "not allowed for this user";
            case 404 -> "no such record";
            case 409 -> "conflicts with the stored state";
            case 412 -> "the If-Match version is stale";
            case 428 -> "If-Match is required";
            case 429 -> "too many failed logins";
            default -> "error";
        };
    }

    /** RFC 9457 problem details as {@link ApiServer} writes them, with the field errors of a 400. */
    private static ObjectNode problemSchema() {
        ObjectNode s = F.objectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        // POST /employers: the stored employers a new one likely duplicates (409; ?createAnyway=true creates all the same).
        ObjectNode cand = p.putObject("candidates").put("type", "array").putObject("items").put("type", "object");
        ObjectNode candProps = cand.putObject("properties");
        candProps.putObject("id").put("type", "string");
        candProps.putObject("legalName").put("type", "string");
        candProps.putObject("level").put("type", "string");
        candProps.putObject("score").put("type", "number");
        candProps.putObject("reasons").put("type", "array").putObject("items").put("type", "string");
        cand.putArray("required").add("id").add("legalName").add("level").add("score").add("reasons");
        ObjectNode err = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        ObjectNode errProps = err.putObject("properties");
        errProps.putObject("field").put("type", "string");
        errProps.putObject("message").put("type", "string");
        err.putArray("required").add("field").add("message");
        err.put("additionalProperties", false);
        s.putArray("required").add("type").add("title").add("status");
        return s;
    }

    /**
     * JSON Schemas of Java types as crm-json's mapper ({@link ApiJson#mapper()}) writes and reads them. Objects are
     * described from the mapper's own view of the type (the properties it writes, under the names it writes them), and
     * values the mapper writes as text ({@code EmployerId}, {@code Fein}, {@code NaicsCode}) are found by asking its
     * serializer, so the document follows the mapping rather than a second copy of its rules. Records become named
     * component schemas that allow no other properties (the mapper refuses unknown fields); a primitive component is
     * required (the mapper refuses a missing one), other components are absent when null.
     */
    static final class Schemas {
        private static final ObjectMapper MAPPER = ApiJson.mapper();
        private final ObjectNode components;
        private final Map<Class<?>, String> names = new HashMap<>();

        Schemas(ObjectNode components) {
            this.components = components;
        }

        ObjectNode of(Class<?> type) {
            return of(MAPPER.constructType(type));
        }

        /** A page of a list: {@code {"items":[...],"next":...}}. */
        ObjectNode page(Class<?> item) {
            ObjectNode s = F.objectNode().put("type", "object");
            ObjectNode props = s.putObject("properties");
            props.putObject("items").put("type", "array").set("items", of(item));
            props.putObject("next").set("type", F.arrayNode().add("string").add("null"));
            s.putArray("required").add("items").add("next");
            s.put("additionalProperties", false);
            return s;
        }

        ObjectNode of(JavaType type) {
            Class<?> raw = type.getRawClass();
            if (raw == String.class || raw == UUID.class) {
                return F.objectNode().put("type", "string");
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return F.objectNode().put("type", "boolean");
            }
            if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class || raw == Short.class) {
                return F.objectNode().put("type", "integer");
            }
            if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class || raw == BigDecimal.class) {
                return F.objectNode().put("type", "number");
            }
            if (raw == LocalDate.class) {
                return F.objectNode().put("type", "string").put("format", "date");
            }
            if (raw == Instant.class) {
                return F.objectNode().put("type", "string").put("format", "date-time");
            }
            if (raw == java.time.LocalDateTime.class) {
                // a wall-clock time without offset: not RFC 3339's date-time, so no format
                return F.objectNode().put("type", "string").put("pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
            }
            if (java.time.ZoneId.class.isAssignableFrom(raw)) {
                return F.objectNode().put("type", "string").put("description", "an IANA time zone, like America/Chicago");
            }
            if (raw.isEnum()) {
                ObjectNode s = F.objectNode().put("type", "string");
                ArrayNode values = s.putArray("enum");
                for (Object c : raw.getEnumConstants()) {
                    values.add(((Enum<?>) c).name());
                }
                return s;
            }
            if (type.isCollectionLikeType() || type.isArrayType()) {
                ObjectNode s = F.objectNode().put("type", "array");
                s.set("items", of(type.getContentType()));
                if (Set.class.isAssignableFrom(raw)) {
                    s.put("uniqueItems", true);
                }
                return s;
            }
            if (type.isMapLikeType()) {
                ObjectNode s = F.objectNode().put("type", "object");
                s.set("additionalProperties", of(type.getContentType()));
                return s;
            }
            JsonSerializer<Object> serializer;
            try {
                serializer = MAPPER.getSerializerProviderInstance().findValueSerializer(type);
            } catch (JsonMappingException e) {
                throw new IllegalStateException("crm-json cannot write " + type, e);
            }
            if (serializer instanceof BeanSerializerBase) {
                return object(type);
            }
            return scalar(type);
        }

        private ObjectNode object(JavaType type) {
            Class<?> raw = type.getRawClass();
            String name = names.get(raw);
            if (name == null) {
                name = raw.getSimpleName();
                if (names.containsValue(name)) { // two records of one simple name: the second is qualified
                    name = raw.getName().replace('$', '.');
                }
                names.put(raw, name);
                ObjectNode s = F.objectNode().put("type", "object");
                components.set(name, s); // before the properties: records may refer to themselves
                BeanDescription description = MAPPER.getSerializationConfig().introspect(type);
                boolean nullsWritten = description.findPropertyInclusion(JsonInclude.Value.empty()).getValueInclusion() == JsonInclude.Include.ALWAYS;
                ObjectNode props = s.putObject("properties");
                ArrayNode required = F.arrayNode();
                for (BeanPropertyDefinition p : description.findProperties()) {
                    if (!p.couldSerialize()) {
                        continue;
                    }
                    JavaType propertyType = p.getPrimaryType();
                    ObjectNode schema = of(propertyType);
                    if (propertyType.isPrimitive()) {
                        required.add(p.getName());
                    } else if (nullsWritten) {
                        required.add(p.getName());
                        schema = nullable(schema);
                    }
                    props.set(p.getName(), schema);
                }
                if (!required.isEmpty()) {
                    s.set("required", required);
                }
                s.put("additionalProperties", false);
            }
            return F.objectNode().put("$ref", "#/components/schemas/" + name);
        }

        /** What the mapper's serializer says a value type is written as. */
        private static ObjectNode scalar(JavaType type) {
            String[] shape = {null};
            try {
                MAPPER.acceptJsonFormatVisitor(type, new JsonFormatVisitorWrapper.Base() {
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
                throw new IllegalStateException("the API has no JSON Schema for " + type + ": describe it in OpenApi.Schemas");
            }
            return F.objectNode().put("type", shape[0]);
        }

        private static ObjectNode nullable(ObjectNode schema) {
            JsonNode t = schema.get("type");
            if (t != null && t.isTextual()) {
                schema.set("type", F.arrayNode().add(t.asText()).add("null"));
                return schema;
            }
            ObjectNode s = F.objectNode();
            s.putArray("anyOf").add(schema).addObject().put("type", "null");
            return s;
        }
    }
}
