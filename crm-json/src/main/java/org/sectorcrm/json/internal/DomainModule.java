package org.sectorcrm.json.internal;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

import org.sectorcrm.core.Id;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Writes ids and single-value objects as plain JSON strings ({@code "36-1234567"}, not {@code {"value":"361234567"}})
 * and reads them back through the domain's own factories, so every rule of the value type applies to JSON input.
 * A value the domain refuses becomes an {@link InvalidFormatException} carrying the domain's message; the caller
 * ({@link JsonErrors}) then knows the JSON path it happened at.
 *
 * <p>The id of every aggregate comes from its descriptor ({@link AggregateType#idClass()}, {@link Id#asString()},
 * {@link AggregateType#parseId}), so a new aggregate in {@link AggregateTypes} is mapped without an edit here. An
 * {@link AggregateType} itself (the {@code recordType} of a {@link DomainEvent}) is written as its key.
 */
public final class DomainModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public DomainModule() {
        super("sectorcrm-domain");
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            id(type);
        }
        // Ids of the parts of an aggregate and of audit entries: no descriptor describes them.
        text(EstablishmentId.class, Id::asString, EstablishmentId::of);
        text(NoteId.class, Id::asString, NoteId::of);
        text(AuditId.class, Id::asString, AuditId::of);
        // The dashed form is how people write a FEIN; parse() accepts it with or without the dash.
        text(Fein.class, Fein::formatted, Fein::parse);
        // Strict: a NAICS code with blanks around it is not what the writer produces.
        text(NaicsCode.class, NaicsCode::value, NaicsCode::new);
        // parse() lower-cases, so hand-written files with "Jane@Example.com" are accepted as the same person.
        text(EmailAddress.class, EmailAddress::value, EmailAddress::parse);
        aggregateTypes();
        // A wall-clock time is read in its record's zone, so it must not carry an offset: jsr310's reader
        // would drop a trailing 'Z' silently and take [2025,3,1,10,0] arrays; this one refuses both.
        text(LocalDateTime.class, DateTimeFormatter.ISO_LOCAL_DATE_TIME::format, DomainModule::localDateTime);
        // By id, as ZoneId.of reads it; the refusal names the field instead of calling a zone an "ISO-8601 date".
        text(ZoneId.class, ZoneId::getId, DomainModule::zone);
        setMixInAnnotation(DomainEvent.class, DomainEventMixin.class);
    }

    private <I extends Id> void id(AggregateType<I, ?, ?> type) {
        text(type.idClass(), Id::asString, type::parseId);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void aggregateTypes() {
        // Raw: the descriptor class is generic, and Jackson looks serializers up by raw class anyway.
        Class<AggregateType> raw = AggregateType.class;
        text(raw, t -> t.key(), DomainModule::typeOfKey);
    }

    private static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            boolean offset = text.length() > 16 && text.charAt(10) == 'T' && text.substring(16).matches(".*([Zz]|[+-]\\d\\d(:?\\d\\d)?)$");
            throw ValidationException.of("json", "dateTime", (offset ? "has an offset, but this is a wall-clock time read in the record's zone"
                    : "is not an ISO-8601 local date and time") + ": write it like 2025-03-01T10:00:00, not '" + text + "'");
        }
    }

    private static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw ValidationException.of("json", "zone", "is not a time-zone id such as America/Chicago, UTC or -06:00: '" + text + "'");
        }
    }

    private static AggregateType<?, ?, ?> typeOfKey(String key) {
        return AggregateTypes.byKey(key).orElseThrow(() -> ValidationException.of("json", "recordType", "'" + key
                + "' is not a record type; expected one of " + keys()));
    }

    /** {@code region, sector, ...}: the keys of {@link AggregateTypes#all()}, for messages. */
    public static String keys() {
        return AggregateTypes.all().stream().map(AggregateType::key).collect(Collectors.joining(", "));
    }

    private <T> void text(Class<T> type, Function<T, String> write, Function<String, T> read) {
        addSerializer(type, new TextSerializer<>(type, write));
        addDeserializer(type, new TextDeserializer<>(type, read));
    }

    private static final class TextSerializer<T> extends StdScalarSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<T, String> write;

        TextSerializer(Class<T> type, Function<T, String> write) {
            super(type);
            this.write = write;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(write.apply(value));
        }
    }

    private static final class TextDeserializer<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> read;

        TextDeserializer(Class<T> type, Function<String, T> read) {
            super(type);
            this.read = read;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(p, handledType(),
                        "expected a string (" + handledType().getSimpleName() + ") but found " + JsonErrors.describe(p.currentToken()));
            }
            String text = p.getText();
            try {
                return read.apply(text);
            } catch (ValidationException e) {
                throw InvalidFormatException.from(p, e.violations().get(0).message(), text, handledType());
            }
        }
    }
}
