package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.sectorcrm.core.reference.StaffUser;

/**
 * Requests that Jetty itself refuses before any route runs (a malformed or too long URI, headers too large, a body
 * over the limit, an unknown method) answer application/problem+json like every error of the API, not Jetty's HTML.
 * Raw sockets: java.net.http refuses to send most of these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeProblemTest {
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabases.Database database;
    private CrmApplication app;
    private int port;
    private String token;

    @BeforeAll
    void start() {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise("correct horse battery staple".toCharArray(), "admin@board.example", false, 1);
        token = app.accounts().issueToken(admin.id(), "test");
        port = app.start("127.0.0.1", 0).port();
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "malformed percent-encoding | GET /api/v1/employers/%zz HTTP/1.1 | 400",
            "encoded slash | GET /api/v1/employers/a%2Fb HTTP/1.1 | 400",
            "encoded dot segment (resolved, then not found) | GET /api/v1/%2e%2e/x HTTP/1.1 | 404",
            "too long URI | GET /api/v1/employers?q=LONG HTTP/1.1 | 414",
            "too large header | GET /api/v1/me HTTP/1.1 NL X-Big: LONG | 431",
            "garbage request line | NOT HTTP AT ALL | 400",
            "unknown method | BREW /api/v1/employers HTTP/1.1 | 405",
            "method a route does not have | PATCH /api/v1/me HTTP/1.1 | 405",
            "unparsable id | GET /api/v1/employers/not-a-uuid HTTP/1.1 | 400",
            "unparsable id of a lifecycle move | POST /api/v1/referrals/%20/accept HTTP/1.1 NL If-Match: \"1\" | 400",
            "unknown path | GET /api/v1/nothing-here HTTP/1.1 | 404",
    })
    void jettyLevelRefusalsAreProblemJson(String what, String head, int status) throws Exception {
        String request = head.replace(" NL ", "\r\n").replace("LONG", "x".repeat(70_000)) + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n";
        assertProblem(exchange(request.getBytes(StandardCharsets.ISO_8859_1)), status);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"2000000"})
    void aBodyOverTheLimitIs413(int size) throws Exception {
        byte[] body = ("{\"legalName\":\"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/employers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(head.getBytes(StandardCharsets.ISO_8859_1));
        all.write(body);
        assertProblem(exchange(all.toByteArray()), 413);
    }

    private void assertProblem(String response, int status) throws Exception {
        String[] parts = response.split("\r\n\r\n", 2);
        assertThat(parts[0]).as(response).startsWith("HTTP/1.1 " + status);
        assertThat(parts[0].toLowerCase(java.util.Locale.ROOT)).as(parts[0]).contains("content-type: application/problem+json");
        String body = parts.length > 1 ? parts[1] : "";
        if (parts[0].toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).as(body).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(body).doesNotContain("org.eclipse").doesNotContain("java.");
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            int n = Integer.parseInt(chunked.substring(i, eol).strip(), 16);
            if (n == 0) {
                break;
            }
            out.append(chunked, eol + 2, eol + 2 + n);
            i = eol + 2 + n + 2;
        }
        return out.toString();
    }

    private String exchange(byte[] request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (java.io.IOException e) {
                // the server may answer and close before it read everything (413, 431): read what it said
            }
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
