package org.sectorcrm.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;

/** Round trip of generated employers and engagements (jqwik). */
class RoundTripPropertiesTest {
    @Property(tries = 100)
    void anyEmployerRoundTrips(@ForAll("employers") Employer employer) {
        String json = CrmJson.write(employer);
        assertThat(CrmJson.read(json, Employer.class)).isEqualTo(employer);
        CrmJsonTest.assertOnlyComponents(employer, tree(json), "$");
    }

    @Property(tries = 100)
    void anyEngagementRoundTrips(@ForAll("engagements") Engagement engagement) {
        String json = CrmJson.write(engagement);
        assertThat(CrmJson.read(json, Engagement.class)).isEqualTo(engagement);
        CrmJsonTest.assertOnlyComponents(engagement, tree(json), "$");
    }

    @Provide
    Arbitrary<Employer> employers() {
        return DomainArbitraries.employers();
    }

    @Provide
    Arbitrary<Engagement> engagements() {
        return DomainArbitraries.engagements();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return CrmJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
