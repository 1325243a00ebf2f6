package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.examples.server.ApiServer;

/**
 * A bounded, seeded HTTP fuzz over every operation of the served OpenAPI document, as an ADMIN, a STAFF user and a
 * VIEWER: real and junk path parameters, declared and junk query parameters, mutated records and random or broken JSON
 * as bodies under right and wrong media types, odd headers; then raw requests over a socket (bad encodings, control
 * characters, over-long URIs and headers, broken request lines). Every answer must be below 500, and every error
 * {@code application/problem+json}. A failure names the request, so it can be replayed: the seed is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {
    private static final long SEED = 20261203L;
    private static final int REQUESTS = 1500;
    private static final int RAW_REQUESTS = 200;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(SEED);
    private final Map<String, List<String>> ids = new HashMap<>();
    private final Map<String, JsonNode> samples = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private DemoApi demo;
    private JsonNode document;

    @BeforeAll
    void start() throws Exception {
        demo = new DemoApi();
        document = json.readTree(get(ApiServer.BASE + "/openapi.json").body());
        // the ids and a record of every list, so that fuzzed requests reach past the 404 of an unknown id
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext();) {
            String path = paths.next();
            if (!path.contains("{") && document.get("paths").get(path).has("get")) {
                HttpResponse<String> r = get(path + (path.contains("/search") ? "?q=" + demo.searchWord : ""));
                JsonNode body = r.statusCode() == 200 ? json.readTree(r.body()) : null;
                JsonNode items = body == null ? null : body.isArray() ? body : body.get("items");
                if (items != null && items.size() > 0 && items.get(0).has("id")) {
                    List<String> found = new ArrayList<>();
                    items.forEach(i -> found.add(i.get("id").asText()));
                    ids.put(path, found);
                    samples.put(path, items.get(0));
                }
            }
        }
        assertThat(ids).hasSizeGreaterThan(15);
    }

    @AfterAll
    void stop() throws Exception {
        demo.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(demo.base + path)).header("Authorization", "Bearer " + demo.admin).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void fuzzedRequestsToEveryOperationAnswerProblemJsonAndNever5xx() throws Exception {
        List<String[]> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> operations.add(new String[] {
                m.toUpperCase(Locale.ROOT), p.getKey()})));
        String[] tokens = {demo.admin, demo.staff, demo.viewer};
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String[] op = operations.get(i < operations.size() ? i : random.nextInt(operations.size())); // each one at least once
            JsonNode declared = document.get("paths").get(op[1]).get(op[0].toLowerCase(Locale.ROOT));
            String uri = demo.base + fillPath(op[1]) + query(declared);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30));
            b.header("Authorization", "Bearer " + (random.nextInt(20) == 0 ? junkToken() : tokens[random.nextInt(tokens.length)]));
            if (random.nextBoolean()) {
                b.header("If-Match", pick("\"1\"", "\"2\"", "W/\"1\"", "*", "\"-5\"", "\"99999999999999999999\"", "\"x\"", "1", ""));
            }
            if (random.nextInt(10) == 0) {
                b.header(pick("Accept", "Accept-Language", "X-Forwarded-For", "X-Forwarded-Proto", "Origin", "Cookie", "X-Fuzz"), junkHeader());
            }
            byte[] body = body(op[0], op[1], declared);
            if (body != null) {
                b.header("Content-Type", mediaType(declared));
            }
            b.method(op[0], body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            String what = op[0] + " " + uri + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8)));
            HttpRequest request = b.build();
            HttpResponse<String> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                // a kept-alive connection the server closed after an early answer (a 415 before a large body): once more
                try {
                    r = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException again) {
                    failures.add("no answer (" + again + ") to " + what);
                    continue;
                }
            }
            check(what, r.statusCode(), r.headers().firstValue("Content-Type").orElse(""));
        }
        for (int i = 0; i < RAW_REQUESTS; i++) {
            raw(rawRequest());
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertThat(failures).as("of %d requests in %d s (seed %d)", REQUESTS + RAW_REQUESTS, seconds, SEED).isEmpty();
    }

    private void check(String request, int status, String contentType) {
        if (status >= 500 || status >= 400 && !contentType.startsWith("application/problem+json")) {
            if (failures.size() < 40) {
                failures.add(status + " " + contentType + " for " + request);
            }
        }
    }

    private String fillPath(String template) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        int end = 0;
        while (m.find()) {
            out.append(template, end, m.start());
            List<String> known = ids.get(template.substring(0, m.start() - 1));
            int dice = random.nextInt(10);
            String value = known != null && dice < 6 ? known.get(random.nextInt(known.size()))
                    : dice < 8 ? UUID.randomUUID().toString() : encode(junkText());
            out.append(value);
            end = m.end();
        }
        return out.append(template.substring(end)).toString();
    }

    private String query(JsonNode op) {
        List<String> parts = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("query") && random.nextInt(3) == 0) {
                parts.add(encode(p.get("name").asText()) + "=" + encode(random.nextBoolean() ? junkText() : pick("true", "ACTIVE", "5", "-1", "2026-Q1",
                        "PY2025", "state", demo.searchWord, "0190a6b0-0000-7000-8000-000000000000", "")));
            }
        }
        if (random.nextInt(15) == 0) {
            parts.add(encode(junkText()) + "=" + encode(junkText()));
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private String mediaType(JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        if (random.nextInt(8) == 0 || !content.fieldNames().hasNext()) {
            return pick("text/plain", "application/json; charset=latin1", "application/xml", "multipart/form-data; boundary=x", "application/json",
                    "application/merge-patch+json", "text/csv", "application/octet-stream", "*/*", ";;");
        }
        return content.fieldNames().next();
    }

    private byte[] body(String method, String path, JsonNode op) throws Exception {
        if (!op.has("requestBody") && random.nextInt(6) != 0) {
            return null;
        }
        int dice = random.nextInt(10);
        if (dice < 5) {
            JsonNode sample = samples.get(path.replaceAll("/\\{id}$", ""));
            return json.writeValueAsBytes(mutate(sample == null ? json.createObjectNode() : sample.deepCopy(), 1 + random.nextInt(3)));
        }
        if (dice < 7) {
            return json.writeValueAsBytes(randomJson(3));
        }
        return pick("{", "{\"a\":1,\"a\":2}", "[]", "null", "\"text\"", "{\"id\":\"\\ud800\"}", "{\"legalName\":\"\\u0000\"}", "{} {}",
                "[".repeat(5000), "{\"n\":1e99999}", "{\"n\":" + "9".repeat(2000) + "}", "\u00ff\u00fe", "{\"x\":\"" + "y".repeat(200_000) + "\"}",
                "participant,exitQuarter,q2,q4\n\u0000,2025-Q1,x,y\n", "").getBytes(random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.UTF_16);
    }

    private JsonNode mutate(JsonNode record, int times) {
        if (!(record instanceof ObjectNode o)) {
            return record;
        }
        for (int t = 0; t < times; t++) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() || random.nextInt(6) == 0 ? junkText() : names.get(random.nextInt(names.size()));
            if (random.nextInt(4) == 0) {
                o.remove(name);
            } else {
                o.set(name, randomJson(2));
            }
        }
        return o;
    }

    private JsonNode randomJson(int depth) {
        int dice = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (dice) {
            case 0 -> json.getNodeFactory().nullNode();
            case 1 -> json.getNodeFactory().booleanNode(random.nextBoolean());
            case 2 -> json.getNodeFactory().numberNode(pick(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 42L));
            case 3 -> json.getNodeFactory().numberNode(pick(1.5e308, -0.0, 3.14));
            case 4, 5 -> json.getNodeFactory().textNode(junkText());
            case 6 -> {
                var a = json.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    a.add(randomJson(depth - 1));
                }
                yield a;
            }
            default -> {
                var o = json.createObjectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    o.set(random.nextBoolean() ? junkText() : pick("id", "name", "employer", "status", "email", "partner", "role", "visibility"),
                            randomJson(depth - 1));
                }
                yield o;
            }
        };
    }

    private String junkText() {
        return pick("", " ", "x", "ACTIVE", "0190a6b0-0000-7000-8000-000000000000", "not-a-uuid", "../../etc/passwd", "%00", "a%2Fb", "<script>",
                "\u0000", "\u202e\u200b", "\ud83d\ude00", "\ud800", "'; DROP TABLE employers; --", "2026-02-30", "9999-12-31", "-1", "1e400",
                "x".repeat(5000), "é".repeat(300), "\r\n", "null", "true", "{\"a\":1}", "36-7654321", "61101", "https://example.org", "javascript:x");
    }

    private String junkToken() {
        return pick("", "scrm_", "scrm_" + "a".repeat(3000), "\u00e9", "Bearer", demo.admin + "x", "null");
    }

    private String junkHeader() {
        return pick("x".repeat(20_000), "\u00e9\u00e8", "", "https", "1.2.3.4, 5.6.7.8", "sess=" + "z".repeat(500), "*/*;q=x", "de-DE;q=abc");
    }

    /** One raw request: byte-level oddities an HTTP client library would not send. */
    private byte[] rawRequest() {
        String api = ApiServer.BASE;
        String auth = "Authorization: Bearer " + pick(demo.admin, demo.staff, demo.viewer) + "\r\n";
        String s = switch (random.nextInt(14)) {
            case 0 -> "GET " + api + "/employers/%zz HTTP/1.1\r\n" + auth;
            case 1 -> "GET " + api + "/employers?limit=%ff%fe HTTP/1.1\r\n" + auth;
            case 2 -> "GET " + api + "/" + "a".repeat(20_000 + random.nextInt(80_000)) + " HTTP/1.1\r\n" + auth;
            case 3 -> "GET " + api + "/employers HTTP/1.1\r\n" + auth + "X-Big: " + "b".repeat(70_000) + "\r\n";
            case 4 -> "GET " + api + "/employers HTTP/1.1\r\n" + auth + "X-Ctl: a\u0001b\u007fc\r\n";
            case 5 -> "GET " + api + "/employers HTTP/1.1\r\n" + "Authorization: Bearer \u00ff\u00fe\u0000\r\n";
            case 6 -> "GET " + api + "/../../etc/passwd HTTP/1.1\r\n" + auth;
            case 7 -> "GET " + api + "/employers%2f..%2fstaff-users HTTP/1.1\r\n" + auth;
            case 8 -> "BREW " + api + "/employers HTTP/1.1\r\n" + auth;
            case 9 -> "GET " + api + "/employers HTTP/1.1\r\n" + auth + " folded: header\r\n";
            case 10 -> "POST " + api + "/employers HTTP/1.1\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 7\r\n";
            case 11 -> "GET " + api + "/employers/" + pick("\u00e9\u0000", "a|b", "\"x\"", "{id}", "a^b\\c", "%", "`") + " HTTP/1.1\r\n" + auth;
            case 12 -> "POST " + api + "/employers HTTP/1.1\r\n" + auth + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
            default -> "GET " + api + "/employers?" + "q=" + "%".repeat(1 + random.nextInt(3)) + "&limit=" + "\t" + " HTTP/1.1\r\n" + auth;
        };
        if (!s.contains("\r\n\r\n")) {
            s += "\r\n";
        }
        return s.replaceFirst("\r\n", "\r\nHost: 127.0.0.1\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private void raw(byte[] request) throws Exception {
        URI u = URI.create(demo.base);
        try (Socket socket = new Socket(u.getHost(), u.getPort())) {
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (java.io.IOException e) {
                // the server may close while a huge request is still being written; its answer is read below
            }
            String head = readHead(socket.getInputStream());
            String line = head.lines().findFirst().orElse("");
            String what = "raw " + abbreviate(new String(request, StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
            if (!line.startsWith("HTTP/1.1 ")) {
                failures.add("no answer (" + abbreviate(line) + ") to " + what);
                return;
            }
            int status = Integer.parseInt(line.substring(9, 12));
            String contentType = head.lines().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type:")).map(h -> h.substring(13).strip())
                    .findFirst().orElse("");
            check(what, status, contentType);
        }
    }

    private static String readHead(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) != -1 && out.size() < 64 * 1024) {
                out.write(c);
                if (out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            // a reset after the answer's head: what was read is judged
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
