package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

/**
 * The way the held-out check runs: records reach an empty database through {@code restore} of an exchange
 * file, counts through {@code import establishment-counts}, and {@code report ese --format json} is compared figure by
 * figure with values computed by hand (comments give the reasoning) for several periods and areas, on the edges:
 * June 30 / July 1, quarter ends, several categories and partners on one establishment, mass mailings and unassisted
 * services, engagements without an establishment (with and without a primary), an employer with establishments in two
 * regions, a county no region lists, the look-back window's first and last day, a missing and a zero count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EseHandComputedFixtureTest {
    private static final String ADMIN = "admin@board.example";
    private static final String PASSWORD = "correct horse battery staple";
    private final ObjectMapper json = new ObjectMapper();
    private final List<TestDatabases.Database> databases = new ArrayList<>();
    private String db;
    private String a1;   // Acme, Cook County (NE), primary
    private String a2;   // Acme, Peoria (NC): the employer has establishments in two regions
    private String b1;   // Bolt, no county: placed by its employer's region NC
    private String d1;   // Dyn, Lake: no region lists the county (state only)
    private String cato; // Cato: no establishment at all
    private String college;

    @BeforeAll
    void restoreTheFixtureAndImportTheCounts() throws Exception {
        Path dir = Files.createTempDirectory("sectorcrm-ese-fixture");
        TestDatabases.Database source = database();
        try (CrmApplication app = new CrmApplication(source.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise(PASSWORD.toCharArray(), ADMIN, false, 1);
            var reference = app.crm().as(admin).reference();
            Partner harper = reference.partners().create(Partner.named("Harper College", PartnerKind.COMMUNITY_COLLEGE));
            college = harper.id().asString();
            StaffUser bo = reference.staffUsers().create(StaffUser.of(admin.partner(), "Bo Board", "bo@board.example", Role.STAFF));
            StaffUser di = reference.staffUsers().create(StaffUser.of(harper.id(), "Di College", "di@college.example", Role.STAFF));
            reference.regions().create(Region.of("NE", "Northeast", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Cook", "DuPage")));
            reference.regions().create(Region.of("NC", "North Central", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Peoria")));
            CrmSession s = app.crm().as(bo);
            Employer acme = s.employers().create(Employer.named("Acme").withRegion(new RegionCode("NE")).withEstablishments(List.of(
                    Establishment.primary("Acme Cook", null, "Cook County"), new Establishment(null, "Acme Peoria", null, "Peoria", null, null, false))));
            Employer bolt = s.employers().create(Employer.named("Bolt").withRegion(new RegionCode("NC"))
                    .withEstablishments(List.of(Establishment.primary("Bolt", null, null))));
            Employer cat = s.employers().create(Employer.named("Cato").withRegion(new RegionCode("NE")));
            Employer dyn = s.employers().create(Employer.named("Dyn").withEstablishments(List.of(Establishment.primary("Dyn", null, "Lake"))));
            a1 = acme.establishments().get(0).id().asString();
            a2 = acme.establishments().get(1).id().asString();
            b1 = bolt.establishments().get(0).id().asString();
            d1 = dyn.establishments().get(0).id().asString();
            cato = cat.id().asString();
            engage(app, bo, acme, 0, "2025-06-30", Channel.MEETING, true, EseCategory.TRAINING_SERVICES);        // look-back's last day
            engage(app, bo, acme, 0, "2025-07-01", Channel.MEETING, true, EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, EseCategory.TRAINING_SERVICES);
            engage(app, di, acme, -1, "2025-09-30", Channel.SITE_VISIT, true, EseCategory.TRAINING_SERVICES);    // no establishment: A1
            engage(app, di, acme, 1, "2025-10-01", Channel.MEETING, true, EseCategory.INCUMBENT_WORKER_TRAINING);
            engage(app, bo, bolt, 0, "2026-06-30", Channel.CALL, true, EseCategory.RAPID_RESPONSE_DOWNSIZING);
            engage(app, bo, bolt, 0, "2026-07-01", Channel.MEETING, true, EseCategory.RAPID_RESPONSE_DOWNSIZING); // PY2026
            engage(app, bo, bolt, 0, "2025-08-01", Channel.MASS_MAILING, false, EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT);
            engage(app, bo, bolt, 0, "2025-08-02", Channel.CALL, false, EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT);
            engage(app, bo, bolt, 0, "2022-06-30", Channel.MEETING, true, EseCategory.TRAINING_SERVICES);        // before the look-back
            engage(app, bo, cat, -1, "2025-08-03", Channel.MEETING, true, EseCategory.STRATEGIC_PLANNING_ECONOMIC_DEVELOPMENT); // not countable
            engage(app, di, dyn, 0, "2022-07-01", Channel.MEETING, true, EseCategory.ACCESSING_UNTAPPED_LABOR_POOLS); // look-back's first day
            engage(app, di, dyn, 0, "2022-06-30", Channel.MEETING, true, EseCategory.ACCESSING_UNTAPPED_LABOR_POOLS);
            engage(app, di, dyn, -1, "2026-02-15", Channel.MEETING, true, EseCategory.EMPLOYER_INFORMATION_AND_SUPPORT);
        }
        Path exchange = dir.resolve("fixture.ndjson");
        CliRunner.Run export = CliRunner.on(source.db(), "export", "all", "--format", "ndjson", "--out", exchange.toString(), "--as", ADMIN);
        assertThat(export.exitCode()).as(export.toString()).isZero();

        db = database().db();
        CliRunner.Run restore = CliRunner.on(db, "restore", exchange.toString(), "--as", ADMIN, "--admin-password", PASSWORD);
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        Path counts = dir.resolve("counts.csv");
        Files.writeString(counts, "area,quarter,establishments\nSTATE,2025-Q3,100\nSTATE,2026-Q2,400\nNE,2026-Q2,0\n");
        CliRunner.Run imported = CliRunner.on(db, "import", "establishment-counts", counts.toString(), "--as", ADMIN);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        TestDatabases.deleteTree(dir);
    }

    private static void engage(CrmApplication app, StaffUser by, Employer e, int site, String day, Channel channel, boolean assisted, EseCategory... c) {
        Engagement g = Engagement.of(e.id(), by.partner(), by.id(), LocalDate.parse(day), channel, "visit").withStaffAssisted(assisted).withServices(Set.of(c));
        app.crm().as(by).engagements().create(site < 0 ? g : g.withEstablishment(e.establishments().get(site).id()));
    }

    private TestDatabases.Database database() {
        TestDatabases.Database d = TestDatabases.sqlite();
        databases.add(d);
        return d;
    }

    @AfterAll
    void dropDatabases() {
        databases.forEach(TestDatabases.Database::drop);
    }

    private JsonNode ese(String period, String area) throws Exception {
        CliRunner.Run run = CliRunner.on(db, "report", "ese", "--period", period, "--area", area, "--format", "json", "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return json.readTree(run.out());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> i = node.fieldNames(); i.hasNext();) {
            names.add(i.next());
        }
        return names;
    }

    private static List<String> sorted(String... ids) {
        return new ArrayList<>(new TreeSet<>(List.of(ids)));
    }

    /** Checks every row (the rows not named are empty), the total and both rates' parts. */
    private void check(JsonNode r, Map<Integer, List<String>> rows, List<String> total, Long penNum, Long penDen, Double penRate, long repNum, long repDen,
            Double repRate) {
        for (JsonNode row : r.get("rows")) {
            List<String> want = rows.getOrDefault(row.get("row").asInt(), List.of());
            assertThat(ids(row.get("establishments"))).as("row " + row.get("row")).isEqualTo(want);
            assertThat(row.get("count").asLong()).as("row " + row.get("row")).isEqualTo(want.size());
        }
        assertThat(ids(r.get("total").get("establishments"))).isEqualTo(total);
        assertThat(r.get("total").get("count").asLong()).isEqualTo(total.size());
        JsonNode p = r.get("penetration");
        assertThat(p.get("numerator").asLong()).isEqualTo(penNum);
        assertThat(p.get("denominator").isNull() ? null : p.get("denominator").asLong()).as("penetration denominator").isEqualTo(penDen);
        assertThat(p.get("rate").isNull() ? null : p.get("rate").asDouble()).as("penetration rate").isEqualTo(penRate);
        assertThat(p.get("undefinedReason").isNull()).isEqualTo(penRate != null);
        JsonNode b = r.get("repeatBusiness");
        assertThat(b.get("numerator").asLong()).isEqualTo(repNum);
        assertThat(b.get("denominator").asLong()).isEqualTo(repDen);
        assertThat(b.get("rate").isNull() ? null : b.get("rate").asDouble()).as("repeat business rate").isEqualTo(repRate);
    }

    @Test
    void theProgramYearForTheState() throws Exception {
        JsonNode r = ese("PY2025", "state");
        assertThat(fields(r)).isEqualTo(Set.of("period", "area", "rows", "total", "penetration", "countQuarter", "repeatBusiness", "lookBack", "notCounted"));
        assertThat(fields(r.get("period"))).isEqualTo(Set.of("label", "start", "end"));
        assertThat(r.get("period").get("start").asText()).isEqualTo("2025-07-01");
        assertThat(r.get("period").get("end").asText()).isEqualTo("2026-06-30");
        assertThat(r.get("area").asText()).isEqualTo("state");
        assertThat(r.get("rows")).hasSize(8);
        assertThat(fields(r.get("rows").get(0))).containsAll(Set.of("row", "label", "count", "establishments"));
        assertThat(fields(r.get("penetration"))).containsAll(Set.of("numerator", "denominator", "rate", "undefinedReason"));
        assertThat(r.get("lookBack").get("start").asText()).isEqualTo("2022-07-01");
        assertThat(r.get("lookBack").get("end").asText()).isEqualTo("2025-06-30");
        assertThat(ids(r.get("notCounted"))).containsExactly(cato);
        // row 1: D1 (2026-02-15, no establishment named: its primary); the mass mailing and the unassisted call are not countable
        // row 2: A1 (07-01); row 5: A1 (07-01 and 09-30 by two partners); row 6: A2; row 7: B1 (06-30); Cato's row 3 cannot count
        // look-back: A1 (2025-06-30), D1 (2022-07-01), both served again -> 2/2; penetration 4 / 400 (2026-Q2)
        check(r, Map.of(1, List.of(d1), 2, List.of(a1), 5, List.of(a1), 6, List.of(a2), 7, List.of(b1)), sorted(a1, a2, b1, d1), 4L, 400L, 0.01, 2, 2, 1.0);
    }

    @Test
    void regionsPlaceEachEstablishmentByItsCounty() throws Exception {
        // NE: only A1 (Cook County); count 0 -> undefined with denominator 0; look-back A1 -> 1/1
        check(ese("PY2025", "region:NE"), Map.of(2, List.of(a1), 5, List.of(a1)), List.of(a1), 1L, 0L, null, 1, 1, 1.0);
        // NC: A2 (Peoria) and B1 (no county, employer in NC); no NC count; nothing in NC before the period -> 0/0 undefined
        check(ese("PY2025", "region:NC"), Map.of(6, List.of(a2), 7, List.of(b1)), sorted(a2, b1), 2L, null, null, 0, 0, null);
    }

    @Test
    void quartersPartnersAndTheCountQuarter() throws Exception {
        // Q1 = 07-01..09-30: A1 only; count of 2025-Q3 = 100; look-back A1, D1, A1 again -> 1/2
        check(ese("PY2025Q1", "state"), Map.of(2, List.of(a1), 5, List.of(a1)), List.of(a1), 1L, 100L, 0.01, 1, 2, 0.5);
        // the college delivered A1's 09-30 service; its look-back holds D1 (2022-07-01), not served again -> 0/1; partner areas have no count
        check(ese("PY2025Q1", "partner:" + college), Map.of(5, List.of(a1)), List.of(a1), 1L, null, null, 0, 1, 0.0);
        // Q2 starts 10-01: A2; no count for 2025-Q4 and none substituted
        JsonNode q2 = ese("PY2025Q2", "state");
        check(q2, Map.of(6, List.of(a2)), List.of(a2), 1L, null, null, 0, 2, 0.0);
        assertThat(q2.get("penetration").get("undefinedReason").asText()).contains("2025-Q4");
        // Q4 ends 06-30: B1; 1 / 400
        check(ese("PY2025Q4", "state"), Map.of(7, List.of(b1)), List.of(b1), 1L, 400L, 0.0025, 0, 2, 0.0);
        // PY2026Q1 starts 07-01: B1; look-back PY2023..PY2025 holds A1, A2, B1, D1 -> 1/4; no 2026-Q3 count
        JsonNode next = ese("PY2026Q1", "state");
        check(next, Map.of(7, List.of(b1)), List.of(b1), 1L, null, null, 1, 4, 0.25);
        assertThat(next.get("lookBack").get("start").asText()).isEqualTo("2023-07-01");
    }
}
