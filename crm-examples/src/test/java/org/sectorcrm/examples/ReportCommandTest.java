package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.examples.csv.CsvReader;
import org.sectorcrm.examples.server.ApiServer;

/**
 * The {@code report} job, run in-process through the command line on the demo region in a SQLite file, checked against
 * the same numbers worked out here from the records themselves; and the same reports over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {
    private static final String ADMIN = "admin@board.example";
    private static final LocalDate ON = LocalDate.of(2025, 12, 31);
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private String db;
    private List<Employer> employers;
    private List<Referral> referrals;
    private Referral formula;

    @BeforeAll
    void createDemoRegion() throws Exception {
        database = TestDatabases.sqlite();
        db = database.db();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), ADMIN, true, 2026);
            CrmSession s = app.crm().as(admin);
            // A referral whose requested service a spreadsheet would run as a formula: the CSV must defuse it.
            Partner other = all(p -> s.reference().partners().list(PartnerFilter.ALL, p)).stream()
                    .filter(p -> !p.id().equals(admin.partner())).findFirst().orElseThrow();
            Employer employer = s.employers().list(EmployerFilter.ALL, PageRequest.first(1)).items().get(0);
            formula = s.referrals().create(Referral.sent(admin.partner(), admin.id(), other.id(), employer.id(), "=HYPERLINK(\"http://x\")",
                    LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 21)));
            employers = all(p -> s.employers().list(EmployerFilter.ALL, p));
            referrals = all(p -> s.referrals().list(ReferralFilter.ALL, p));
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

    /** The CSV rows after the header, read by the importer's own RFC 4180 reader (sector names hold commas). */
    private static List<String[]> rows(String csv) {
        List<String[]> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(csv))) {
            reader.next();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.fields().toArray(String[]::new));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    private static String key(Object region, Object sector) {
        return (region == null ? "" : region.toString()) + "|" + (sector == null ? "" : sector.toString());
    }

    private Map<String, Long> expectedGroups(EmployerStatus status) {
        Map<String, Long> expected = new HashMap<>();
        for (Employer e : employers) {
            if (status == null || e.status() == status) {
                expected.merge(key(e.region() == null ? null : e.region().asString(), e.sector() == null ? null : e.sector().asString()), 1L, Long::sum);
            }
        }
        return expected;
    }

    @Test
    void employersByRegionSectorCountsEveryEmployerInItsGroup() {
        CliRunner.Run run = CliRunner.on(db, "report", "employers-by-region-sector", "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("\uFEFFregion,regionName,sector,sectorName,employers\r\n");
        Map<String, Long> got = new HashMap<>();
        for (String[] row : rows(run.out())) {
            assertThat(got.put(key(row[0].isEmpty() ? null : row[0], row[2].isEmpty() ? null : row[2]), Long.parseLong(row[4]))).isNull();
            if (!row[0].isEmpty()) {
                assertThat(row[1]).as("region name of " + row[0]).isNotEmpty();
            }
        }
        assertThat(got).isEqualTo(expectedGroups(null));
        assertThat(got.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(employers.size()).isGreaterThan(400);
        assertThat(got.size()).as("the demo region spreads employers over many groups").isGreaterThan(10);
    }

    @Test
    void employersByRegionSectorAsJsonFilteredByStatus() throws Exception {
        CliRunner.Run run = CliRunner.on(db, "report", "EMPLOYERS-BY-REGION-SECTOR", "--status", "active", "--format", "json", "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = json.readTree(run.out());
        assertThat(report.get("status").asText()).isEqualTo("ACTIVE");
        Map<String, Long> got = new HashMap<>();
        for (JsonNode g : report.get("groups")) {
            got.put(key(g.path("region").textValue(), g.path("sector").textValue()), g.get("employers").asLong());
        }
        Map<String, Long> expected = expectedGroups(EmployerStatus.ACTIVE);
        assertThat(got).isEqualTo(expected);
        long active = employers.stream().filter(e -> e.status() == EmployerStatus.ACTIVE).count();
        assertThat(report.get("total").asLong()).isEqualTo(active).isPositive().isLessThan(employers.size());
    }

    @Test
    void overdueReferralsListsEverySentReferralPastItsDueDate() {
        CliRunner.Run run = CliRunner.on(db, "report", "overdue-referrals", "--on", ON.toString(), "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("\uFEFFreferral,fromPartner,fromPartnerName,toPartner,toPartnerName,employer,employerName,requestedService,"
                + "sentOn,responseDue,daysOverdue\r\n");
        List<Referral> expected = referrals.stream()
                .filter(r -> r.status() == ReferralStatus.SENT && r.responseDue() != null && r.responseDue().isBefore(ON)).toList();
        assertThat(expected).as("the demo region has overdue referrals").hasSizeGreaterThan(1);
        assertThat(referrals.stream().filter(r -> r.status() == ReferralStatus.SENT)).as("and SENT ones that are not").hasSizeGreaterThan(0);
        Map<String, String> lines = new HashMap<>();
        for (String line : run.out().substring(1).split("\r\n")) {
            lines.put(line.substring(0, line.indexOf(',')), line);
        }
        assertThat(lines).hasSize(expected.size() + 1);
        for (Referral r : expected) {
            String line = lines.get(r.id().asString());
            assertThat(line).as("row of " + r.id()).isNotNull();
            assertThat(line).contains("," + r.fromPartner().asString() + ",", "," + r.toPartner().asString() + ",", "," + r.employer().asString() + ",")
                    .endsWith("," + r.sentOn() + "," + r.responseDue() + "," + ChronoUnit.DAYS.between(r.responseDue(), ON));
        }
        // 2025-11-21 to 2025-12-31 is 40 days; the formula is written as text
        assertThat(lines.get(formula.id().asString())).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",2025-11-01,2025-11-21,40");
    }

    @Test
    void overdueReferralsOnTheDueDateItselfAreNotYetOverdue() throws Exception {
        CliRunner.Run run = CliRunner.on(db, "report", "overdue-referrals", "--on", "2025-11-21", "--format", "json", "--as", ADMIN);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode report = json.readTree(run.out());
        assertThat(report.get("on").asText()).isEqualTo("2025-11-21");
        List<String> ids = new ArrayList<>();
        report.get("referrals").forEach(r -> ids.add(r.get("referral").asText()));
        assertThat(ids).doesNotContain(formula.id().asString());
        CliRunner.Run next = CliRunner.on(db, "report", "overdue-referrals", "--on", "2025-11-22", "--format", "json", "--as", ADMIN);
        JsonNode row = null;
        for (JsonNode r : json.readTree(next.out()).get("referrals")) {
            if (r.get("referral").asText().equals(formula.id().asString())) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("daysOverdue").asLong()).isEqualTo(1);
        assertThat(row.get("requestedService").asText()).isEqualTo("=HYPERLINK(\"http://x\")"); // JSON is not a spreadsheet
    }

    @Test
    void badArgumentsExit2AndPrintNothing() {
        CliRunner.Run unknown = CliRunner.on(db, "report", "ese-quarterly", "--as", ADMIN);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("employers-by-region-sector, overdue-referrals", "cadence or duplicated-effort");
        CliRunner.Run wrongOption = CliRunner.on(db, "report", "employers-by-region-sector", "--on", "2025-01-01", "--as", ADMIN);
        assertThat(wrongOption.exitCode()).isEqualTo(2);
        assertThat(wrongOption.out()).isEmpty();
        CliRunner.Run badDate = CliRunner.on(db, "report", "overdue-referrals", "--on", "31/12/2025", "--as", ADMIN);
        assertThat(badDate.exitCode()).isEqualTo(2);
        CliRunner.Run nobody = CliRunner.on(db, "report", "overdue-referrals", "--as", "nobody@nowhere.example");
        assertThat(nobody.exitCode()).isEqualTo(2);
        assertThat(nobody.out()).isEmpty();
    }

    @Test
    void theApiAnswersTheSameReports() throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            String token = app.accounts().issueToken(app.crm().as(ADMIN).actor().user(), "report test");
            ApiServer server = app.start("127.0.0.1", 0);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + ApiServer.BASE + "/reports/";
            Function<String, HttpRequest> get = path -> HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build();

            HttpResponse<String> overdue = http.send(get.apply("overdue-referrals?on=" + ON), HttpResponse.BodyHandlers.ofString());
            assertThat(overdue.statusCode()).as(overdue.body()).isEqualTo(200);
            CliRunner.Run cli = CliRunner.on(db, "report", "overdue-referrals", "--on", ON.toString(), "--format", "json", "--as", ADMIN);
            assertThat(json.readTree(overdue.body())).isEqualTo(json.readTree(cli.out()));

            HttpResponse<String> groups = http.send(get.apply("employers-by-region-sector?status=ACTIVE"), HttpResponse.BodyHandlers.ofString());
            assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
            CliRunner.Run cliGroups = CliRunner.on(db, "report", "employers-by-region-sector", "--status", "ACTIVE", "--format", "json", "--as", ADMIN);
            assertThat(json.readTree(groups.body())).isEqualTo(json.readTree(cliGroups.out()));

            HttpResponse<String> badDate = http.send(get.apply("overdue-referrals?on=yesterday"), HttpResponse.BodyHandlers.ofString());
            assertThat(badDate.statusCode()).isEqualTo(400);
            assertThat(badDate.body()).contains("\"field\":\"filter.on\"");
            HttpResponse<String> unknown = http.send(get.apply("overdue-referrals?status=SENT"), HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(400);
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(base + "overdue-referrals")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }
}
