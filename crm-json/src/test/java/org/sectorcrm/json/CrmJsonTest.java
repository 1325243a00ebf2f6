package org.sectorcrm.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.outcome.Metric;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.Commitment;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Appointments;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Notes;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Partnerships;
import org.sectorcrm.tck.fixtures.Records;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.StaffUsers;
import org.sectorcrm.tck.fixtures.Texts;

class CrmJsonTest {
    private static final ObjectMapper MAPPER = CrmJson.mapper();
    /** What JSON must escape (quote, backslash) or may (solidus), typographic quotes, a line break, a tab, CJK, a character outside the BMP. */
    static final String ESCAPES = "Größe Café 工場 – “quoted” \\ back/slash \"dq\" 😀\nsecond line\ttab";
    /** Nanoseconds: the kit's instants stop at microseconds (what SQL keeps); JSON keeps all nine digits. */
    static final Instant T0 = Instant.parse("2025-03-01T14:05:00.123456789Z");
    static final Instant T1 = Instant.parse("2025-03-02T09:00:00Z");
    static final LocalDate D0 = LocalDate.of(2025, 3, 1);
    static final Stamp STAMP = new Stamp(7, T0, T1, Fixtures.CREATOR);

    /** A value and the class it is read back as. */
    record Sample<T>(String name, Class<T> type, T value) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every aggregate type in each shape the kit builds (typical, full, minimal), as a draft, and with a nanosecond stamp;
     * then what those shapes leave out and JSON must still carry exactly; then the other values the mapping covers.
     */
    static List<Sample<?>> samples() {
        List<Sample<?>> samples = new ArrayList<>();
        EmployerId employer = Fixtures.employerId();
        PartnerId partner = Fixtures.partnerId();
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            addShapes(samples, type, employer, partner);
        }
        samples.add(new Sample<>("employer with JSON escapes and an establishment without id", Employer.class, escapedEmployer()));
        samples.add(new Sample<>("contact with JSON escapes", Contact.class, Contacts.aFullContact().named(ESCAPES, ESCAPES).build()));
        samples.add(new Sample<>("staff user with an apostrophe, a plus and an internationalised domain", StaffUser.class,
                StaffUsers.aFullStaffUser().withEmail("jöns.o'brien+crm@例え.example.com").build()));
        samples.add(new Sample<>("engagement with a note of escapes written at a nanosecond", Engagement.class,
                Engagements.aFullEngagement().withNote(Notes.aNote().saying(ESCAPES).writtenAt(T0).build()).build()));
        samples.add(new Sample<>("referral declined for a reason with escapes", Referral.class, Referrals.aReferral().declined(ESCAPES).build()));
        samples.add(new Sample<>("appointment on the spring-forward night", Appointment.class, springForward()));
        samples.add(new Sample<>("appointment cancelled for a padded reason", Appointment.class, cancelled()));
        samples.add(new Sample<>("outcome with exponent decimals", OutcomeMeasure.class, scaledOutcome()));
        samples.add(new Sample<>("partnership with commitments of several scales", SectorPartnership.class, scaledPartnership()));
        samples.add(new Sample<>("audit typical", AuditEntry.class, AuditEntries.anAuditEntry().build()));
        samples.add(new Sample<>("audit full, with field changes", AuditEntry.class, auditWithChanges()));
        samples.add(new Sample<>("audit minimal", AuditEntry.class, AuditEntries.aMinimalAuditEntry().build()));
        for (DomainEvent event : Events.oneOfEach()) {
            samples.add(new Sample<>("event " + event.getClass().getSimpleName() + " of a " + event.recordType().key(), DomainEvent.class, event));
        }
        samples.add(new Sample<>("event changed nothing", DomainEvent.class, Events.changed(AggregateTypes.REGION)));
        samples.add(new Sample<>("event created as its own class", DomainEvent.Created.class, Events.created(AggregateTypes.EMPLOYER)));
        samples.add(new Sample<>("stored event", StoredEvent.class, storedEvent()));
        samples.add(new Sample<>("stamp with nanoseconds", Stamp.class, STAMP));
        samples.add(new Sample<>("phone without extension", PhoneNumber.class, PhoneNumber.parse("+1 312 555 0142")));
        samples.add(new Sample<>("address", Address.class, new Address("1 Main St", "Springfield", "il", "62701")));
        samples.add(new Sample<>("metric", Metric.class, Metric.RETENTION_RATE));
        return samples;
    }

    private static <I extends Id, T extends Aggregate<I>, F> void addShapes(List<Sample<?>> samples, AggregateType<I, T, F> type, EmployerId employer,
            PartnerId partner) {
        Class<T> c = type.recordClass();
        T minimal = Records.minimal(type, employer, partner);
        samples.add(new Sample<>(type.key() + " typical", c, Records.typical(type, employer, partner)));
        samples.add(new Sample<>(type.key() + " full", c, Records.full(type, employer, partner)));
        samples.add(new Sample<>(type.key() + " minimal", c, minimal));
        samples.add(new Sample<>(type.key() + " draft", c, draft(type, minimal)));
        samples.add(new Sample<>(type.key() + " stamped at a nanosecond", c, c.cast(Records.full(type, employer, partner).withStamp(STAMP))));
    }

    /** Not yet created: no stamp, and no id where the server generates ids (region and sector codes are chosen by people). */
    static <I extends Id, T extends Aggregate<I>> T draft(AggregateType<I, T, ?> type, T record) {
        Aggregate<I> draft = record.withStamp(null);
        return type.recordClass().cast(type.hasGeneratedIds() ? draft.withId(null) : draft);
    }

    private static Employer escapedEmployer() {
        return Employers.aFullEmployer().withTradeNames(ESCAPES).withCustomField("Größe", ESCAPES)
                .withEstablishments(Establishments.aFullEstablishment().named(ESCAPES).build(), Establishments.aMinimalEstablishment().withId(null).build())
                .build();
    }

    /** Chicago's 2025 spring-forward night, at a nanosecond: a wall-clock time is kept as written, not moved to UTC. */
    private static Appointment springForward() {
        return Appointments.aFullAppointment().in(ZoneId.of("America/Chicago")).from(LocalDateTime.of(2025, 3, 9, 1, 30, 0, 123_456_789))
                .at("  " + ESCAPES + "  ", "https://meet.example.com/room?id=42&x=%C3%BC").build();
    }

    private static Appointment cancelled() {
        return Appointments.anAppointment().in(ZoneId.of("UTC")).from(LocalDateTime.of(2025, 11, 2, 1, 30)).lasting(30)
                .cancelled(" " + Texts.unicode("Storm", Limits.DESCRIPTION - 2) + " ").build();
    }

    /** A negative baseline with trailing zeros, and observations with a positive and a negative exponent, given out of date order. */
    private static OutcomeMeasure scaledOutcome() {
        return Outcomes.aMinimalOutcome().withBaseline(D0, new BigDecimal("-12.500")).observed(D0.plusMonths(6), new BigDecimal("1E+3"))
                .observed(D0.plusMonths(3), new BigDecimal("0.0000001")).build();
    }

    /** Commitments valued 40 and 1.50, one fulfilled 12.5, the other not at all. */
    private static SectorPartnership scaledPartnership() {
        EmployerId chair = Fixtures.employerId();
        EmployerId member = Fixtures.employerId();
        return Partnerships.aPartnership().withMember(chair, MemberRole.CHAIR).withMember(member, MemberRole.MEMBER)
                .withCommitment(new Commitment(chair, CommitmentKind.TIME, "Hosts meetings", new BigDecimal("40"), new BigDecimal("12.5")))
                .withCommitment(new Commitment(member, CommitmentKind.FINANCIAL, ESCAPES, new BigDecimal("1.50"), null)).build();
    }

    /** The kit's full entry with four field changes: PII, blanks kept, no value before, and a private note's text. */
    private static AuditEntry auditWithChanges() {
        AuditEntry e = AuditEntries.aFullAuditEntry().build();
        // The kit's builder has no field changes yet: the record's own constructor adds them.
        return new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), e.detail(),
                List.of(new FieldChange("email", "jane@example.com", "jane.doe@example.com", FieldChange.PII),
                        FieldChange.of("legalName", "  Acme  ", ESCAPES), FieldChange.of("fein", null, "36-1234567"),
                        new FieldChange("notes[" + Fixtures.noteId().asString() + "]", Texts.multiline("Notiz", Limits.NOTE), null,
                                "NOTE PRIVATE " + e.actor() + " " + e.partner())));
    }

    private static StoredEvent storedEvent() {
        return new StoredEvent(Long.MAX_VALUE, Events.statusChanged(AggregateTypes.REFERRAL, "SENT", "ACCEPTED"));
    }

    @Nested
    @DisplayName("every domain type round-trips")
    class RoundTrip {
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void throughTheMapper(Sample<?> sample) throws Exception {
            String json = MAPPER.writeValueAsString(sample.value());
            assertThat(MAPPER.readValue(json, sample.type())).isEqualTo(sample.value());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void throughReadAndWrite(Sample<?> sample) {
            String json = CrmJson.write(sample.value());
            assertThat(CrmJson.read(json, sample.type())).isEqualTo(sample.value());
            assertThat(CrmJson.write(CrmJson.read(json, sample.type()))).as("writing is stable").isEqualTo(json);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void writesOnlyRecordComponents(Sample<?> sample) throws Exception {
            JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(sample.value()));
            assertOnlyComponents(sample.value(), tree, "$");
        }

        @Test
        void aMapperIsIndependentOfTheOthers() {
            ObjectMapper mine = CrmJson.mapper();
            mine.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            assertThat(CrmJson.mapper()).isNotSameAs(mine);
            assertThat(CrmJson.mapper().isEnabled(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
        }
    }

    @Nested
    @DisplayName("values are written the documented way")
    class Shapes {
        @Test
        void idsFeinNaicsAndEmailAreStrings() throws Exception {
            Employer employer = Employers.aFullEmployer().withFein("361234567").withNaics("336110").inSector("MFG").inRegion("IL-EDR-4").build();
            JsonNode e = tree(employer);
            assertThat(e.get("id").textValue()).isEqualTo(employer.id().asString());
            assertThat(e.get("fein").textValue()).isEqualTo("36-1234567");
            assertThat(e.get("naics").textValue()).isEqualTo("336110");
            assertThat(e.get("sector").textValue()).isEqualTo("MFG");
            assertThat(e.get("region").textValue()).isEqualTo("IL-EDR-4");
            assertThat(e.get("lead").get("partner").textValue()).isEqualTo(employer.lead().partner().asString());
            assertThat(e.get("establishments").get(0).get("id").textValue()).isEqualTo(employer.establishments().get(0).id().asString());
            assertThat(e.get("stamp").get("createdBy").textValue()).isEqualTo(employer.stamp().createdBy().asString());
            JsonNode c = tree(Contacts.aFullContact().withEmail("Jane.Doe@Example.com").build());
            assertThat(c.get("email").textValue()).isEqualTo("jane.doe@example.com");
        }

        @Test
        void aPhoneNumberIsAnObjectWithE164AndExtension() throws Exception {
            JsonNode phone = tree(Contacts.aFullContact().withPhone(PhoneNumber.parse("(312) 555-0142 x12")).build()).get("phone");
            assertThat(phone.get("e164").textValue()).isEqualTo("+13125550142");
            assertThat(phone.get("extension").textValue()).isEqualTo("12");
            assertThat(phone.size()).isEqualTo(2);
            assertThat(CrmJson.write(PhoneNumber.parse("312 555 0142"))).isEqualTo("{\"e164\":\"+13125550142\"}");
        }

        @Test
        void instantsAreIsoUtcAndDatesAreIsoDates() throws Exception {
            JsonNode stamp = tree(STAMP);
            assertThat(stamp.get("createdAt").textValue()).isEqualTo("2025-03-01T14:05:00.123456789Z");
            assertThat(stamp.get("updatedAt").textValue()).isEqualTo("2025-03-02T09:00:00Z");
            assertThat(stamp.get("version").isIntegralNumber()).isTrue();
            assertThat(tree(Engagements.anEngagement().on(D0).build()).get("date").textValue()).isEqualTo("2025-03-01");
        }

        @Test
        void decimalsKeepTheirScale() {
            String json = CrmJson.write(scaledPartnership());
            assertThat(json).contains("\"value\":1.50").contains("\"fulfilled\":12.5");
            BigDecimal back = CrmJson.read(json, SectorPartnership.class).commitments().get(1).value();
            assertThat(back).isEqualTo(new BigDecimal("1.50")).extracting(BigDecimal::scale).isEqualTo(2);
            Solution s = CrmJson.read(CrmJson.write(Solutions.aSolution().costing(new BigDecimal("1250000.50")).build()), Solution.class);
            assertThat(s.cost().toString()).isEqualTo("1250000.50");
            OutcomeMeasure o = CrmJson.read(CrmJson.write(scaledOutcome()), OutcomeMeasure.class);
            assertThat(o.baseline().scale()).isEqualTo(3);
            assertThat(o.observations()).extracting(ob -> ob.value().toString()).containsExactly("1E-7", "1E+3");
        }

        @Test
        void nullsAreOmittedAndEmptyCollectionsWritten() throws Exception {
            Employer draft = draft(AggregateTypes.EMPLOYER, Employers.aMinimalEmployer().build());
            JsonNode e = tree(draft);
            assertThat(e.has("id")).isFalse();
            assertThat(e.has("stamp")).isFalse();
            assertThat(e.has("fein")).isFalse();
            assertThat(e.get("tradeNames").isArray()).isTrue();
            assertThat(e.get("tradeNames").size()).isZero();
            assertThat(e.get("tags").isArray()).isTrue();
            assertThat(e.get("customFields").isObject()).isTrue();
            assertThat(e.get("customFields").size()).isZero();
            assertThat(CrmJson.write(draft)).doesNotContain("null");
        }

        @Test
        void derivedMethodsStayOut() throws Exception {
            Set<String> names = new TreeSet<>();
            Contact contact = Contacts.aFullContact().build();
            for (Object value : List.of(Employers.aFullEmployer().build(), contact, Engagements.aFullEngagement().build())) {
                tree(value).fieldNames().forEachRemaining(names::add);
            }
            assertThat(names).doesNotContain("version", "draft", "isDraft", "nameKey", "primaryZip", "primaryEstablishment",
                    "countsForEse", "displayName");
            assertThat(CrmJson.write(contact)).doesNotContain("masked").doesNotContain("formatted").doesNotContain("***");
        }

        @Test
        void eventsCarryTheirType() throws Exception {
            assertThat(tree(Events.created(AggregateTypes.EMPLOYER)).get("type").textValue()).isEqualTo("created");
            assertThat(tree(Events.changed(AggregateTypes.CONTACT, "email")).get("type").textValue()).isEqualTo("changed");
            assertThat(tree(Events.statusChanged(AggregateTypes.REFERRAL, "SENT", "ACCEPTED")).get("type").textValue()).isEqualTo("statusChanged");
            assertThat(tree(Events.deleted(AggregateTypes.FEEDBACK)).get("type").textValue()).isEqualTo("deleted");
            assertThat(tree(storedEvent()).get("event").get("type").textValue()).isEqualTo("statusChanged");
            assertThat(tree(Events.created(AggregateTypes.EMPLOYER)).get("recordType").textValue()).isEqualTo("employer");
        }

        @Test
        void valueTypesAloneAreStrings() {
            assertThat(CrmJson.write(Fein.parse("361234567"))).isEqualTo("\"36-1234567\"");
            assertThat(CrmJson.read("\"361234567\"", Fein.class)).isEqualTo(Fein.parse("36-1234567"));
            assertThat(CrmJson.write(NaicsCode.of("336110"))).isEqualTo("\"336110\"");
            assertThat(CrmJson.read("\"Jane@Example.COM\"", EmailAddress.class)).isEqualTo(new EmailAddress("jane@example.com"));
            EmployerId id = Fixtures.employerId();
            assertThat(CrmJson.write(id)).isEqualTo("\"" + id.asString() + "\"");
        }

        @Test
        void aMissingCollectionReadsAsEmpty() {
            Employer e = CrmJson.read("{\"legalName\":\"Acme\",\"status\":\"PROSPECT\"}", Employer.class);
            assertThat(e).isEqualTo(Employer.named("Acme"));
        }

        @Test
        void anAppointmentHasWallClockTimesAndAZoneId() throws Exception {
            Appointment night = springForward();
            JsonNode a = tree(night);
            assertThat(a.get("start").textValue()).isEqualTo("2025-03-09T01:30:00.123456789");
            assertThat(a.get("zone").textValue()).isEqualTo("America/Chicago");
            assertThat(a.get("contacts")).hasSize(2);
            assertThat(a.get("produced").textValue()).isEqualTo(night.produced().asString());
            JsonNode onTheQuarter = tree(Appointments.anAppointment().from(LocalDateTime.of(2025, 3, 9, 1, 30)).lasting(105).build());
            assertThat(onTheQuarter.get("end").textValue()).as("seconds are written even when zero").isEqualTo("2025-03-09T03:15:00");
            assertThat(tree(Appointments.aMinimalAppointment().in(ZoneOffset.ofHours(-6)).build()).get("zone").textValue()).isEqualTo("-06:00");
            assertThat(tree(cancelled()).get("zone").textValue()).isEqualTo("UTC");
            assertThat(CrmJson.read(CrmJson.write(night), Appointment.class).startsAt()).isEqualTo(night.startsAt());
        }

        @Test
        void textKeepsItsLeadingAndTrailingBlanks() {
            Appointment night = springForward();
            Appointment back = CrmJson.read(CrmJson.write(night), Appointment.class);
            assertThat(back.location()).startsWith("  ").endsWith("  ").isEqualTo(night.location());
            assertThat(CrmJson.read(CrmJson.write(cancelled()), Appointment.class).cancelReason()).startsWith(" ").endsWith(" ");
            Employer padded = Employers.aMinimalEmployer().named(" \t Acme \n").build();
            assertThat(CrmJson.read(CrmJson.write(padded), Employer.class).legalName()).isEqualTo(" \t Acme \n");
        }

        @Test
        void anEmployerHasAMainPhone() throws Exception {
            JsonNode phone = tree(Employers.aFullEmployer().withPhone(PhoneNumber.parse("(312) 555-0100 x7")).build()).get("phone");
            assertThat(phone.get("e164").textValue()).isEqualTo("+13125550100");
            assertThat(phone.get("extension").textValue()).isEqualTo("7");
            assertThat(tree(Employers.aMinimalEmployer().build()).has("phone")).isFalse();
        }

        @Test
        void anAuditEntryListsItsFieldChanges() throws Exception {
            JsonNode changes = tree(auditWithChanges()).get("changes");
            assertThat(changes).hasSize(4);
            assertThat(changes.get(0).get("field").textValue()).isEqualTo("email");
            assertThat(changes.get(0).get("restriction").textValue()).isEqualTo("PII");
            assertThat(changes.get(1).get("before").textValue()).as("blanks kept").isEqualTo("  Acme  ");
            assertThat(changes.get(2).has("before")).as("no value before: omitted").isFalse();
            assertThat(changes.get(1).has("restriction")).isFalse();
            assertThat(tree(AuditEntries.aMinimalAuditEntry().build()).get("changes")).isEmpty();
        }

        @Test
        void everyIdIsItsTextThroughItsDescriptor() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                Id id = type.hasGeneratedIds() ? type.newId(Fixtures.nextUuid())
                        : type.parseId(type == AggregateTypes.ESTABLISHMENT_COUNT ? "2026-Q2:CODE-1" : "CODE-1");
                assertThat(CrmJson.write(id)).as(type.key()).isEqualTo("\"" + id.asString() + "\"");
                assertThat(CrmJson.read(CrmJson.write(id), type.idClass())).as(type.key()).isEqualTo(id);
            }
        }

        @Test
        void eventsNameTheirTypeByItsKey() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                DomainEvent.Deleted event = Events.deleted(type);
                assertThat(CrmJson.write(event)).contains("\"recordType\":\"" + type.key() + "\"");
                assertThat(CrmJson.read(CrmJson.write(event), DomainEvent.class).recordType()).isSameAs(type);
            }
        }

        @Test
        void everyTypesFiltersRoundTrip() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                assertThat(CrmJson.read(CrmJson.write(type.all()), type.filterClass())).as(type.key()).isEqualTo(type.all());
            }
            EngagementFilter due = EngagementFilter.followUpsDue(Fixtures.partnerId(), D0);
            assertThat(CrmJson.write(due)).contains("\"followUpDueBy\":\"2025-03-01\"");
            assertThat(CrmJson.read(CrmJson.write(due), EngagementFilter.class)).isEqualTo(due);
            AppointmentFilter window = new AppointmentFilter(Fixtures.employerId(), null, Fixtures.partnerId(), Fixtures.staffUserId(),
                    AppointmentStatus.HELD, T0, T1);
            assertThat(CrmJson.read(CrmJson.write(window), AppointmentFilter.class)).isEqualTo(window);
            assertThat(CrmJson.write(window)).contains("\"from\":\"2025-03-01T14:05:00.123456789Z\"");
        }

        @Test
        void aStoredEventReadsItsPolymorphicEvent() {
            StoredEvent s = CrmJson.read(CrmJson.write(storedEvent()), StoredEvent.class);
            assertThat(s.event()).isInstanceOf(DomainEvent.StatusChanged.class);
        }
    }

    private static JsonNode tree(Object value) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(value));
    }

    /** The JSON object of a record has exactly the names of its non-null components (plus an event's "type"), at every depth. */
    static void assertOnlyComponents(Object value, JsonNode node, String path) {
        if (value == null) {
            return;
        }
        if (value instanceof Id || value instanceof Fein || value instanceof NaicsCode || value instanceof EmailAddress || value instanceof Enum<?>) {
            assertThat(node.isTextual()).as(path + " is a string").isTrue();
            return;
        }
        if (value instanceof Collection<?> c) {
            assertThat(node.isArray()).as(path + " is an array").isTrue();
            assertThat(node.size()).as(path + " size").isEqualTo(c.size());
            Iterator<JsonNode> nodes = node.elements();
            int i = 0;
            for (Object element : c) {
                assertOnlyComponents(element, nodes.next(), path + "[" + i++ + "]");
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            assertThat(node.isObject()).as(path + " is an object").isTrue();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                assertOnlyComponents(e.getValue(), node.get(String.valueOf(e.getKey())), path + "." + e.getKey());
            }
            return;
        }
        if (!value.getClass().isRecord()) {
            return;
        }
        assertThat(node.isObject()).as(path + " is an object").isTrue();
        Set<String> expected = new TreeSet<>();
        List<Object[]> children = new ArrayList<>();
        for (RecordComponent rc : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = rc.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (v != null) {
                expected.add(rc.getName());
                children.add(new Object[] {rc.getName(), v});
            }
        }
        if (value instanceof DomainEvent) {
            expected.add("type");
        }
        Set<String> actual = new TreeSet<>();
        node.fieldNames().forEachRemaining(actual::add);
        assertThat(actual).as(path + " fields").isEqualTo(expected);
        for (Object[] child : children) {
            assertOnlyComponents(child[1], node.get((String) child[0]), path + "." + child[0]);
        }
    }
}
