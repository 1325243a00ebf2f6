package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100 MB file streams in and out of a server whose whole heap is 64 MB (a process of its own,
 * {@link AttachmentServerMain}): were the upload or the download held in memory, the server would run out of it.
 * The bytes come from a generator, not a file, and are hashed on both sides.
 */
class AttachmentStreamingTest {
    private static final long SIZE = 100_000_000L;

    /** A PDF header and then {@code SIZE} bytes in all of deterministic noise (xorshift), produced as read. */
    static final class GeneratedPdf extends InputStream {
        private static final byte[] HEADER = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= SIZE) {
                return -1;
            }
            int n = (int) Math.min(len, SIZE - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                if (p < HEADER.length) {
                    b[off + i] = HEADER[(int) p];
                } else {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
            }
            position += n;
            return n;
        }
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
            total += n;
        }
        assertThat(total).isEqualTo(SIZE);
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void aHundredMegabyteFileStreamsInAndOutOfASixtyFourMegabyteServer(@TempDir Path dir) throws Exception {
        String expected = sha256(new GeneratedPdf());
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), AttachmentServerMain.class.getName(), dir.resolve("crm.db").toString(),
                dir.resolve("files").toString()).redirectError(log.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).as("the server's first line (its log: %s)", log).isNotNull().startsWith("READY ");
            String[] parts = ready.split(" ");
            String base = "http://127.0.0.1:" + parts[1] + "/api/v1";
            String token = parts[2];
            HttpClient http = HttpClient.newHttpClient();

            HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/employers/" + parts[3] + "/attachments?filename=drawings.pdf"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(GeneratedPdf::new), SIZE)).build();
            HttpResponse<String> created = http.send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body() + " (server log " + Files.readString(log) + ")").isEqualTo(201);
            JsonNode a = new ObjectMapper().readTree(created.body());
            assertThat(a.get("size").asLong()).isEqualTo(SIZE);
            assertThat(a.get("sha256").asText()).isEqualTo(expected);
            assertThat(a.get("contentType").asText()).isEqualTo("application/pdf");

            HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(URI.create(base + "/attachments/" + a.get("id").asText() + "/content"))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);
            try (InputStream body = download.body()) {
                assertThat(sha256(body)).isEqualTo(expected);
            }
            try (OutputStream in = server.getOutputStream()) {
                in.flush(); // closing our end tells the server to stop
            }
            String peak = out.readLine();
            assertThat(peak).as("server log: %s", log).startsWith("PEAK ");
            assertThat(Long.parseLong(peak.substring(5))).isLessThan(64L * 1024 * 1024);
            assertThat(server.waitFor()).isZero();
        } finally {
            server.destroy();
        }
    }
}
