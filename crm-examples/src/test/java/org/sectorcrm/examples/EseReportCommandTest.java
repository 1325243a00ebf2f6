package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.Region;

/**
 * {@code report ese} and {@code import establishment-counts} through the command line on the demo region in a SQLite
 * file (the counting done in SQL), checked against the definitions applied here, naively, to every engagement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EseReportCommandTest {
    private static final String ADMIN = "admin@board.example";
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private String db;
    private List<Employer> employers;
    private List<Engagement> engagements;
    private List<Region> regions;

    @BeforeAll
    void createDemoRegion() throws Exception {
        database = TestDatabases.sqlite();
        db = database.db();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            CrmSession s = app.crm().as(app.initialise("correct horse battery staple".toCharArray(), ADMIN, true, 2026));
            employers = all(p -> s.employers().list(EmployerFilter.ALL, p));
            engagements = all(p -> s.engagements().list(EngagementFilter.ALL, p));
            regions = all(p -> s.reference().regions().list(RegionFilter.ALL, p));
        }
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> list) {
        List<T> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<T> p = list.apply(page);
            all.addAll(p.items());
            if (p.nextCursor() == null) {
                return all;
            }
            page = new PageRequest(p.nextCursor(), PageRequest.MAX_LIMIT);
        }
    }

    /** The definition, engagement by engagement: per category the establishments of countable services in the days and area. */
    private Map<EseCategory, Set<String>> expected(LocalDate from, LocalDate to, Region region) {
        Map<EmployerId, Employer> byId = new java.util.HashMap<>();
        employers.forEach(e -> byId.put(e.id(), e));
        Map<EseCategory, Set<String>> out = new EnumMap<>(EseCategory.class);
        for (EseCategory c : EseCategory.values()) {
            out.put(c, new TreeSet<>());
        }
        for (Engagement g : engagements) {
            if (!g.staffAssisted() || g.date().isBefore(from) || g.date().isAfter(to)) {
                continue;
            }
            Employer e = byId.get(g.employer());
            Establishment est = g.establishment() == null ? e.primaryEstablishment().orElse(null) : e.establishment(g.establishment()).orElse(null);
            if (est == null) {
                continue;
            }
            if (region != null) {
                boolean in = est.county() == null ? region.id().equals(e.region())
                        : region.counties().stream().anyMatch(c -> c.equalsIgnoreCase(est.county().trim()));
                if (!in) {
                    continue;
                }
            }
            for (EseCategory c : g.services()) {
                out.get(c).add(est.id().asString());
            }
        }
        return out;
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

    @Test
    void theStateAndEachRegionGiveTheCountsTheDefinitionGives() throws Exception {
        LocalDate first = engagements.stream().map(Engagement::date).min(LocalDate::compareTo).orElseThrow();
        int py = first.getMonthValue() >= 7 ? first.getYear() : first.getYear() - 1;
        int checked = 0;
        for (String period : List.of("PY" + py, "PY" + (py + 1), "PY" + py + "Q3", "PY" + (py + 1) + "Q1")) {
            org.sectorcrm.core.report.ProgramPeriod p = org.sectorcrm.core.report.ProgramPeriod.parse(period);
            List<Region> areas = new ArrayList<>(regions.subList(0, Math.min(3, regions.size())));
            areas.add(0, null);
            for (Region region : areas) {
                JsonNode report = ese(period, region == null ? "state" : "region:" + region.id().asString());
                Map<EseCategory, Set<String>> want = expected(p.start(), p.end(), region);
                Set<String> total = new TreeSet<>();
                for (JsonNode row : report.get("rows")) {
                    EseCategory c = EseCategory.valueOf(row.get("category").asText());
                    assertThat(row.get("row").asInt()).isEqualTo(c.line());
                    assertThat(ids(row.get("establishments"))).as(period + " " + region + " " + c).containsExactlyElementsOf(want.get(c));
                    assertThat(row.get("count").asLong()).isEqualTo(want.get(c).size());
                    total.addAll(want.get(c));
                }
                assertThat(ids(report.get("total").get("establishments"))).containsExactlyElementsOf(total);
                assertThat(report.get("period").get("label").asText()).isEqualTo(period);
                checked += total.size();
            }
        }
        assertThat(checked).as("the demo data serves establishments in these periods").isPositive();
    }

    @Test
    void importedCountsAreThePenetrationDenominatorAndABadFileNamesEveryLineAndStoresNothing(@TempDir Path dir) throws Exception {
        LocalDate first = engagements.stream().map(Engagement::date).min(LocalDate::compareTo).orElseThrow();
        int py = first.getMonthValue() >= 7 ? first.getYear() : first.getYear() - 1;
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "area,quarter,establishments\nSTATE," + (py + 1) + "-Q2,1000\nSTATE,2026-Q5,10\nNOWHERE!,2026-Q1,x\n");
        CliRunner.Run refused = CliRunner.on(db, "import", "establishment-counts", bad.toString(), "--as", ADMIN);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3.quarter", "line 4.area", "line 4.establishments", "nothing was imported");
        assertThat(ese("PY" + py, "state").get("penetration").get("denominator").asLong()).as("the demo's count, not the refused file's").isNotEqualTo(1000);

        Path good = dir.resolve("counts.csv");
        Files.writeString(good, "area,quarter,establishments\nSTATE," + (py + 1) + "-Q2,1000\n" + regions.get(0).id().asString() + "," + (py + 1) + "-Q2,0\n");
        CliRunner.Run loaded = CliRunner.on(db, "import", "establishment-counts", good.toString(), "--as", ADMIN);
        assertThat(loaded.exitCode()).as(loaded.toString()).isZero();
        JsonNode state = ese("PY" + py, "state");
        JsonNode penetration = state.get("penetration");
        assertThat(penetration.get("denominator").asLong()).isEqualTo(1000);
        assertThat(penetration.get("numerator").asLong()).isEqualTo(state.get("total").get("count").asLong());
        assertThat(penetration.get("rate").asDouble()).isEqualTo(state.get("total").get("count").asLong() / 1000.0);
        JsonNode zero = ese("PY" + py, "region:" + regions.get(0).id().asString()).get("penetration");
        assertThat(zero.get("rate").isNull()).isTrue();
        assertThat(zero.get("undefinedReason").asText()).contains("is 0");
        assertThat(state.get("repeatBusiness").has("denominator")).isTrue();
        assertThat(state.get("lookBack").get("start").asText()).isEqualTo((py - 3) + "-07-01");

        CliRunner.Run csv = CliRunner.on(db, "report", "ese", "--period", "PY" + py, "--area", "state", "--as", ADMIN);
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).contains("1,Employer Information and Support Services,", "Employer Penetration Rate");
    }

    @Test
    void aBadPeriodOrAreaIsNamed() {
        CliRunner.Run run = CliRunner.on(db, "report", "ese", "--period", "2025", "--area", "county:Cook", "--as", ADMIN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("report.period", "report.area");
    }
}
