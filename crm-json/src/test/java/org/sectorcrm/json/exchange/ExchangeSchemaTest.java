package org.sectorcrm.json.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.contact.ConsentChannel;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.outcome.Direction;
import org.sectorcrm.core.partnership.CommitmentKind;
import org.sectorcrm.core.partnership.MemberRole;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.PriorityStatus;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.json.CrmJson;
import org.sectorcrm.json.DomainArbitrariesAccess;
import org.sectorcrm.tck.fixtures.Appointments;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Contacts;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Engagements;
import org.sectorcrm.tck.fixtures.Establishments;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Solutions;
import org.sectorcrm.tck.fixtures.StaffUsers;
import org.sectorcrm.tck.fixtures.Texts;

/** The hand-written schema in docs/schema (shipped in the jar) matches what ExchangeWriter writes, and cannot drift from the Java enums and Limits. */
class ExchangeSchemaTest {
    static final String RESOURCE = "/org/sectorcrm/json/exchange/sectorcrm-exchange-v" + ExchangeHeader.VERSION + ".schema.json";
    static final String RESOURCE_V1 = "/org/sectorcrm/json/exchange/sectorcrm-exchange-v1.schema.json";
    /** SHA-256 of the released version 1 schema (line ends as LF): a released schema file is never changed. */
    static final String V1_SHA256 = "cea8457e877db80bef9f23a846327746b59065184a226fa6217445f8715c6716";
    static final ObjectMapper PLAIN = new ObjectMapper();
    static final JsonNode SCHEMA_JSON = load(RESOURCE);
    static final Schema SCHEMA = schema(SCHEMA_JSON);

    /** Every enum of the schema, by $defs name, with the Java enum it must equal. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = new LinkedHashMap<>();

    static {
        ENUMS.put("regionKind", RegionKind.class);
        ENUMS.put("partnerKind", PartnerKind.class);
        ENUMS.put("eseCategory", EseCategory.class);
        ENUMS.put("role", Role.class);
        ENUMS.put("employerStatus", EmployerStatus.class);
        ENUMS.put("contactRole", ContactRole.class);
        ENUMS.put("consentChannel", ConsentChannel.class);
        ENUMS.put("channel", Channel.class);
        ENUMS.put("visibility", Visibility.class);
        ENUMS.put("needCategory", NeedCategory.class);
        ENUMS.put("urgency", Urgency.class);
        ENUMS.put("needStatus", NeedStatus.class);
        ENUMS.put("solutionType", SolutionType.class);
        ENUMS.put("solutionStatus", SolutionStatus.class);
        ENUMS.put("partnershipStage", PartnershipStage.class);
        ENUMS.put("memberRole", MemberRole.class);
        ENUMS.put("priorityStatus", PriorityStatus.class);
        ENUMS.put("commitmentKind", CommitmentKind.class);
        ENUMS.put("referralStatus", ReferralStatus.class);
        ENUMS.put("direction", Direction.class);
        ENUMS.put("appointmentStatus", AppointmentStatus.class);
    }

    private static JsonNode load(String resource) {
        try (InputStream in = ExchangeSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " is packaged from docs/schema").isNotNull();
            return PLAIN.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema(JsonNode json) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())).getSchema(json);
    }

    /** The schema with its root replaced by one of its $defs, to check documents that are not exchange lines. */
    static Schema def(String name) {
        ObjectNode root = SCHEMA_JSON.deepCopy();
        root.remove("oneOf");
        root.put("$ref", "#/$defs/" + name);
        return schema(root);
    }

    static List<String> errors(String line) {
        return errors(SCHEMA, line);
    }

    static List<String> errors(Schema schema, String line) {
        List<String> messages = new ArrayList<>();
        for (Error e : schema.validate(line, InputFormat.JSON)) {
            messages.add(e.getInstanceLocation() + " " + e.getMessage());
        }
        return messages;
    }

    static List<String> lines(List<? extends Aggregate<?>> records) {
        return Arrays.asList(ExchangeTest.export(records).split("\n"));
    }

    /**
     * Every type in each shape the kit builds, and values whose form a schema pattern, format or status branch must
     * accept beyond those shapes.
     */
    static List<Aggregate<?>> samples() {
        List<Aggregate<?>> records = new ArrayList<>(ExchangeTest.everyType());
        records.add(StaffUsers.aFullStaffUser().withEmail("jöns.o'brien+crm@例え.example.com").build());
        records.add(Contacts.aContact().named("Zoë", Texts.MULTILINE).build());
        records.add(Employers.aFullEmployer().withEstablishments(Establishments.anEstablishment().build(),
                Establishments.aMinimalEstablishment().withId(null).build()).build());
        records.add(Employers.anEmployer().withStamp(new Stamp(7, Instant.parse("2025-03-01T14:05:00.123456789Z"), Instant.parse("2025-03-02T09:00:00Z"),
                Fixtures.CREATOR)).build());
        records.add(Appointments.anAppointment().in(ZoneId.of("America/Chicago")).from(LocalDateTime.of(2025, 3, 9, 1, 30, 0, 123_456_789)).build());
        records.add(Appointments.anAppointment().cancelled(" " + Texts.unicode("Storm", Limits.DESCRIPTION - 2) + " ").build());
        records.add(Outcomes.anOutcome().observed(Fixtures.TODAY, new BigDecimal("1E+3")).observed(Fixtures.TODAY.plusDays(1), new BigDecimal("1E-7"))
                .build());
        return records;
    }

    /** The kit's full entry with four field changes: PII, blanks kept, no value before, and a private note's text and restriction. */
    private static AuditEntry auditWithChanges() {
        AuditEntry e = AuditEntries.aFullAuditEntry().build();
        // The kit's builder has no field changes yet: the record's own constructor adds them.
        return new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(), e.detail(),
                List.of(new FieldChange("email", "jane@example.com", "jane.doe@example.com", FieldChange.PII),
                        FieldChange.of("legalName", "  Acme  ", Texts.UNICODE), FieldChange.of("fein", null, "36-1234567"),
                        new FieldChange("notes[" + Fixtures.noteId().asString() + "]", Texts.multiline("Notiz", Limits.NOTE), null,
                                "NOTE PRIVATE " + e.actor() + " " + e.partner())));
    }

    @Test
    void isAValidDraft202012Schema() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(SCHEMA_JSON)).isEmpty();
    }

    @Test
    void acceptsTheHeader() {
        assertThat(errors(lines(List.of()).get(0))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void acceptsEveryFullyPopulatedAndMinimalRecord(Aggregate<?> record) {
        String line = lines(List.of(record)).get(1);
        assertThat(errors(line)).as(line.length() > 500 ? line.substring(0, 500) : line).isEmpty();
    }

    @Property(tries = 60)
    void acceptsAnyGeneratedRecord(@ForAll("records") Aggregate<?> record) {
        assertThat(errors(lines(List.of(record)).get(1))).isEmpty();
    }

    @Provide
    Arbitrary<Aggregate<?>> records() {
        return DomainArbitrariesAccess.aggregates();
    }

    @Test
    void theAuditEntryDefIsWhatCrmJsonWrites() {
        Schema audit = def("auditEntry");
        String full = CrmJson.write(auditWithChanges());
        assertThat(errors(audit, full)).isEmpty();
        assertThat(errors(audit, CrmJson.write(AuditEntries.anAuditEntry().build()))).isEmpty();
        assertThat(errors(audit, CrmJson.write(AuditEntries.aMinimalAuditEntry().build()))).isEmpty();
        assertThat(full).contains("\"field\":\"email\"").contains("\"restriction\":\"PII\"");
        assertThat(errors(audit, full.replace("\"field\":\"email\"", "\"field\":\" \""))).isNotEmpty();
        assertThat(errors(audit, full.replace("\"restriction\":\"PII\"", "\"restriction\":\"PII\",\"x\":1"))).isNotEmpty();
        assertThat(components(AuditEntry.class)).isEqualTo(properties("auditEntry"));
        assertThat(components(FieldChange.class)).isEqualTo(properties("fieldChange"));
    }

    @Test
    void theReleasedVersion1SchemaIsUnchanged() throws Exception {
        byte[] bytes;
        try (InputStream in = ExchangeSchemaTest.class.getResourceAsStream(RESOURCE_V1)) {
            bytes = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sha).as("docs/schema/sectorcrm-exchange-v1.schema.json is released: add a new version instead").isEqualTo(V1_SHA256);
    }

    @Test
    void aVersion1FileIsValidVersion1AndItsRecordsValidVersion2() {
        Schema v1 = schema(load(RESOURCE_V1));
        List<String> file = Arrays.asList(ExchangeTest.VERSION_1_FILE.split("\n"));
        for (String line : file) {
            assertThat(errors(v1, line)).as(line).isEmpty();
        }
        for (String line : file.subList(1, file.size())) {
            assertThat(errors(line)).as("version 2 only adds: " + line).isEmpty();
        }
    }

    @Test
    void refusesWhatTheReaderRefuses() {
        Employer minimal = Employers.aMinimalEmployer().build();
        String employer = CrmJson.write(minimal);
        assertThat(errors("{\"format\":\"sectorcrm-exchange\",\"version\":3,\"exportedAt\":\"2025-04-01T08:30:00Z\"}")).isNotEmpty();
        assertThat(errors("{\"format\":\"sectorcrm-exchange\",\"version\":2,\"exportedAt\":\"2025-04-01 08:30\"}")).isNotEmpty();
        assertThat(errors("{\"type\":\"employers\",\"data\":" + employer + "}")).isNotEmpty();
        assertThat(errors("{\"type\":\"contact\",\"data\":" + employer + "}")).isNotEmpty();
        assertThat(errors("{\"type\":\"employer\",\"data\":" + employer + ",\"extra\":1}")).isNotEmpty();
        assertThat(errors(line(minimal, "draft", PLAIN.getNodeFactory().booleanNode(false)))).isNotEmpty();
        assertThat(errors(line(minimal, "legalName", PLAIN.getNodeFactory().textNode("x".repeat(Limits.NAME + 1))))).isNotEmpty();
        assertThat(errors(line(minimal, "legalName", PLAIN.getNodeFactory().textNode(" ")))).isNotEmpty();
        assertThat(errors(line(minimal, "fein", PLAIN.getNodeFactory().textNode("07-1234567")))).isNotEmpty();
        assertThat(errors(line(minimal, "status", PLAIN.getNodeFactory().textNode("GONE")))).isNotEmpty();
        assertThat(errors(line(minimal, "tags", PLAIN.getNodeFactory().arrayNode().add("a").add("a")))).isNotEmpty();
        assertThat(errors(line(Solutions.aFullSolution().build(), "cost", PLAIN.getNodeFactory().textNode("1.50")))).isNotEmpty();
        assertThat(errors(line(Referrals.aMinimalReferral().build(), "status", PLAIN.getNodeFactory().textNode("DECLINED")))).isNotEmpty();
        assertThat(errors(line(Needs.aMinimalNeed().build(), "status", PLAIN.getNodeFactory().textNode("MET")))).isNotEmpty();
        assertThat(errors(line(Engagements.aFullEngagement().build(), "channel", PLAIN.getNodeFactory().textNode("COLD_CALL")))).isNotEmpty();
        assertThat(errors(line(Engagements.aMinimalEngagement().build(), "notes", null))).as("collections are always written").isNotEmpty();
        assertThat(errors(line(Employers.aFullEmployer().build(), "phone", PLAIN.getNodeFactory().textNode("312 555 0100")))).isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "start", PLAIN.getNodeFactory().textNode("2025-03-01T10:00:00Z")))).isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "zone", PLAIN.getNodeFactory().textNode(" America/Chicago")))).isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "status", PLAIN.getNodeFactory().textNode("DONE")))).isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "produced", PLAIN.getNodeFactory().textNode(Fixtures.nextUuid().toString()))))
                .as("only a held appointment produced an engagement").isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "cancelReason", PLAIN.getNodeFactory().textNode("rain")))).isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "videoLink", PLAIN.getNodeFactory().textNode("ftp://x.example")))).isNotEmpty();
        assertThat(errors(line(Appointments.aMinimalAppointment().build(), "staff", null))).isNotEmpty();
    }

    /** A record line with one data field replaced (or removed, for null). */
    private static String line(Aggregate<?> record, String field, JsonNode value) {
        try {
            ObjectNode data = (ObjectNode) PLAIN.readTree(CrmJson.write(record));
            if (value == null) {
                data.remove(field);
            } else {
                data.set(field, value);
            }
            return "{\"type\":\"" + AggregateTypes.of(record).key() + "\",\"data\":" + PLAIN.writeValueAsString(data) + "}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void enumsAreTheJavaEnums() {
        JsonNode defs = SCHEMA_JSON.get("$defs");
        ENUMS.forEach((name, type) -> {
            List<String> schema = new ArrayList<>();
            defs.get(name).get("enum").forEach(n -> schema.add(n.asText()));
            assertThat(schema).as("$defs/" + name + " vs " + type.getName())
                    .containsExactlyElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        });
        Set<String> withEnum = new TreeSet<>();
        defs.fieldNames().forEachRemaining(n -> {
            if (defs.get(n).has("enum")) {
                withEnum.add(n);
            }
        });
        assertThat(withEnum).as("every enum of the schema is checked against Java").isEqualTo(new TreeSet<>(ENUMS.keySet()));
    }

    @Test
    void recordTypesAreTheDescriptorsInTheirOrder() {
        List<String> schema = new ArrayList<>();
        SCHEMA_JSON.at("/$defs/recordLine/properties/type/enum").forEach(n -> schema.add(n.asText()));
        assertThat(schema).containsExactlyElementsOf(AggregateTypes.all().stream().map(AggregateType::key).toList());
        List<String> dispatched = new ArrayList<>();
        for (JsonNode branch : SCHEMA_JSON.at("/$defs/recordLine/allOf")) {
            String key = branch.at("/if/properties/type/const").asText();
            assertThat(branch.at("/then/properties/data/$ref").asText()).as(key).isEqualTo("#/$defs/" + key);
            dispatched.add(key);
        }
        assertThat(dispatched).as("each type's data is checked against the $defs of its key").isEqualTo(schema);
        assertThat(SCHEMA_JSON.at("/$defs/header/properties/version/const").asInt()).isEqualTo(ExchangeHeader.VERSION);
        assertThat(SCHEMA_JSON.at("/$defs/header/properties/format/const").asText()).isEqualTo(ExchangeHeader.FORMAT);
    }

    @Test
    void lengthsAreTheLimits() {
        JsonNode defs = SCHEMA_JSON.get("$defs");
        assertThat(defs.at("/name/maxLength").asInt()).isEqualTo(Limits.NAME);
        assertThat(defs.at("/optionalName/maxLength").asInt()).isEqualTo(Limits.NAME);
        assertThat(defs.at("/email/maxLength").asInt()).isEqualTo(Limits.NAME);
        assertThat(defs.at("/code/maxLength").asInt()).isEqualTo(Limits.CODE);
        assertThat(defs.at("/optionalCode/maxLength").asInt()).isEqualTo(Limits.CODE);
        assertThat(defs.at("/description/maxLength").asInt()).isEqualTo(Limits.DESCRIPTION);
        assertThat(defs.at("/optionalDescription/maxLength").asInt()).isEqualTo(Limits.DESCRIPTION);
        assertThat(defs.at("/noteText/maxLength").asInt()).isEqualTo(Limits.NOTE);
        assertThat(defs.at("/employer/properties/customFields/propertyNames/maxLength").asInt()).isEqualTo(Limits.CODE);
    }

    @Test
    void everyRecordPropertyIsARecordComponent() {
        // The schema's properties of each record def are exactly the Java record's components: no field missing, none invented.
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            assertThat(properties(type.key())).as(type.key()).isEqualTo(components(type.recordClass()));
        }
    }

    private static Set<String> properties(String def) {
        Set<String> schema = new TreeSet<>();
        SCHEMA_JSON.at("/$defs/" + def + "/properties").fieldNames().forEachRemaining(schema::add);
        return schema;
    }

    private static Set<String> components(Class<?> record) {
        Set<String> java = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> java.add(c.getName()));
        return java;
    }
}
