package org.sectorcrm.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.fixtures.Appointments;
import org.sectorcrm.tck.fixtures.AuditEntries;
import org.sectorcrm.tck.fixtures.Events;
import org.sectorcrm.tck.fixtures.Referrals;

class CrmJsonErrorsTest {
    private static final String EMPLOYER = "{\"legalName\":\"Acme\",\"status\":\"PROSPECT\"";
    /** Written with a whole-second start and end, so that the tests below can replace them as text. */
    private static final Appointment APPOINTMENT = Appointments.aMinimalAppointment().from(LocalDateTime.of(2025, 3, 1, 10, 0)).lasting(60).build();
    private static final DomainEvent CHANGED_NOTHING = Events.changed(AggregateTypes.REGION);

    /** {@code json} with {@code target} replaced, which must occur: a replacement that missed would test nothing. */
    private static String replaced(String json, String target, String replacement) {
        assertThat(json).contains(target);
        return json.replace(target, replacement);
    }

    private static ValidationException readFails(String json, Class<?> type) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> CrmJson.read(json, type));
        assertThat(e).as("reading %s", json).isNotNull();
        return e;
    }

    private static FieldViolation only(ValidationException e) {
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void aTopLevelDomainRuleSurfacesAsTheDomainsOwnViolation() {
        ValidationException e = readFails("{\"legalName\":\" \",\"status\":\"PROSPECT\",\"employees\":-1}", Employer.class);
        assertThat(e.names("employer.legalName")).isTrue();
        assertThat(e.names("employer.employees")).isTrue();
        assertThat(e).hasNoCause();
    }

    @Test
    void theMapperItselfWrapsDomainRulesAsJacksonDoes() {
        // What CrmJson.read unwraps: a caller using mapper() directly sees Jackson's exception with the domain cause.
        Throwable t = catchThrowableOfType(ValueInstantiationException.class,
                () -> CrmJson.mapper().readValue("{\"legalName\":\"\",\"status\":\"PROSPECT\"}", Employer.class));
        assertThat(t).hasCauseInstanceOf(ValidationException.class);
    }

    @Test
    void aDeclinedReferralWithoutReasonNamesTheField() {
        // The reason holds JSON escapes, so that the pattern must step over them.
        String declined = CrmJson.write(Referrals.aReferral().declined("No \"funds\" \\ left\nthis year").build());
        assertThat(declined).contains("\"declineReason\":");
        String json = declined.replaceAll(",\"declineReason\":\"(\\\\.|[^\"\\\\])*\"", "");
        assertThat(readFails(json, Referral.class).names("referral.declineReason")).isTrue();
    }

    @Test
    void aNestedDomainRuleIsNamedByItsJsonPath() {
        FieldViolation v = only(readFails(EMPLOYER + ",\"establishments\":[{\"name\":\"Plant\",\"primary\":true},"
                + "{\"name\":\"Depot\",\"primary\":false,\"address\":{\"zip\":\"1234\"}}]}", Employer.class));
        assertThat(v.record()).isEqualTo("json");
        assertThat(v.field()).isEqualTo("establishments[1].address.zip");
        assertThat(v.message()).contains("must be a ZIP");
    }

    @Test
    void everyNestedViolationIsKept() {
        ValidationException e = readFails(EMPLOYER + ",\"establishments\":[{\"name\":\"\",\"primary\":true,\"county\":\"\\u0007\"}]}", Employer.class);
        assertThat(e.violations()).extracting(FieldViolation::path)
                .containsExactlyInAnyOrder("json.establishments[0].name", "json.establishments[0].county");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"fein\":\"07-1234567\"|fein|never issued by the IRS",
            "\"fein\":\"36-12345\"|fein|nine digits",
            "\"naics\":\"336111\"|naics|NAICS 2017",
            "\"id\":\"not-a-uuid\"|id|is not a UUID",
            "\"id\":7|id|expected a string (EmployerId) but found an integer",
            "\"region\":\"bad code!\"|region|1-64 letters",
            "\"establishments\":[{\"name\":\"x\",\"primary\":true,\"id\":\"bad\"}]|establishments[0].id|is not a UUID",
            "\"employees\":\"many\"|employees|expected an integer",
            "\"employees\":1.5|employees|expected an integer but found the number 1.5",
            "\"legalName\":5|legalName|expected a string but found the number 5",
            "\"tags\":\"x\"|tags|expected an array but found a string",
            "\"establishments\":{}|establishments|expected an array but found an object",
            "\"lead\":[]|lead|expected an object (RelationshipLead) but found an array",
            "\"customFields\":{\"k\":5}|customFields.k|expected a string",
            "\"status\":\"GONE\"|status|must be one of [PROSPECT, ACTIVE, INACTIVE] but was 'GONE'",
            "\"status\":1|status|must be one of",
            "\"nameKey\":\"acme\"|nameKey|is not a field of this record",
            "\"establishments\":[{\"name\":\"x\",\"primary\":true,\"zip5\":\"1\"}]|establishments[0].zip5|is not a field",
            "\"stamp\":{\"version\":1,\"createdAt\":\"2025-13-01T00:00:00Z\",\"updatedAt\":\"2025-01-01T00:00:00Z\","
                    + "\"createdBy\":\"0190f5a2-7c3e-7abc-8def-000000000001\"}|stamp.createdAt|ISO-8601",
            "\"establishments\":[{\"name\":\"x\"}]|establishments[0].primary|is required",
            "\"establishments\":[{\"name\":\"x\",\"primary\":null}]|establishments[0].primary|must not be null",
    })
    void aWrongValueIsNamedByItsJsonPath(String member, String path, String message) {
        String name = member.startsWith("\"legalName\"") ? "" : "\"legalName\":\"Acme\",";
        String status = member.startsWith("\"status\"") ? "" : "\"status\":\"PROSPECT\",";
        FieldViolation v = only(readFails("{" + name + status + member + "}", Employer.class));
        assertThat(v.record()).isEqualTo(CrmJson.RECORD);
        assertThat(v.field()).isEqualTo(path);
        assertThat(v.message()).contains(message);
    }

    @Test
    void aMissingPrimitiveIsRequiredNotDefaulted() {
        FieldViolation v = only(readFails("{\"name\":\"P\",\"kind\":\"OTHER\"}", Partner.class));
        assertThat(v.field()).isEqualTo("active");
        assertThat(v.message()).isEqualTo("is required");
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"legalName\":\"A\",|legalName|not well-formed JSON",
            "{\"legalName\":\"A\",\"establishments\":[{\"name\" \"x\"}]}|establishments[0]|not well-formed JSON",
            "{\"legalName\":\"A\",\"legalName\":\"B\",\"status\":\"PROSPECT\"}|legalName|Duplicate field 'legalName'",
            "{\"legalName\":\"A\",\"status\":\"PROSPECT\"} {}|$|not well-formed JSON",
            "[]|$|expected an object (Employer) but found an array",
            "''|$|is empty",
            "null|$|must be Employer, not null",
    })
    void malformedJsonIsNamedByWhereItStopped(String json, String path, String message) {
        FieldViolation v = only(readFails(json, Employer.class));
        assertThat(v.record()).isEqualTo("json");
        assertThat(v.field()).isEqualTo(path);
        assertThat(v.message()).contains(message);
    }

    @Test
    void nullInputIsRefused() {
        assertThat(only(readFails(null, Employer.class)).path()).isEqualTo("json.$");
    }

    @Test
    void anEventNeedsAKnownType() {
        String created = CrmJson.write(Events.created(AggregateTypes.EMPLOYER));
        assertThat(only(readFails(created.replace("\"type\":\"created\"", "\"type\":\"exploded\""), DomainEvent.class)).message())
                .isEqualTo("has an unknown type 'exploded'");
        assertThat(only(readFails(created.replace("\"type\":\"created\",", ""), DomainEvent.class)).message()).isEqualTo("needs a \"type\"");
        FieldViolation unknown = only(readFails(created.replace("\"recordType\":\"employer\"", "\"recordType\":\"rocket\""), DomainEvent.class));
        assertThat(unknown.field()).isEqualTo("recordType");
        assertThat(unknown.message()).startsWith("'rocket' is not a record type; expected one of region, sector, partner, staffUser, employer,");
        // SPI 1 wrote the enum constant; such a document is migrated (StoredDocuments), never guessed at.
        FieldViolation legacy = only(readFails(created.replace("\"recordType\":\"employer\"", "\"recordType\":\"EMPLOYER\""), DomainEvent.class));
        assertThat(legacy.field()).isEqualTo("recordType");
        assertThat(legacy.message()).startsWith("'EMPLOYER' is not a record type");
        assertThat(only(readFails(created.replace("\"recordType\":\"employer\"", "\"recordType\":7"), DomainEvent.class)).message())
                .isEqualTo("expected a string (AggregateType) but found an integer");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"start\":\"2025-03-01T10:00:00Z\"|start|has an offset, but this is a wall-clock time read in the record's zone",
            "\"start\":\"2025-03-01T10:00:00+02:00\"|start|has an offset",
            "\"end\":\"2025-03-01 11:00:00\"|end|is not an ISO-8601 local date and time: write it like 2025-03-01T10:00:00",
            "\"start\":[2025,3,1,10,0]|start|expected a string (LocalDateTime) but found an array",
            "\"start\":1740823200|start|expected a string (LocalDateTime) but found an integer",
            "\"zone\":\"Mars/Base\"|zone|is not a time-zone id such as America/Chicago, UTC or -06:00: 'Mars/Base'",
            "\"zone\":\"america/chicago\"|zone|is not a time-zone id",
            "\"zone\":\"\"|zone|is not a time-zone id",
            "\"zone\":5|zone|expected a string (ZoneId) but found an integer",
            "\"status\":\"DONE\"|status|must be one of [SCHEDULED, HELD, CANCELLED, NO_SHOW]",
    })
    void anAppointmentTimeOrZoneIsStrict(String member, String path, String message) {
        String name = member.substring(1, member.indexOf('"', 1));
        String json = CrmJson.write(APPOINTMENT).replaceFirst("\"" + name + "\":(\"[^\"]*\"|[^,}]*)", java.util.regex.Matcher.quoteReplacement(member));
        assertThat(json).contains(member);
        FieldViolation v = only(readFails(json, Appointment.class));
        assertThat(v.field()).isEqualTo(path);
        assertThat(v.message()).contains(message);
    }

    @Test
    void aTimeWithoutSecondsIsRead() {
        String json = replaced(CrmJson.write(APPOINTMENT), "\"start\":\"2025-03-01T10:00:00\"", "\"start\":\"2025-03-01T10:00\"");
        assertThat(CrmJson.read(json, Appointment.class)).isEqualTo(APPOINTMENT);
    }

    @Test
    void anAppointmentBreakingItsRuleKeepsTheDomainViolation() {
        String json = replaced(CrmJson.write(APPOINTMENT), "\"end\":\"2025-03-01T11:00:00\"", "\"end\":\"2025-03-01T09:00:00\"");
        assertThat(readFails(json, Appointment.class).names("appointment.end")).isTrue();
    }

    @Test
    void aFieldChangeWithoutFieldIsNamedByItsPath() {
        AuditEntry e = AuditEntries.aFullAuditEntry().build();
        // The kit's builder has no field changes yet: the record's own constructor adds one.
        AuditEntry changed = new AuditEntry(e.id(), e.at(), e.actor(), e.partner(), e.action(), e.recordType(), e.recordId(), e.changedFields(),
                e.detail(), List.of(new FieldChange("email", "jane@example.com", "jane.doe@example.com", FieldChange.PII)));
        String json = replaced(CrmJson.write(changed), "\"field\":\"email\",", "");
        FieldViolation v = only(readFails(json, AuditEntry.class));
        assertThat(v.path()).isEqualTo("json.changes[0].field");
    }

    @Test
    void anEventBreakingItsRuleKeepsTheDomainViolation() {
        String json = replaced(CrmJson.write(Events.statusChanged(AggregateTypes.REFERRAL, "SENT", "ACCEPTED")), ",\"from\":\"SENT\"", "");
        assertThat(readFails(json, DomainEvent.class).names("event.from")).isTrue();
    }

    @Test
    void aMissingListReadsAsEmptyRatherThanFailing() {
        String json = replaced(CrmJson.write(CHANGED_NOTHING), ",\"changedFields\":[]", "");
        assertThat(CrmJson.read(json, DomainEvent.class)).isEqualTo(CHANGED_NOTHING);
        String withNull = replaced(CrmJson.write(CHANGED_NOTHING), "\"changedFields\":[]", "\"changedFields\":null");
        assertThat(CrmJson.read(withNull, DomainEvent.class)).isEqualTo(CHANGED_NOTHING);
    }

    @Test
    void aNullElementIsTheDomainsViolation() {
        assertThat(readFails(EMPLOYER + ",\"tradeNames\":[\"a\",null]}", Employer.class).names("employer.tradeNames[1]")).isTrue();
    }

    @Test
    void writingANonDomainObjectThatJacksonCannotWriteFailsClearly() {
        Object unwritable = new Object() {
            @SuppressWarnings("unused")
            private final Object self = this;
        };
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> CrmJson.write(unwritable))).hasMessageContaining("cannot write");
    }
}
