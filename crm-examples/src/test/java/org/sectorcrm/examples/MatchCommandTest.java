package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.EmployerFilter;

/** {@code match}: a partner's list resolved to establishments and companies through the command line, nothing stored. */
class MatchCommandTest {
    private static final String ADMIN = "admin@board.example";
    private TestDatabases.Database database;
    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws Exception {
        database = TestDatabases.sqlite();
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            app.initialise("correct horse battery staple".toCharArray(), ADMIN, false, 1);
        }
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private Path file(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** id → its line's cells, from a result file with a header row. */
    private static Map<String, List<String>> byId(Path csv) throws Exception {
        Map<String, List<String>> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    @Test
    void rowsOfOneWorksiteShareAnEstablishmentClusterAndTheFilesNameTheEvidence() throws Exception {
        Path mapping = file("m.properties", "legalName = Company Name\nstreet = Address\nzip = Zip Code\nphone = Main Phone\n");
        Path csv = file("list.csv", "\uFEFFRow,Company Name,Address,City,State,Zip Code,Main Phone\r\n"
                + "r1,\"Acme Tool & Die, Inc.\",123 Main St,Rockford,IL,61101,(815) 555-0100\r\n"
                + "r2,ACME TOOL AND DIE,123 Main Street,Rockford,IL,61101-2345,815.555.0100\r\n"
                + "r3,Prairie Farms Dairy Cooperative,900 Oak Ave,Peoria,IL,61602,309-555-0199\r\n");
        Path out = dir.resolve("out");
        long before = employers();

        CliRunner.Run run = CliRunner.run("match", csv.toString(), "--mapping", mapping.toString(), "--id-column", "Row", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("matched 3 rows").contains("2 establishments").contains("2 companies");
        Map<String, List<String>> clusters = byId(out.resolve("clusters.csv"));
        assertThat(Files.readAllLines(out.resolve("clusters.csv")).get(0)).isEqualTo("id,establishment_cluster,company_cluster");
        assertThat(clusters).hasSize(3);
        assertThat(clusters.get("r1").get(1)).isEqualTo(clusters.get("r2").get(1));
        assertThat(clusters.get("r1").get(2)).isEqualTo(clusters.get("r2").get(2));
        assertThat(clusters.get("r3").get(1)).isNotEqualTo(clusters.get("r1").get(1));
        assertThat(clusters.get("r3").get(2)).isNotEqualTo(clusters.get("r1").get(2));
        List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"));
        assertThat(pairs.get(0)).isEqualTo("id_a,id_b,level,score,reasons");
        assertThat(pairs).anySatisfy(line -> assertThat(line).startsWith("r1,r2,ESTABLISHMENT,"));
        assertThat(employers()).as("nothing is stored").isEqualTo(before);
    }

    @Test
    void rowsWithoutTheirOwnIdAreAllNamedAndNothingIsWritten() throws Exception {
        Path csv = file("list.csv", "id,legalName\n1,Acme\n,Beta Corp\n1,Gamma LLC\n");
        Path out = dir.resolve("out");

        CliRunner.Run run = CliRunner.run("match", csv.toString(), "--id-column", "id", "--out", out.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("line 3: id is empty").contains("line 4: id 1 appears twice");
        assertThat(out).doesNotExist();
        CliRunner.Run noColumn = CliRunner.run("match", csv.toString(), "--id-column", "Row", "--out", out.toString());
        assertThat(noColumn.exitCode()).isEqualTo(2);
        assertThat(noColumn.err()).contains("no column Row");
    }

    @Test
    void againstTheDatabaseEachRowGetsItsBestStoredEmployer() throws Exception {
        Path stored = file("stored.csv", "legalName,street,city,state,zip,naics\nAcme Tool and Die Inc,123 Main St,Rockford,IL,61101,333514\n");
        CliRunner.Run imported = CliRunner.on(database.db(), "import", "employers", stored.toString(), "--as", ADMIN);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        String acme = withCrm(s -> s.employers().list(EmployerFilter.all(), PageRequest.first()).items().get(0).id().toString());
        Path csv = file("list.csv", "id,legalName,street,city,state,zip\nx1,\"ACME TOOL & DIE, INC.\",123 Main Street,Rockford,IL,61101\n"
                + "x2,Lakeside Bakery,7 Harbor Rd,Waukegan,IL,60085\n");
        Path out = dir.resolve("out");

        CliRunner.Run run = CliRunner.run("match", csv.toString(), "--id-column", "id", "--out", out.toString(), "--against-db",
                "--db", database.db(), "--as", ADMIN);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 rows with stored candidates");
        Map<String, List<String>> candidates = byId(out.resolve("candidates.csv"));
        assertThat(candidates).containsOnlyKeys("x1");
        assertThat(candidates.get("x1").get(1)).isEqualTo(acme);
        CliRunner.Run withoutUser = CliRunner.run("match", csv.toString(), "--id-column", "id", "--out", out.toString(), "--against-db");
        assertThat(withoutUser.exitCode()).isEqualTo(2);
        assertThat(withoutUser.err()).contains("--as");
    }

    private long employers() throws Exception {
        return withCrm(s -> s.employers().count(EmployerFilter.ALL));
    }

    private <R> R withCrm(java.util.function.Function<CrmSession, R> work) throws Exception {
        try (CrmApplication app = new CrmApplication(database.open(), Clock.systemUTC())) {
            return work.apply(app.crm().as(ADMIN));
        }
    }
}
