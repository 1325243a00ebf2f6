package org.sectorcrm.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;

/** Round trip of generated records (jqwik): equal after reading back, and only record components written. */
class RoundTripPropertiesTest {
    @Property(tries = 100)
    void anyEmployerRoundTrips(@ForAll("employers") Employer employer) {
        roundTrips(employer, Employer.class);
    }

    @Property(tries = 100)
    void anyEngagementRoundTrips(@ForAll("engagements") Engagement engagement) {
        roundTrips(engagement, Engagement.class);
    }

    @Property(tries = 100)
    void anyAppointmentRoundTrips(@ForAll("appointments") Appointment appointment) {
        roundTrips(appointment, Appointment.class);
        JsonNode tree = tree(CrmJson.write(appointment));
        // Wall-clock text without offset (seconds always, fraction digits as needed), and the zone by its id.
        assertThat(tree.get("start").textValue()).isEqualTo(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(appointment.start()))
                .doesNotContain("Z").doesNotContain("+");
        assertThat(tree.get("zone").textValue()).isEqualTo(appointment.zone().getId());
    }

    @Property(tries = 100)
    void anyAuditEntryRoundTrips(@ForAll("auditEntries") AuditEntry entry) {
        roundTrips(entry, AuditEntry.class);
    }

    private static <T> void roundTrips(T value, Class<T> type) {
        String json = CrmJson.write(value);
        assertThat(CrmJson.read(json, type)).isEqualTo(value);
        CrmJsonTest.assertOnlyComponents(value, tree(json), "$");
    }

    @Provide
    Arbitrary<Employer> employers() {
        return DomainArbitraries.employers();
    }

    @Provide
    Arbitrary<Engagement> engagements() {
        return DomainArbitraries.engagements();
    }

    @Provide
    Arbitrary<Appointment> appointments() {
        return DomainArbitraries.appointments();
    }

    @Provide
    Arbitrary<AuditEntry> auditEntries() {
        return DomainArbitraries.auditEntries();
    }

    private static JsonNode tree(String json) {
        try {
            return CrmJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
