package org.sectorcrm.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.examples.SectorCrmCli;

/**
 * The CSV command end to end against raw JDBC, alternating in one process: each round writes a file of new generated
 * employers (one row each: name, status, region, employees, tags and the primary site's address), then the library
 * side runs {@code sectorcrm import employers FILE --db DB --as EMAIL} (parse, validate, match keys against the stored
 * employers, store through the bulk path), and the raw side reads the same file with a plain split and stores the same
 * rows with {@link RawJdbc}, 1,000 per transaction. {@link #write} alone makes the large file of the constant-memory
 * run ({@code java -Xmx256m ... SectorCrmCli import employers}), see docs/benchmarks.md.
 */
public final class CsvImportBench {
    static final String HEADER = "legalName,status,region,employees,tags,street,city,state,zip,county";

    private CsvImportBench() {
    }

    /** Writes {@code n} generated employers as CSV rows, streaming (constant memory for any {@code n}). */
    public static void write(Path file, BenchData data, long n) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            for (long i = 0; i < n; i++) {
                Employer e = data.employer();
                Establishment site = e.establishments().get(0);
                w.write(String.join(",", e.legalName(), e.status().name(), e.region().value(), String.valueOf(e.employees()), String.join(";", e.tags()),
                        site.address().street(), site.address().city(), site.address().state(), site.address().zip(), site.county()));
                w.write("\r\n");
            }
        }
    }

    public static String run(int rounds, int perRound) throws IOException, SQLException {
        StringBuilder sb = new StringBuilder("| round | CSV command employers/s | raw JDBC employers/s | command / raw |\n|---|---:|---:|---:|\n");
        long libNanos = 0;
        long rawNanos = 0;
        try (Fixture lib = new Fixture("csv-lib"); Fixture raw = new Fixture("csv-raw");
                RawJdbc jdbc = new RawJdbc(raw.url(), raw.admin.id().asString(), raw.admin.partner().asString())) {
            BenchData data = new BenchData(2027);
            for (int r = 0; r <= rounds; r++) {
                Path file = lib.dir.resolve("round" + r + ".csv");
                write(file, data, perRound);
                long t0 = System.nanoTime();
                int exit = SectorCrmCli.commandLine().execute("import", "employers", file.toString(), "--db", lib.file.toString(),
                        "--as", lib.admin.email().value());
                long t1 = System.nanoTime();
                long stored = rawImport(jdbc, file);
                long t2 = System.nanoTime();
                Files.delete(file);
                if (exit != 0 || stored != perRound) {
                    throw new IllegalStateException("round " + r + ": the command exited " + exit + ", raw stored " + stored + " of " + perRound);
                }
                if (r == 0) {
                    continue; // warm-up round
                }
                libNanos += t1 - t0;
                rawNanos += t2 - t1;
                double l = perRound * 1e9 / (t1 - t0);
                double w = perRound * 1e9 / (t2 - t1);
                sb.append(String.format(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", r, l, w, l / w));
            }
        }
        double l = (double) rounds * perRound * 1e9 / libNanos;
        double w = (double) rounds * perRound * 1e9 / rawNanos;
        sb.append(String.format(Locale.ROOT, "| all | %,.0f | %,.0f | %.2f |%n", l, w, l / w));
        return sb.toString();
    }

    /** The baseline: split each line, build the employer, store 1,000 per transaction. */
    static long rawImport(RawJdbc jdbc, Path file) throws IOException, SQLException {
        long stored = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine(); // header
            List<Employer> batch = new ArrayList<>(CrmBenchmarks.BATCH);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",", -1);
                Set<String> tags = new TreeSet<>(Arrays.asList(c[4].isEmpty() ? new String[0] : c[4].split(";")));
                Establishment site = new Establishment(null, c[0], new Address(c[5], c[6], c[7], c[8]), c[9], null, null, true);
                batch.add(Employer.named(c[0]).withStatus(EmployerStatus.valueOf(c[1])).withRegion(new RegionCode(c[2]))
                        .withEmployees(Integer.parseInt(c[3])).withTags(tags).withEstablishments(List.of(site)));
                if (batch.size() == CrmBenchmarks.BATCH) {
                    stored += jdbc.insertEmployers(batch, CrmBenchmarks.BATCH).size();
                    batch.clear();
                }
            }
            stored += jdbc.insertEmployers(batch, CrmBenchmarks.BATCH).size();
        }
        return stored;
    }

    /** {@code CsvImportBench FILE N}: writes the N-row file of the constant-memory run. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), new BenchData(2028), Long.parseLong(args[1]));
    }
}
