package org.sectorcrm.json.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

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

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.feedback.FeedbackId;
import org.sectorcrm.core.internal.Uuids;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.outcome.OutcomeId;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.solution.SolutionId;

/**
 * Writes ids and single-value objects as plain JSON strings ({@code "36-1234567"}, not {@code {"value":"361234567"}})
 * and reads them back through the domain's own factories, so every rule of the value type applies to JSON input.
 * A value the domain refuses becomes an {@link InvalidFormatException} carrying the domain's message; the caller
 * ({@link JsonErrors}) then knows the JSON path it happened at.
 */
public final class DomainModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    public DomainModule() {
        super("sectorcrm-domain");
        uuidId(EmployerId.class, EmployerId::value, EmployerId::new, "employer");
        uuidId(EstablishmentId.class, EstablishmentId::value, EstablishmentId::new, "establishment");
        uuidId(ContactId.class, ContactId::value, ContactId::new, "contact");
        uuidId(EngagementId.class, EngagementId::value, EngagementId::new, "engagement");
        uuidId(NoteId.class, NoteId::value, NoteId::new, "note");
        uuidId(NeedId.class, NeedId::value, NeedId::new, "need");
        uuidId(SolutionId.class, SolutionId::value, SolutionId::new, "solution");
        uuidId(PartnershipId.class, PartnershipId::value, PartnershipId::new, "partnership");
        uuidId(ReferralId.class, ReferralId::value, ReferralId::new, "referral");
        uuidId(OutcomeId.class, OutcomeId::value, OutcomeId::new, "outcome");
        uuidId(FeedbackId.class, FeedbackId::value, FeedbackId::new, "feedback");
        uuidId(AuditId.class, AuditId::value, AuditId::new, "audit");
        uuidId(PartnerId.class, PartnerId::value, PartnerId::new, "partner");
        uuidId(StaffUserId.class, StaffUserId::value, StaffUserId::new, "staffUser");
        text(RegionCode.class, RegionCode::value, RegionCode::new);
        text(SectorCode.class, SectorCode::value, SectorCode::new);
        // The dashed form is how people write a FEIN; parse() accepts it with or without the dash.
        text(Fein.class, Fein::formatted, Fein::parse);
        // Strict: a NAICS code with blanks around it is not what the writer produces.
        text(NaicsCode.class, NaicsCode::value, NaicsCode::new);
        // parse() lower-cases, so hand-written files with "Jane@Example.com" are accepted as the same person.
        text(EmailAddress.class, EmailAddress::value, EmailAddress::parse);
        setMixInAnnotation(DomainEvent.class, DomainEventMixin.class);
    }

    private <T> void uuidId(Class<T> type, Function<T, UUID> value, Function<UUID, T> create, String record) {
        text(type, id -> value.apply(id).toString(), text -> create.apply(Uuids.parse(record, text)));
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
