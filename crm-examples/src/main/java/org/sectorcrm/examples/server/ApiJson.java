package org.sectorcrm.examples.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one ObjectMapper of the server. crm-json's {@code CrmJson.mapper()} is the exchange mapping of the domain;
 * until that module is on main this mapper gives the same shape for the value types that matter on the wire:
 * ids and single-value records ({@code EmployerId}, {@code Fein}, {@code NaicsCode}, {@code EmailAddress}) are plain
 * strings, dates are ISO-8601 text, records map by their components. Switching to CrmJson changes only {@link #mapper()}.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = base().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    /** Query parameters are all text: "true" and "5" must become booleans and numbers there. */
    private static final ObjectMapper QUERY = base().enable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .annotationIntrospector(new ValueRecords())
            // record accessors are the properties; isDraft() and friends are derived, not data
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    private ApiJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    static ObjectMapper queryMapper() {
        return QUERY;
    }

    /** A record with one String or UUID component is a value: written and read as that scalar. */
    static boolean isValueRecord(Class<?> type) {
        if (!type.isRecord()) {
            return false;
        }
        RecordComponent[] components = type.getRecordComponents();
        return components.length == 1 && (components[0].getType() == String.class || components[0].getType() == UUID.class)
                && type.getPackageName().startsWith("org.sectorcrm.core");
    }

    private static final class ValueRecords extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Boolean hasAsValue(Annotated a) {
            if (a instanceof AnnotatedMethod m && m.getParameterCount() == 0 && isValueRecord(m.getDeclaringClass())
                    && m.getName().equals(m.getDeclaringClass().getRecordComponents()[0].getName())) {
                return Boolean.TRUE;
            }
            return super.hasAsValue(a);
        }

        @Override
        public JsonCreator.Mode findCreatorAnnotation(MapperConfig<?> config, Annotated a) {
            if (a instanceof AnnotatedConstructor c && isValueRecord(c.getDeclaringClass())) {
                Constructor<?> ctor = c.getAnnotated();
                if (ctor.getParameterCount() == 1) {
                    return JsonCreator.Mode.DELEGATING;
                }
            }
            return super.findCreatorAnnotation(config, a);
        }
    }
}
