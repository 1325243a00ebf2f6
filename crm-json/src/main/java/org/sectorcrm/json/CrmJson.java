package org.sectorcrm.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.json.internal.CrmAnnotationIntrospector;
import org.sectorcrm.json.internal.DomainModule;
import org.sectorcrm.json.internal.JsonErrors;
import org.sectorcrm.json.internal.StrictProblemHandler;

/**
 * The one JSON mapping of the SectorCRM domain, shared by the JDBC store (aggregates as JSON documents), the
 * exchange format and the REST API, so that a record is written the same way everywhere.
 *
 * <p>What the mapping promises, for every aggregate and value type of crm-core:
 * <ul>
 * <li>{@code read(write(x), X.class).equals(x)}.</li>
 * <li>Only record components are written, under their component names. Derived methods ({@code version()},
 *     {@code isDraft()}, {@code nameKey()}, {@code masked()}, ...) never appear.</li>
 * <li>Ids are strings, {@link org.sectorcrm.core.Id#asString()}: UUID text for UUID ids, the code for
 *     {@code RegionCode}/{@code SectorCode}; the id of every aggregate is read by its descriptor's
 *     {@link org.sectorcrm.core.type.AggregateType#parseId parseId}. A FEIN is
 *     {@code "NN-NNNNNNN"}, a NAICS code {@code "336110"}, an e-mail address its normalised text.</li>
 * <li>A {@code PhoneNumber} is an object {@code {"e164":"+13125550142","extension":"12"}} (extension omitted
 *     when there is none): both parts are data, and a string form would need a second parser.</li>
 * <li>Instants are ISO-8601 UTC strings ({@code "2025-03-01T14:05:00Z"}, nanoseconds kept), dates {@code "2025-03-01"}.
 *     Wall-clock times ({@code LocalDateTime}, an appointment's start and end) are ISO-8601 without offset
 *     ({@code "2025-04-08T10:00:00"}); one with an offset or {@code Z} is refused. A {@code ZoneId} is its id
 *     ({@code "America/Chicago"}, {@code "-06:00"}).</li>
 * <li>Strings are kept exactly, leading and trailing blanks included.</li>
 * <li>Decimals are JSON numbers written with their scale ({@code 1.50} stays {@code 1.50}).</li>
 * <li>Null fields are omitted; empty collections are written as {@code []} / {@code {}}. On input a missing
 *     collection reads as empty, and a missing primitive ({@code active}, {@code rating}, {@code version}) is an
 *     error rather than a silent {@code false}/{@code 0}.</li>
 * <li>A {@code DomainEvent} carries {@code "type"}: {@code created}, {@code changed}, {@code statusChanged} or
 *     {@code deleted}; its {@code recordType} is the descriptor's {@link org.sectorcrm.core.type.AggregateType#key()
 *     key} ({@code "staffUser"}), read with {@link org.sectorcrm.core.type.AggregateTypes#byKey}.</li>
 * <li>Input is strict: unknown fields, duplicate keys, numbers for strings or enums, and trailing content are
 *     refused.</li>
 * </ul>
 *
 * <p>Documents stored by an earlier release: an added field reads as null or empty; renamed or re-encoded fields
 * are brought up to date by {@link StoredDocuments} (policy: {@code docs/storage-documents.md}).
 */
public final class CrmJson {
    /** The record name of violations about the JSON itself rather than a domain record. */
    public static final String RECORD = "json";

    private static final ObjectMapper SHARED = mapper();

    private CrmJson() {
    }

    /**
     * A new, fully configured mapper. Creating one is expensive: keep it (it is thread-safe once configured).
     * Errors it throws are Jackson's; {@link #read} translates them.
     */
    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new DomainModule())
                .annotationIntrospector(new CrmAnnotationIntrospector())
                .addHandler(new StrictProblemHandler())
                // Records are read through their canonical constructor and written from their fields, so
                // public no-argument methods that merely look like getters (isDraft) stay out of the JSON.
                .visibility(PropertyAccessor.GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .visibility(PropertyAccessor.SETTER, Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, Visibility.ANY)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // A report's undefined rate is written as "rate": null with its reason, never left out.
                .addMixIn(org.sectorcrm.core.report.EseReport.Rate.class, NullsWritten.class)
                .addMixIn(org.sectorcrm.core.report.RetentionReport.Ratio.class, NullsWritten.class)
                .addMixIn(org.sectorcrm.core.report.Stats.class, NullsWritten.class)
                .addMixIn(org.sectorcrm.core.report.ReferralReport.Pair.class, NullsWritten.class)
                .addMixIn(org.sectorcrm.core.report.PartnershipReport.Commitments.class, NullsWritten.class)
                .addMixIn(org.sectorcrm.core.report.CadenceReport.Overdue.class, NullsWritten.class)
                // In an employer filter a null set means "no filter" and an empty one "none": keep them apart.
                .addMixIn(org.sectorcrm.core.employer.EmployerFilter.class, EmployerFilterSets.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // Never plain: 1E+3 (scale -3) written as 1000 would read back as a different BigDecimal.
                .disable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // ALLOW_COERCION_OF_SCALARS does not cover numbers and booleans read as text: refuse "legalName": 5.
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // A missing or null collection is an empty one, as everywhere in the domain (and DomainEvent.Changed
                // would otherwise fail on a null list).
                .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withConfigOverride(Set.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .withConfigOverride(Map.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
                .build();
    }

    /**
     * Reads one value.
     *
     * @throws ValidationException when the JSON is malformed or has a wrong type or unknown field (record
     *                             {@code "json"}, field = the JSON path such as {@code establishments[0].address.zip},
     *                             or {@code "$"} for the whole document); when the top-level record breaks a domain
     *                             rule, the domain's own exception (e.g. {@code employer.legalName}); when a nested
     *                             value breaks one, record {@code "json"} with the path of the nested field
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            throw ValidationException.of(RECORD, JsonErrors.ROOT, "is required");
        }
        try {
            T value = SHARED.readValue(json, type);
            if (value == null) {
                throw ValidationException.of(RECORD, JsonErrors.ROOT, "must be " + type.getSimpleName() + ", not null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, RECORD, "", true);
        }
    }

    /** Writes one value as compact JSON. */
    public static String write(Object value) {
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Every domain type is writable; failing here means a non-domain object was passed in.
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    private abstract static class NullsWritten {
    }

    /** The set-valued filter fields stay null when absent (the mapper's default reads a missing collection as empty). */
    private abstract static class EmployerFilterSets {
        @JsonSetter(nulls = Nulls.SET)
        Set<?> feins;
        @JsonSetter(nulls = Nulls.SET)
        Set<?> nameKeys;
    }
}
