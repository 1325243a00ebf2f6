package org.sectorcrm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.attachments.AttachmentSettings;
import org.sectorcrm.examples.server.ApiServer;

/**
 * Attachments over HTTP on a real server and SQLite: uploads streamed as the request body, typed by content, limited
 * in size, readable only by those who may read them, downloaded as attachments with their detected type, audited, and
 * deleted with their record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentApiTest {
    private static final String ADMIN_PASSWORD = "correct horse battery staple";
    private static final long LIMIT = 1024 * 1024;
    private static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    private final HttpClient http = HttpClient.newHttpClient();
    private TestDatabases.Database database;
    private CrmApplication app;
    private ApiClient api;
    private String base;
    private String staffA;
    private String staffA2;
    private String staffB;
    private String viewerA;
    private Path directory;

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.sqlite();
        app = new CrmApplication(database.open(), Clock.systemUTC());
        StaffUser admin = app.initialise(ADMIN_PASSWORD.toCharArray(), "admin@board.example", false, 1);
        var ada = app.crm().as(admin);
        Partner college = ada.reference().partners().create(Partner.named("Rock Valley College", PartnerKind.COMMUNITY_COLLEGE));
        staffA = app.accounts().issueToken(ada.reference().staffUsers().create(StaffUser.of(admin.partner(), "Ann Board", "ann@board.example",
                Role.STAFF)).id(), "test");
        staffA2 = app.accounts().issueToken(ada.reference().staffUsers().create(StaffUser.of(admin.partner(), "Al Board", "al@board.example",
                Role.STAFF)).id(), "test");
        staffB = app.accounts().issueToken(ada.reference().staffUsers().create(StaffUser.of(college.id(), "Bo College", "bo@college.example",
                Role.STAFF)).id(), "test");
        viewerA = app.accounts().issueToken(ada.reference().staffUsers().create(StaffUser.of(admin.partner(), "Vi Viewer", "vi@board.example",
                Role.VIEWER)).id(), "test");
        directory = Path.of(database.db()).resolveSibling("files");
        app.attachments(AttachmentSettings.defaults(Path.of(database.db())).inDirectory(directory).limitedTo(LIMIT));
        ApiServer server = app.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port() + ApiServer.BASE;
        api = new ApiClient(base);
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

    private String employer(String name) throws Exception {
        return api.ok(api.send("POST", "/employers", staffA, "{\"legalName\":\"" + name + "\",\"status\":\"ACTIVE\"}"), 201).get("id").asText();
    }

    private HttpResponse<String> upload(String token, String owner, String filename, String visibility, byte[] body, boolean chunked)
            throws Exception {
        return upload(token, owner, filename, visibility, body, chunked, false);
    }

    /**
     * {@code expectContinue}: the client waits for the server's go-ahead before sending the body, as curl does for large
     * files. A body the server refuses from its declared length alone is then never sent; without it the client is still
     * writing when the server answers and closes, and the answer may be lost to the connection reset.
     */
    private HttpResponse<String> upload(String token, String owner, String filename, String visibility, byte[] body, boolean chunked,
            boolean expectContinue) throws Exception {
        String query = "?filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8) + (visibility == null ? "" : "&visibility=" + visibility);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + owner + "/attachments" + query)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream").expectContinue(expectContinue).POST(publisher).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String token, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/attachments/" + id + "/content")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void assertNamesFile(JsonNode problem) {
        assertThat(problem.get("errors")).anySatisfy(e -> assertThat(e.get("field").asText()).isEqualTo("file"));
    }

    @Test
    void aPdfIsStoredWithItsDetectedTypeSizeAndHashAndDownloadsAsAnAttachment() throws Exception {
        String employer = employer("Rockford Precision Gear");
        JsonNode a = api.ok(upload(staffA, "/employers/" + employer, "Zoë \"intake\" form.pdf", "SHARED", PDF, false), 201);
        assertThat(a.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(a.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(a.get("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(a.get("ownerType").asText()).isEqualTo("employer");
        HttpResponse<byte[]> d = download(staffB, a.get("id").asText());
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).isEqualTo(PDF);
        assertThat(d.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(d.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(d.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"Zo_ _intake_ form.pdf\"; filename*=UTF-8''Zo%C3%AB%20%22intake%22%20form.pdf");
        JsonNode list = api.ok(api.get("/employers/" + employer + "/attachments", staffB), 200);
        assertThat(list.get("items")).hasSize(1);
        var audit = app.crm().storage().read(tx -> tx.audit().query(AuditFilter.forRecord("attachment", a.get("id").asText()),
                PageRequest.first())).items();
        assertThat(audit).extracting(e -> e.action()).containsExactly("CREATE", "DOWNLOAD_ATTACHMENT");
    }

    @Test
    void aFileOverTheLimitIsRefused413NamingTheFileWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String employer = employer("Big Files Inc");
        byte[] big = new byte[(int) LIMIT + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        // A declared length over the limit is refused from the headers alone: sent without its body, it gets its answer
        // (an HTTP client still writing the body when the server answers may lose that answer to the connection reset).
        java.net.URI u = URI.create(base + "/employers/" + employer + "/attachments?filename=big.pdf");
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.getOutputStream().write(("POST " + u.getRawPath() + "?" + u.getRawQuery() + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                    + "\r\nAuthorization: Bearer " + staffA + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (LIMIT + 1)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("application/problem+json").contains("\"file\"");
        }
        assertNamesFile(api.problem(upload(staffA, "/employers/" + employer, "big.pdf", null, big, true), 413));
        byte[] exact = java.util.Arrays.copyOf(big, (int) LIMIT);
        api.ok(upload(staffA, "/employers/" + employer, "exact.pdf", null, exact, true), 201);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aProgramNamedLikeAPdfIsRefused415AndNothingIsKept() throws Exception {
        String employer = employer("Disguise Works");
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        JsonNode p = api.problem(upload(staffA, "/employers/" + employer, "release.pdf", null, exe, false), 415);
        assertNamesFile(p);
        assertThat(p.get("detail").asText()).contains("not allowed").doesNotContain("application/pdf is");
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 0x01;
        assertNamesFile(api.problem(upload(staffA, "/employers/" + employer, "scan.pdf", null, noise, false), 415));
        assertNamesFile(api.problem(upload(staffA, "/employers/" + employer, "page.txt", null,
                "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8), false), 415));
        assertThat(api.ok(api.get("/employers/" + employer + "/attachments", staffA), 200).get("items")).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theNameOnlyNarrowsWhatTheContentShows() throws Exception {
        String employer = employer("Office Documents Ltd");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertThat(api.ok(upload(staffA, "/employers/" + employer, "job-description.docx", null, zip.toByteArray(), false), 201)
                .get("contentType").asText()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertNamesFile(api.problem(upload(staffA, "/employers/" + employer, "job-description.pdf", null, zip.toByteArray(), false), 415));
        assertThat(api.ok(upload(staffA, "/employers/" + employer, "roster.csv", null, "name,role\nAda,welder\n".getBytes(StandardCharsets.UTF_8),
                false), 201).get("contentType").asText()).isEqualTo("text/csv");
    }

    @Test
    void anotherPartnersPartnerAttachmentOnAnEngagementIsNotFoundForThem() throws Exception {
        String employer = employer("Partner Only Co");
        JsonNode me = api.ok(api.get("/me", staffA), 200);
        String engagement = api.ok(api.send("POST", "/engagements", staffA, "{\"employer\":\"" + employer + "\",\"partner\":\"" + me.get("partner").asText()
                + "\",\"staff\":\"" + me.get("user").asText() + "\",\"date\":\"2026-12-01\",\"channel\":\"CALL\",\"staffAssisted\":false,\"summary\":\"Intake call\"}"), 201)
                .get("id").asText();
        String id = api.ok(upload(staffA, "/engagements/" + engagement, "intake.pdf", "PARTNER", PDF, false), 201).get("id").asText();
        api.problem(api.get("/attachments/" + id + "/content", staffB), 404);
        api.problem(api.get("/attachments/" + id, staffB), 404);
        assertThat(api.ok(api.get("/engagements/" + engagement + "/attachments", staffB), 200).get("items")).isEmpty();
        assertThat(download(staffA2, id).statusCode()).isEqualTo(200);
        JsonNode viewer = api.problem(api.get("/attachments/" + id + "/content", viewerA), 403);
        assertThat(viewer.get("detail").asText()).contains("PII");
        api.problem(upload(staffB, "/engagements/" + java.util.UUID.randomUUID(), "intake.pdf", null, PDF, false), 404);
    }

    @Test
    void deletingTheRecordDeletesItsAttachmentsAndTheirContent() throws Exception {
        String employer = employer("Short Lived LLC");
        String id = api.ok(upload(staffA, "/employers/" + employer, "intake.pdf", null, PDF, false), 201).get("id").asText();
        assertThat(app.attachments().hasContent(AttachmentId.of(id))).isTrue();
        api.ok(api.send("DELETE", "/employers/" + employer, staffA, null, "If-Match", "\"1\""), 204);
        api.problem(api.get("/attachments/" + id, staffA), 404);
        assertThat(app.attachments().hasContent(AttachmentId.of(id))).isFalse();
    }

    @Test
    void metadataIsNeverCreatedBareAndBadQueriesNameTheirField() throws Exception {
        String employer = employer("Bare Metadata Inc");
        JsonNode bare = api.problem(api.send("POST", "/attachments", staffA, "{\"ownerType\":\"employer\",\"ownerId\":\"" + employer
                + "\",\"filename\":\"x.pdf\",\"contentType\":\"application/pdf\",\"size\":1,\"sha256\":\"" + "0".repeat(64)
                + "\",\"visibility\":\"SHARED\",\"partner\":\"" + api.ok(api.get("/me", staffA), 200).get("partner").asText() + "\",\"uploadedBy\":\""
                + api.ok(api.get("/me", staffA), 200).get("user").asText() + "\"}"), 400);
        assertThat(bare.toString()).contains("content");
        JsonNode name = api.problem(upload(staffA, "/employers/" + employer, "../../etc/passwd", null, PDF, false), 400);
        assertThat(name.get("errors").get(0).get("field").asText()).contains("filename");
        JsonNode vis = api.problem(upload(staffA, "/employers/" + employer, "a.pdf", "EVERYONE", PDF, false), 400);
        assertThat(vis.toString()).contains("visibility");
    }

    private List<Path> leftovers() throws Exception {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".upload-")).toList();
        }
    }

    static byte[] readAll(InputStream in) throws Exception {
        return in.readAllBytes();
    }
}
