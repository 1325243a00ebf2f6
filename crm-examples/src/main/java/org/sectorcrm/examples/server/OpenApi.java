package org.sectorcrm.examples.server;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the OpenAPI 3.1 document from the route table: paths, parameters and bodies from {@link Route}s,
 * schemas from the Java records the server reads and writes, so the document describes what the server does.
 */
public final class OpenApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OpenApi() {
    }

    /** The query parameters of a list endpoint: the filter record's components. */
    public static List<Route.Param> filterParams(Class<?> filter) {
        return Arrays.stream(filter.getRecordComponents()).map(c -> new Route.Param(c.getName(), c.getType(), false)).toList();
    }

    public static ObjectNode document(List<Route> routes) {
        ObjectNode doc = F.objectNode();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "SectorCRM API");
        info.put("version", "1");
        info.put("description", "The shared employer record of a regional workforce system. Authenticate with POST /api/v1/session"
                + " (cookie) or an API token from POST /api/v1/tokens (Authorization: Bearer). Lists are keyset-paginated:"
                + " pass the 'next' value of a page as 'after'. Writes to an existing record need If-Match with its ETag.");
        doc.putArray("servers").addObject().put("url", "/");
        ObjectNode schemas = F.objectNode();
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
            for (String segment : r.path().split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    ObjectNode p = params.addObject();
                    p.put("name", segment.substring(1, segment.length() - 1));
                    p.put("in", "path");
                    p.put("required", true);
                    p.putObject("schema").put("type", "string");
                }
            }
            for (Route.Param q : r.queryParams()) {
                ObjectNode p = params.addObject();
                p.put("name", q.name());
                p.put("in", "query");
                p.put("required", q.required());
                p.set("schema", schema(q.type(), null, schemas));
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
                body.putObject("content").putObject("application/json").set("schema", schema(r.requestBody(), null, schemas));
            }
            ObjectNode responses = op.putObject("responses");
            ObjectNode ok = responses.putObject(Integer.toString(r.status()));
            ok.put("description", r.status() == 204 ? "done" : "success");
            if (r.response() != null && r.status() != 204) {
                ObjectNode s;
                if (r.paged()) {
                    s = F.objectNode().put("type", "object");
                    ObjectNode props = s.putObject("properties");
                    props.putObject("items").put("type", "array").set("items", schema(r.response(), null, schemas));
                    props.putObject("next").set("type", F.arrayNode().add("string").add("null"));
                    s.putArray("required").add("items");
                } else if (r.response() == ObjectNode.class) {
                    s = F.objectNode().put("type", "object");
                } else {
                    s = schema(r.response(), null, schemas);
                }
                ok.putObject("content").putObject("application/json").set("schema", s);
            }
            for (int status : errorStatuses(r)) {
                responses.putObject(Integer.toString(status)).put("description", describe(status))
                        .putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", "#/components/schemas/Problem");
            }
        }
        ObjectNode components = doc.putObject("components");
        schemas.set("Problem", problemSchema());
        components.set("schemas", schemas);
        ObjectNode security = components.putObject("securitySchemes");
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

    private static ObjectNode problemSchema() {
        ObjectNode s = F.objectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        p.putObject("type").put("type", "string");
        p.putObject("title").put("type", "string");
        p.putObject("status").put("type", "integer");
        p.putObject("detail").put("type", "string");
        p.putObject("instance").put("type", "string");
        ObjectNode err = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        err.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) err.get("properties")).putObject("message").put("type", "string");
        return s;
    }

    /** JSON Schema of a Java type as {@link ApiJson} writes it; records become named component schemas. */
    static ObjectNode schema(Class<?> type, Type generic, ObjectNode schemas) {
        if (type == String.class || type == UUID.class || ApiJson.isValueRecord(type)) {
            return F.objectNode().put("type", "string");
        }
        if (type == boolean.class || type == Boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return F.objectNode().put("type", "integer");
        }
        if (type == double.class || type == Double.class || type == BigDecimal.class) {
            return F.objectNode().put("type", "number");
        }
        if (type == LocalDate.class) {
            return F.objectNode().put("type", "string").put("format", "date");
        }
        if (type == Instant.class) {
            return F.objectNode().put("type", "string").put("format", "date-time");
        }
        if (type.isEnum()) {
            ObjectNode s = F.objectNode().put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object c : type.getEnumConstants()) {
                values.add(((Enum<?>) c).name());
            }
            return s;
        }
        if (Collection.class.isAssignableFrom(type)) {
            ObjectNode s = F.objectNode().put("type", "array");
            Class<?> item = typeArgument(generic, 0);
            s.set("items", item == null ? F.objectNode() : schema(item, null, schemas));
            return s;
        }
        if (Map.class.isAssignableFrom(type)) {
            ObjectNode s = F.objectNode().put("type", "object");
            Class<?> value = typeArgument(generic, 1);
            s.set("additionalProperties", value == null ? F.objectNode() : schema(value, null, schemas));
            return s;
        }
        if (type.isRecord()) {
            String name = type.getSimpleName();
            if (!schemas.has(name)) {
                ObjectNode s = F.objectNode().put("type", "object");
                schemas.set(name, s); // before the components: records may refer to themselves
                ObjectNode props = s.putObject("properties");
                for (RecordComponent c : type.getRecordComponents()) {
                    props.set(c.getName(), schema(c.getType(), c.getGenericType(), schemas));
                }
            }
            return F.objectNode().put("$ref", "#/components/schemas/" + name);
        }
        return F.objectNode();
    }

    private static Class<?> typeArgument(Type generic, int index) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type t = p.getActualTypeArguments()[index];
            if (t instanceof Class<?> c) {
                return c;
            }
            if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
                return c;
            }
        }
        return null;
    }
}
