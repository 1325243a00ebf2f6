package org.sectorcrm.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
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
import org.sectorcrm.core.Id;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

class CrmJsonTest {
    private static final ObjectMapper MAPPER = CrmJson.mapper();

    static List<Samples.Sample<?>> samples() {
        return Samples.all();
    }

    @Nested
    @DisplayName("every domain type round-trips")
    class RoundTrip {
        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void throughTheMapper(Samples.Sample<?> sample) throws Exception {
            String json = MAPPER.writeValueAsString(sample.value());
            assertThat(MAPPER.readValue(json, sample.type())).isEqualTo(sample.value());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void throughReadAndWrite(Samples.Sample<?> sample) {
            String json = CrmJson.write(sample.value());
            assertThat(CrmJson.read(json, sample.type())).isEqualTo(sample.value());
            assertThat(CrmJson.write(CrmJson.read(json, sample.type()))).as("writing is stable").isEqualTo(json);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.sectorcrm.json.CrmJsonTest#samples")
        void writesOnlyRecordComponents(Samples.Sample<?> sample) throws Exception {
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
            JsonNode e = tree(Samples.employerFull());
            assertThat(e.get("id").textValue()).isEqualTo(Samples.EMPLOYER.asString());
            assertThat(e.get("fein").textValue()).isEqualTo("36-1234567");
            assertThat(e.get("naics").textValue()).isEqualTo("336110");
            assertThat(e.get("sector").textValue()).isEqualTo("MFG");
            assertThat(e.get("region").textValue()).isEqualTo("IL-EDR-4");
            assertThat(e.get("lead").get("partner").textValue()).isEqualTo(Samples.PARTNER.asString());
            assertThat(e.get("establishments").get(0).get("id").textValue()).isEqualTo(Samples.uuid(20).toString());
            assertThat(e.get("stamp").get("createdBy").textValue()).isEqualTo(Samples.PARTNER.asString());
            JsonNode c = tree(Samples.contactFull());
            assertThat(c.get("email").textValue()).isEqualTo("jane.doe@example.com");
        }

        @Test
        void aPhoneNumberIsAnObjectWithE164AndExtension() throws Exception {
            JsonNode phone = tree(Samples.contactFull()).get("phone");
            assertThat(phone.get("e164").textValue()).isEqualTo("+13125550142");
            assertThat(phone.get("extension").textValue()).isEqualTo("12");
            assertThat(phone.size()).isEqualTo(2);
            assertThat(CrmJson.write(PhoneNumber.parse("312 555 0142"))).isEqualTo("{\"e164\":\"+13125550142\"}");
        }

        @Test
        void instantsAreIsoUtcAndDatesAreIsoDates() throws Exception {
            JsonNode stamp = tree(Samples.STAMP);
            assertThat(stamp.get("createdAt").textValue()).isEqualTo("2025-03-01T14:05:00.123456789Z");
            assertThat(stamp.get("updatedAt").textValue()).isEqualTo("2025-03-02T09:00:00Z");
            assertThat(stamp.get("version").isIntegralNumber()).isTrue();
            assertThat(tree(Samples.engagementFull()).get("date").textValue()).isEqualTo("2025-03-01");
        }

        @Test
        void decimalsKeepTheirScale() {
            String json = CrmJson.write(Samples.partnershipFull());
            assertThat(json).contains("\"value\":1.50").contains("\"fulfilled\":12.5");
            BigDecimal back = CrmJson.read(json, SectorPartnership.class).commitments().get(1).value();
            assertThat(back).isEqualTo(new BigDecimal("1.50")).extracting(BigDecimal::scale).isEqualTo(2);
            Solution s = CrmJson.read(CrmJson.write(Samples.solutionFull()), Solution.class);
            assertThat(s.cost().toString()).isEqualTo("1250000.50");
            OutcomeMeasure o = CrmJson.read(CrmJson.write(Samples.outcomeFull()), OutcomeMeasure.class);
            assertThat(o.baseline().scale()).isEqualTo(3);
            assertThat(o.observations()).extracting(ob -> ob.value().toString()).containsExactly("1E-7", "1E+3");
        }

        @Test
        void nullsAreOmittedAndEmptyCollectionsWritten() throws Exception {
            JsonNode e = tree(Samples.employerMinimal());
            assertThat(e.has("id")).isFalse();
            assertThat(e.has("stamp")).isFalse();
            assertThat(e.has("fein")).isFalse();
            assertThat(e.get("tradeNames").isArray()).isTrue();
            assertThat(e.get("tradeNames").size()).isZero();
            assertThat(e.get("tags").isArray()).isTrue();
            assertThat(e.get("customFields").isObject()).isTrue();
            assertThat(e.get("customFields").size()).isZero();
            assertThat(CrmJson.write(Samples.employerMinimal())).doesNotContain("null");
        }

        @Test
        void derivedMethodsStayOut() throws Exception {
            Set<String> names = new TreeSet<>();
            for (Object value : List.of(Samples.employerFull(), Samples.contactFull(), Samples.engagementFull())) {
                tree(value).fieldNames().forEachRemaining(names::add);
            }
            assertThat(names).doesNotContain("version", "draft", "isDraft", "nameKey", "primaryZip", "primaryEstablishment",
                    "countsForEse", "displayName");
            String contact = CrmJson.write(Samples.contactFull());
            assertThat(contact).doesNotContain("masked").doesNotContain("formatted").doesNotContain("***");
        }

        @Test
        void eventsCarryTheirType() throws Exception {
            assertThat(tree(Samples.created()).get("type").textValue()).isEqualTo("created");
            assertThat(tree(Samples.changed()).get("type").textValue()).isEqualTo("changed");
            assertThat(tree(Samples.statusChanged()).get("type").textValue()).isEqualTo("statusChanged");
            assertThat(tree(Samples.deleted()).get("type").textValue()).isEqualTo("deleted");
            assertThat(tree(Samples.storedEvent()).get("event").get("type").textValue()).isEqualTo("statusChanged");
            assertThat(tree(Samples.created()).get("recordType").textValue()).isEqualTo("employer");
        }

        @Test
        void valueTypesAloneAreStrings() {
            assertThat(CrmJson.write(Fein.parse("361234567"))).isEqualTo("\"36-1234567\"");
            assertThat(CrmJson.read("\"361234567\"", Fein.class)).isEqualTo(Fein.parse("36-1234567"));
            assertThat(CrmJson.write(NaicsCode.of("336110"))).isEqualTo("\"336110\"");
            assertThat(CrmJson.read("\"Jane@Example.COM\"", EmailAddress.class)).isEqualTo(new EmailAddress("jane@example.com"));
            assertThat(CrmJson.write(Samples.EMPLOYER)).isEqualTo("\"" + Samples.EMPLOYER.asString() + "\"");
        }

        @Test
        void aMissingCollectionReadsAsEmpty() {
            Employer e = CrmJson.read("{\"legalName\":\"Acme\",\"status\":\"PROSPECT\"}", Employer.class);
            assertThat(e).isEqualTo(Employer.named("Acme"));
        }

        @Test
        void anAppointmentHasWallClockTimesAndAZoneId() throws Exception {
            JsonNode a = tree(Samples.appointmentFull());
            assertThat(a.get("start").textValue()).isEqualTo("2025-03-09T01:30:00.123456789");
            assertThat(a.get("end").textValue()).isEqualTo("2025-03-09T03:15:00");
            assertThat(a.get("zone").textValue()).isEqualTo("America/Chicago");
            assertThat(a.get("contacts")).hasSize(2);
            assertThat(a.get("produced").textValue()).isEqualTo(Samples.uuid(14).toString());
            assertThat(tree(Samples.appointmentMinimal()).get("zone").textValue()).isEqualTo("-06:00");
            assertThat(tree(Samples.appointmentCancelled()).get("zone").textValue()).isEqualTo("UTC");
            assertThat(CrmJson.read(CrmJson.write(Samples.appointmentFull()), Appointment.class).startsAt())
                    .isEqualTo(Samples.appointmentFull().startsAt());
        }

        @Test
        void textKeepsItsLeadingAndTrailingBlanks() {
            Appointment back = CrmJson.read(CrmJson.write(Samples.appointmentFull()), Appointment.class);
            assertThat(back.location()).startsWith("  ").endsWith("  ").isEqualTo(Samples.appointmentFull().location());
            assertThat(CrmJson.read(CrmJson.write(Samples.appointmentCancelled()), Appointment.class).cancelReason()).startsWith(" ").endsWith(" ");
            Employer padded = Samples.employerMinimal().withLegalName(" \t Acme \n");
            assertThat(CrmJson.read(CrmJson.write(padded), Employer.class).legalName()).isEqualTo(" \t Acme \n");
        }

        @Test
        void anEmployerHasAMainPhone() throws Exception {
            JsonNode phone = tree(Samples.employerFull()).get("phone");
            assertThat(phone.get("e164").textValue()).isEqualTo("+13125550100");
            assertThat(phone.get("extension").textValue()).isEqualTo("7");
            assertThat(tree(Samples.employerMinimal()).has("phone")).isFalse();
        }

        @Test
        void anAuditEntryListsItsFieldChanges() throws Exception {
            JsonNode changes = tree(Samples.auditFull()).get("changes");
            assertThat(changes).hasSize(4);
            assertThat(changes.get(0).get("field").textValue()).isEqualTo("email");
            assertThat(changes.get(0).get("restriction").textValue()).isEqualTo("PII");
            assertThat(changes.get(1).get("before").textValue()).as("blanks kept").isEqualTo("  Acme  ");
            assertThat(changes.get(2).has("before")).as("no value before: omitted").isFalse();
            assertThat(changes.get(1).has("restriction")).isFalse();
            assertThat(tree(Samples.auditMinimal()).get("changes")).isEmpty();
        }

        @Test
        void everyIdIsItsTextThroughItsDescriptor() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                Id id = type.hasGeneratedIds() ? type.newId(Samples.uuid(99)) : type.parseId("CODE-1");
                assertThat(CrmJson.write(id)).as(type.key()).isEqualTo("\"" + id.asString() + "\"");
                assertThat(CrmJson.read(CrmJson.write(id), type.idClass())).as(type.key()).isEqualTo(id);
            }
        }

        @Test
        void eventsNameTheirTypeByItsKey() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                DomainEvent.Deleted event = new DomainEvent.Deleted(Samples.uuid(85), Samples.T0, Samples.STAFF, Samples.PARTNER, type, "x", 1);
                assertThat(CrmJson.write(event)).contains("\"recordType\":\"" + type.key() + "\"");
                assertThat(CrmJson.read(CrmJson.write(event), DomainEvent.class).recordType()).isSameAs(type);
            }
        }

        @Test
        void everyTypesFiltersRoundTrip() {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                assertThat(CrmJson.read(CrmJson.write(type.all()), type.filterClass())).as(type.key()).isEqualTo(type.all());
            }
            EngagementFilter due = EngagementFilter.followUpsDue(Samples.PARTNER, Samples.D0);
            assertThat(CrmJson.write(due)).contains("\"followUpDueBy\":\"2025-03-01\"");
            assertThat(CrmJson.read(CrmJson.write(due), EngagementFilter.class)).isEqualTo(due);
            AppointmentFilter window = new AppointmentFilter(Samples.EMPLOYER, null, Samples.PARTNER, Samples.STAFF, AppointmentStatus.HELD, Samples.T0,
                    Samples.T1);
            assertThat(CrmJson.read(CrmJson.write(window), AppointmentFilter.class)).isEqualTo(window);
            assertThat(CrmJson.write(window)).contains("\"from\":\"2025-03-01T14:05:00.123456789Z\"");
        }

        @Test
        void aStoredEventReadsItsPolymorphicEvent() {
            StoredEvent s = CrmJson.read(CrmJson.write(Samples.storedEvent()), StoredEvent.class);
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
