package org.sectorcrm.examples.server;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;

import org.sectorcrm.core.Aggregate;

/**
 * JSON Schemas of Java types as crm-json's mapper ({@link ApiJson#mapper()}) writes and reads them, collected as named
 * component schemas of the OpenAPI document. Objects are described from the mapper's own view of the type (the
 * properties it writes, under the names it writes them), values it writes as text ({@code EmployerId}, {@code Fein})
 * are found by asking its serializer ({@link SchemaFacts#scalar}), so the document follows the mapping rather than a
 * second copy of its rules. Records, enums and list pages are named components; a record allows no other property (the
 * mapper refuses unknown fields); its required members are the primitives and those its own constructor refuses to
 * leave out ({@link SchemaFacts#requiredComponents}); an aggregate's {@code id} and {@code stamp} are read-only (the
 * server assigns them).
 */
public final class Schemas {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = ApiJson.mapper();
    private static final Set<String> READ_ONLY = Set.of("id", "stamp");
    private final ObjectNode components;
    private final Map<Class<?>, String> names = new HashMap<>();

    Schemas(ObjectNode components) {
        this.components = components;
    }

    /**
     * The query parameters of a list endpoint: the filter record's single-valued components. The set-valued ones
     * (the employer filter's {@code feins} and {@code nameKeys}, with which the importer reads a batch of natural keys
     * at once) are not query parameters: a request naming them is refused as naming an unknown parameter.
     */
    public static List<Route.Param> filterParams(Class<?> filter) {
        return Arrays.stream(filter.getRecordComponents()).filter(c -> !java.util.Collection.class.isAssignableFrom(c.getType()))
                .map(c -> new Route.Param(c.getName(), c.getType(), false)).toList();
    }

    public ObjectNode of(Class<?> type) {
        return of(MAPPER.constructType(type));
    }

    /** A page of a list, {@code {"items":[...],"next":...}}, as the named component {@code <Item>Page}. */
    public ObjectNode page(Class<?> item) {
        ObjectNode itemSchema = of(item);
        String name = (itemSchema.has("$ref") ? itemSchema.get("$ref").asText().replace("#/components/schemas/", "") : item.getSimpleName()) + "Page";
        if (!components.has(name)) {
            ObjectNode s = F.objectNode().put("type", "object").put("description", "One page of a list in id order; pass 'next' as 'after' for the"
                    + " next page (null: this is the last)");
            ObjectNode props = s.putObject("properties");
            props.putObject("items").put("type", "array").set("items", itemSchema);
            props.putObject("next").put("description", "the cursor of the next page, or null").set("type", F.arrayNode().add("string").add("null"));
            s.putArray("required").add("items").add("next");
            s.put("additionalProperties", false);
            components.set(name, s);
        }
        return ref(name);
    }

    /**
     * The JSON Merge Patch (RFC 7396) of a record, as the named component {@code <Record>Patch}: any subset of its
     * members but the read-only ones; an optional member may be null (it is removed), a required one may not. A member
     * that is itself a record is merged member by member too (RFC 7396 section 2), so its schema is that record's patch,
     * no stricter than the server; arrays replace whole and keep their full schema.
     */
    public ObjectNode patch(Class<?> record) {
        return patchOf(name(of(record)));
    }

    private ObjectNode patchOf(String record) {
        ObjectNode full = (ObjectNode) components.get(record);
        String name = record + "Patch";
        if (!components.has(name)) {
            ObjectNode s = F.objectNode().put("type", "object").put("description", "A JSON Merge Patch (RFC 7396) of " + record
                    + ": the members to change; null removes an optional member; objects merge member by member, arrays and maps replace"
                    + " the stored ones whole");
            components.set(name, s); // before the members: a record may hold itself
            ObjectNode props = s.putObject("properties");
            Set<String> required = new java.util.HashSet<>();
            full.path("required").forEach(r -> required.add(r.asText()));
            full.get("properties").fields().forEachRemaining(e -> {
                if (!READ_ONLY.contains(e.getKey()) && !e.getValue().path("readOnly").asBoolean()) {
                    ObjectNode p = merged(((ObjectNode) e.getValue()).deepCopy());
                    props.set(e.getKey(), required.contains(e.getKey()) ? p : nullable(p));
                }
            });
            s.put("additionalProperties", false);
        }
        return ref(name);
    }

    /** A member's schema in a patch: a record's (also inside a nullable anyOf) becomes its patch; anything else is unchanged. */
    private ObjectNode merged(ObjectNode schema) {
        if (schema.has("$ref")) {
            String target = name(schema);
            JsonNode component = components.get(target);
            boolean record = component != null && "object".equals(component.path("type").asText()) && component.has("properties");
            return record ? patchOf(target) : schema;
        }
        if (schema.has("anyOf")) {
            ArrayNode options = F.arrayNode();
            schema.get("anyOf").forEach(o -> options.add(o.isObject() ? merged(((ObjectNode) o).deepCopy()) : o));
            schema.set("anyOf", options);
        }
        return schema;
    }

    private static String name(ObjectNode ref) {
        return ref.get("$ref").asText().replace("#/components/schemas/", "");
    }

    private static ObjectNode ref(String name) {
        return F.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    public ObjectNode of(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == org.sectorcrm.core.contact.ContactView.class) {
            return of(org.sectorcrm.core.contact.Contact.class); // written as its contact: one shape for reads and writes (ContactShape)
        }
        if (raw == String.class) {
            return F.objectNode().put("type", "string");
        }
        if (raw == UUID.class) {
            return F.objectNode().put("type", "string").put("format", "uuid");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return F.objectNode().put("type", "integer").put("format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return F.objectNode().put("type", "integer").put("format", "int64");
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
            return F.objectNode().put("type", "string").put("pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                    .put("description", "a wall-clock time (no offset), read in the record's time zone");
        }
        if (java.time.ZoneId.class.isAssignableFrom(raw)) {
            return F.objectNode().put("type", "string").put("description", "an IANA time zone, like America/Chicago");
        }
        if (raw.isEnum()) {
            return enumeration(raw);
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
        return SchemaFacts.scalar(MAPPER, type);
    }

    /** An enum as a named component: generated clients get one type for it, also inside arrays. */
    private ObjectNode enumeration(Class<?> raw) {
        String name = componentName(raw);
        if (!components.has(name)) {
            ObjectNode s = F.objectNode().put("type", "string");
            ArrayNode values = s.putArray("enum");
            for (Object c : raw.getEnumConstants()) {
                values.add(((Enum<?>) c).name());
            }
            components.set(name, s);
        }
        return ref(name);
    }

    private String componentName(Class<?> raw) {
        String name = names.get(raw);
        if (name == null) {
            name = raw.getSimpleName();
            if (names.containsValue(name)) { // two types of one simple name: the second is qualified
                name = raw.getName().replace('$', '.');
            }
            names.put(raw, name);
        }
        return name;
    }

    private ObjectNode object(JavaType type) {
        Class<?> raw = type.getRawClass();
        String name = componentName(raw);
        if (!components.has(name)) {
            ObjectNode s = F.objectNode().put("type", "object");
            components.set(name, s); // before the properties: records may refer to themselves
            BeanDescription description = MAPPER.getSerializationConfig().introspect(type);
            boolean nullsWritten = description.findPropertyInclusion(JsonInclude.Value.empty()).getValueInclusion() == JsonInclude.Include.ALWAYS;
            Set<String> requiredByRecord = SchemaFacts.requiredComponents(raw);
            boolean aggregate = Aggregate.class.isAssignableFrom(raw);
            ObjectNode props = s.putObject("properties");
            ArrayNode required = F.arrayNode();
            for (BeanPropertyDefinition p : description.findProperties()) {
                if (!p.couldSerialize()) {
                    continue;
                }
                JavaType propertyType = p.getPrimaryType();
                ObjectNode schema = SchemaFacts.refine(raw, p.getName(), of(propertyType));
                if (aggregate && READ_ONLY.contains(p.getName())) {
                    // assigned by the server and always answered; ignored (stamp) or refused (id) in a new record
                    schema = readOnly(schema, p.getName().equals("id") ? "assigned by the server" : "the version and times of the last change");
                    required.add(p.getName());
                } else if (propertyType.isPrimitive() || requiredByRecord.contains(p.getName())) {
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
            if (raw == org.sectorcrm.core.contact.Contact.class) {
                ContactShape.describe(this, s);
            }
        }
        return ref(name);
    }

    /** A read-only property; a {@code $ref} cannot carry siblings in every tool, so it is wrapped in allOf. */
    private static ObjectNode readOnly(ObjectNode schema, String description) {
        ObjectNode s = schema.has("$ref") ? F.objectNode() : schema;
        if (schema.has("$ref")) {
            s.putArray("allOf").add(schema);
        }
        return s.put("readOnly", true).put("description", description);
    }

    static ObjectNode nullable(ObjectNode schema) {
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
