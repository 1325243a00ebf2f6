package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.server.ApiServer;

/** {@code GET /api/v1/reports/ese} and {@code PUT /api/v1/establishment-counts} over HTTP on SQLite; errors as problem+json. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EseReportApiTest {
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String adminToken;
    private String staffToken;
    private String site;
    private String engagement;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), "admin@board.example", false, 1);
        CrmSession s = app.crm().as(admin);
        StaffUser ann = s.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example", Role.STAFF));
        s.reference().regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook")));
        Employer e = s.employers().create(Employer.named("Gear Works").withRegion(new RegionCode("NE"))
                .withEstablishments(List.of(Establishment.primary("Gear Works", null, "Cook"))));
        site = e.primaryEstablishment().orElseThrow().id().asString();
        engagement = app.crm().as(ann).engagements().create(Engagement.of(e.id(), ann.partner(), ann.id(), LocalDate.of(2025, 9, 30), Channel.MEETING, "visit")
                .withServices(Set.of(EseCategory.TRAINING_SERVICES))).id().asString();
        app.crm().as(ann).engagements().create(Engagement.of(e.id(), ann.partner(), ann.id(), LocalDate.of(2025, 10, 1), Channel.MEETING, "next quarter")
                .withServices(Set.of(EseCategory.TRAINING_SERVICES)));
        adminToken = app.accounts().issueToken(admin.id(), "test");
        staffToken = app.accounts().issueToken(ann.id(), "test");
        ApiServer server = app.start("127.0.0.1", 0, "crm.board.example");
        api = new ApiClient("http://127.0.0.1:" + server.port() + ApiServer.BASE);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void theReportGivesEveryRowTheTotalAndTheRatesWithTheirParts() throws Exception {
        JsonNode put = api.ok(api.send("PUT", "/establishment-counts", adminToken,
                "{\"counts\":[{\"area\":\"NE\",\"quarter\":\"2025-Q3\",\"establishments\":8},{\"area\":\"state\",\"quarter\":\"2025-Q3\",\"establishments\":20}]}"), 200);
        assertThat(put.get("counts").get(1).get("id").asText()).isEqualTo("2025-Q3:STATE");
        JsonNode r = api.ok(api.get("/reports/ese?period=PY2025Q1&area=region:NE", staffToken), 200);
        assertThat(r.get("period").get("start").asText()).isEqualTo("2025-07-01");
        assertThat(r.get("rows")).hasSize(8);
        assertThat(r.get("rows").get(4).get("establishments").get(0).asText()).isEqualTo(site);
        assertThat(r.get("total").get("count").asInt()).isEqualTo(1);
        assertThat(r.get("penetration").get("numerator").asInt()).isEqualTo(1);
        assertThat(r.get("penetration").get("denominator").asInt()).isEqualTo(8);
        assertThat(r.get("penetration").get("rate").asDouble()).isEqualTo(0.125);
        assertThat(r.get("repeatBusiness").get("rate").isNull()).isTrue();
        assertThat(r.get("repeatBusiness").get("undefinedReason").asText()).isNotBlank();
        assertThat(api.ok(api.get("/reports/ese?period=PY2025Q2&area=state", staffToken), 200).get("penetration").get("rate").isNull()).isTrue();
    }

    @Test
    void badParametersAndCountsAreProblemsNamingEachField() throws Exception {
        var bad = api.get("/reports/ese?period=PY25&area=state", staffToken);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.problem(bad, 400).toString()).contains("report.period");
        assertThat(api.problem(api.get("/reports/ese?period=PY2025&area=county:Cook", staffToken), 400).toString()).contains("report.area");
        JsonNode refused = api.problem(api.send("PUT", "/establishment-counts", adminToken,
                "{\"counts\":[{\"area\":\"NE\",\"quarter\":\"2025-Q9\",\"establishments\":1},{\"area\":\"ZZ\",\"quarter\":\"2025-Q3\",\"establishments\":-1}]}"), 400);
        assertThat(refused.toString()).contains("counts[0].quarter", "counts[1].establishments");
        assertThat(api.problem(api.send("PUT", "/establishment-counts", staffToken,
                "{\"counts\":[{\"area\":\"NE\",\"quarter\":\"2025-Q4\",\"establishments\":1}]}"), 403).toString()).isNotEmpty();
    }

    @Test
    void eachFigureDrillsDownToItsEstablishmentsAndEngagements() throws Exception {
        JsonNode row = api.ok(api.get("/reports/ese/drill-down?period=PY2025Q1&area=region:NE&figure=row5", staffToken), 200);
        assertThat(row.get("count").asInt()).isEqualTo(1);
        assertThat(row.get("establishments").get(0).get("establishment").asText()).isEqualTo(site);
        assertThat(row.get("establishments").get(0).get("employerName").asText()).isEqualTo("Gear Works");
        assertThat(row.get("establishments").get(0).get("engagements")).extracting(JsonNode::asText).containsExactly(engagement); // not 10-01's
        assertThat(row.hasNonNull("next")).as("one page").isFalse();
        JsonNode total = api.ok(api.get("/reports/ese/drill-down?period=PY2025&figure=total&limit=1", staffToken), 200);
        assertThat(total.get("establishments").get(0).get("engagements")).hasSize(2);
        assertThat(api.ok(api.get("/reports/ese/drill-down?period=PY2025Q1&figure=row1", staffToken), 200).get("establishments")).isEmpty();
        JsonNode bad = api.problem(api.get("/reports/ese/drill-down?period=PY2025Q1&figure=row9&limit=0", staffToken), 400);
        assertThat(bad.toString()).contains("report.figure", "page.limit");
    }
}
