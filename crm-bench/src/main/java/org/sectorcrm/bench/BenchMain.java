package org.sectorcrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CrmBenchmarks} bounded and prints each library figure with its raw-JDBC baseline and the ratio.
 * {@code --quick}: every pair alternating in one process ({@link AlternatingPairs} on 3,000 employers with p50/p99, then
 * {@link AlternatingImport}: 3 rounds of 5,000 employers with their contacts, then {@link CsvImportBench}: 3 rounds of
 * 5,000 rows; rounds of 1,000-2,000 rows were dominated by the command's fixed cost and JIT warm-up), under two minutes
 * on a quiet 2-core machine;
 * default: 20,000 employers, one fork, 1 warm-up and 3 measured iterations of 2 s (a few minutes);
 * {@code --jmh-quick}: the JMH pairs on 5,000 employers, one short iteration each, in this JVM;
 * {@code --smoke}: 300 employers, one 100 ms iteration (the test phase uses it to check the harness runs);
 * {@code --load}: the standalone server under fixed-rate load ({@link org.sectorcrm.bench.load.LoadTest}; with
 * {@code --quick}: 5,000 employers, 100-500 req/s for 5 s each);
 * {@code --csv}: the CSV command end to end against raw JDBC ({@link CsvImportBench});
 * {@code --import}: the bulk import alone, library and raw alternating in one process ({@link AlternatingImport});
 * {@code --scan N}: {@code dedupe scan} over N stored employers ({@link ScanBench});
 * {@code --generate region|state --db FILE|JDBC-URL [--seed N]}: writes a whole seeded data set into an empty database
 * through the bulk path ({@link Generate}; state: PostgreSQL only);
 * {@code --network --db FILE}: times the network-health reports over a generated data set ({@link NetworkBench});
 * {@code --only REGEX} narrows the benchmarks; {@code --out FILE} writes the table as Markdown.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, java.sql.SQLException, InterruptedException {
        boolean quick = false;
        boolean smoke = false;
        boolean alternating = false;
        int scan = 0;
        boolean jmhQuick = false;
        boolean load = false;
        boolean csv = false;
        String only = ".*";
        Scale generate = null;
        boolean network = false;
        String db = null;
        long seed = 11;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--smoke" -> smoke = true;
                case "--import" -> alternating = true;
                case "--jmh-quick" -> jmhQuick = true;
                case "--load" -> load = true;
                case "--csv" -> csv = true;
                case "--only" -> only = args[++i];
                case "--scan" -> scan = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--generate" -> generate = Scale.parse(args[++i]);
                case "--network" -> network = true;
                case "--db" -> db = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--quick, --jmh-quick, --smoke, --import, --csv, --load, --scan N,"
                        + " --generate region|state --db FILE|URL [--seed N], --network --db FILE, --only REGEX, --out FILE)");
            }
        }
        if ((generate != null || network) && db == null) {
            throw new IllegalArgumentException("--generate and --network need --db FILE (SQLite) or --db JDBC-URL");
        }
        String table;
        if (generate != null) {
            table = Generate.run(generate, db, seed);
        } else if (network) {
            table = NetworkBench.run(db, quick ? 2 : 5);
        } else if (scan > 0) {
            table = ScanBench.run(scan);
        } else if (load) {
            table = quick ? org.sectorcrm.bench.load.LoadTest.run(5_000, new int[] {100, 250, 500}, java.time.Duration.ofSeconds(5))
                    : org.sectorcrm.bench.load.LoadTest.run(20_000, new int[] {100, 250, 500, 750, 1_000, 1_500, 2_000}, java.time.Duration.ofSeconds(15));
        } else if (csv) {
            table = CsvImportBench.run(quick ? 2 : 3, quick ? 2_000 : 10_000);
        } else if (alternating) {
            table = AlternatingImport.run(quick ? 3 : 5, quick ? 2_000 : 10_000);
        } else if (quick) {
            table = AlternatingPairs.run(3_000, 3, 3_000) + "\n" + AlternatingImport.run(3, 5_000) + "\n" + CsvImportBench.run(3, 5_000);
        } else {
            table = run(jmhQuick, smoke, only);
        }
        System.out.println(table);
        if (out != null) {
            Files.writeString(out, table);
        }
    }

    /** Runs the selected benchmarks and returns the Markdown table of library, raw and ratio. */
    public static String run(boolean quick, boolean smoke, String only) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder().include(CrmBenchmarks.class.getName() + "\\.(" + only + ")$").shouldFailOnError(true);
        if (smoke) {
            o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100)).param("employers", "300");
        } else if (quick) {
            o.forks(0).warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2).measurementTime(TimeValue.seconds(1))
                    .param("employers", "5000");
        } else {
            o.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(2)).measurementIterations(3).measurementTime(TimeValue.seconds(2))
                    .jvmArgsAppend("-Xmx1g");
        }
        return table(new Runner(o.build()).run());
    }

    static String table(Collection<RunResult> results) {
        Map<String, double[]> pairs = new TreeMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.') + 1);
            boolean lib = name.endsWith("Lib");
            String key = name.substring(0, name.length() - 3);
            pairs.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN})[lib ? 0 : 1] = r.getPrimaryResult().getScore();
        }
        StringBuilder sb = new StringBuilder("| benchmark | library ops/s | raw JDBC ops/s | library / raw |\n|---|---:|---:|---:|\n");
        pairs.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |%n", k, v[0], v[1], v[0] / v[1])));
        return sb.toString();
    }
}
