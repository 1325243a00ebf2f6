package org.sectorcrm.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The standalone server under fixed-rate load on loopback: starts {@link LoadServerMain} in a process of its own with
 * {@code -Xmx256m}, then for each endpoint ({@code GET /api/v1/employers/{id}} with a bearer token, and the employer web
 * page {@code GET /employers/{id}} with a session cookie) runs {@link FixedRate} at rising rates, each for a fixed time,
 * after an unreported warm-up at the first rate, until a rate is not sustained (a request failed, or the p99 reached
 * {@value #P99_LIMIT_MS} ms: the bar).
 * Latencies are corrected for coordinated omission (measured from each request's scheduled time). Ends with the
 * server's peak RSS (from {@code /proc}) and peak heap.
 */
public final class LoadTest {
    static final double P99_LIMIT_MS = 50;

    private LoadTest() {
    }

    public static String run(int employers, int[] rates, Duration perRate) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("crm-bench-load-");
        Path ids = dir.resolve("ids.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), LoadServerMain.class.getName(), dir.resolve("load.db").toString(),
                Integer.toString(employers), ids.toString());
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder sb = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                OutputStream in = server.getOutputStream()) {
            String[] ready = awaitReady(out);
            String base = "http://127.0.0.1:" + ready[1];
            String token = ready[2];
            List<String> employerIds = Files.readAllLines(ids);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String cookie = logIn(client, base);
            sb.append("| endpoint | rate req/s | sent | failed | p50 ms | p99 ms | p99.9 ms | max ms | sustained |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            List<String> summary = new ArrayList<>();
            for (String endpoint : List.of("api", "page")) {
                java.util.function.Supplier<HttpRequest> requests = () -> {
                    String id = employerIds.get(ThreadLocalRandom.current().nextInt(employerIds.size()));
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (endpoint.equals("api") ? "/api/v1/employers/" : "/employers/") + id))
                            .timeout(Duration.ofSeconds(30));
                    return (endpoint.equals("api") ? b.header("Authorization", "Bearer " + token) : b.header("Cookie", cookie)).GET().build();
                };
                // Not reported: the server's JIT compiles the request path first (its first requests take hundreds of ms).
                FixedRate.run(client, requests, rates[0], perRate.compareTo(Duration.ofSeconds(5)) < 0 ? perRate : Duration.ofSeconds(5));
                int highest = 0;
                for (int rate : rates) {
                    FixedRate.Result r = FixedRate.run(client, requests, rate, perRate);
                    boolean sustained = r.failed() == 0 && r.millis(99) < P99_LIMIT_MS;
                    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n",
                            endpoint.equals("api") ? "GET /api/v1/employers/{id}" : "GET /employers/{id} (web page)", rate, r.sent(), r.failed(),
                            r.millis(50), r.millis(99), r.millis(99.9), r.maxMillis(), sustained ? "yes" : "no"));
                    if (!sustained) {
                        break;
                    }
                    highest = rate;
                }
                summary.add((endpoint.equals("api") ? "API" : "web page") + ": highest rate sustained " + (highest == 0 ? "none of those tried" : highest + " req/s"));
            }
            sb.append('\n').append(String.join("; ", summary)).append(String.format(Locale.ROOT, "; server peak RSS %s MB", peakRssMb(server.pid())));
            in.close(); // the server stops and reports its peak heap
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("PEAK ")) {
                    sb.append(String.format(Locale.ROOT, ", peak heap %.0f MB", Long.parseLong(line.substring(5)) / 1048576.0));
                }
            }
            sb.append(" (-Xmx256m, ").append(employers).append(" employers)\n");
        } finally {
            server.destroy();
            server.waitFor();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return sb.toString();
    }

    private static String[] awaitReady(BufferedReader out) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.split(" ");
            }
        }
        throw new IOException("the load server ended before it was ready (run " + LoadServerMain.class.getName() + " alone to see why)");
    }

    /** The session cookie of the administrator, for the web pages. */
    private static String logIn(HttpClient client, String base) throws IOException, InterruptedException {
        String body = "{\"email\":\"" + LoadServerMain.EMAIL + "\",\"password\":\"" + LoadServerMain.PASSWORD + "\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("log-in answered " + r.statusCode() + " without a cookie: " + r.body()));
        return cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
    }

    /** The peak resident set (VmHWM) of the process, in MB, or "?" where /proc has no such file. */
    static String peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.format(Locale.ROOT, "%.0f", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "?";
        }
        return "?";
    }
}
