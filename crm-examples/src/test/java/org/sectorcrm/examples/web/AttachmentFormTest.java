package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.attachments.AttachmentSettings;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.testing.TestDatabase;

/**
 * The web UI's upload form as a browser posts it (multipart, the CSRF field, the session cookie), against a server
 * with a 64 KiB limit: a small PDF is attached and redirects back to the page; a file over the limit is a 413 page and
 * nothing is kept; a form without the CSRF field is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentFormTest {
    private static final long LIMIT = 64 * 1024;
    private final TestDatabase database = TestDatabase.sqlite();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private CrmApplication app;
    private String base;
    private String sid;
    private Employer employer;
    private StaffUser admin;

    @BeforeAll
    void start() throws Exception {
        database.start("attachment-form");
        String file = database.url().substring("jdbc:sqlite:".length());
        app = new CrmApplication(StorageFactory.open(file), Clock.systemUTC());
        admin = app.initialise(WebFixture.PASSWORD.toCharArray(), WebFixture.ADMIN, false, 1);
        employer = app.crm().as(admin).employers().create(Employer.named("Form Post Foundry"));
        app.attachments(AttachmentSettings.defaults(Path.of(file)).limitedTo(LIMIT));
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
        sid = WebFixture.sessionId(http, base, WebFixture.ADMIN);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        database.stop();
    }

    private HttpResponse<String> post(String csrf, String filename, byte[] content) throws Exception {
        return post(csrf, filename, content, "SHARED");
    }

    private HttpResponse<String> post(String csrf, String filename, byte[] content, String visibility) throws Exception {
        String boundary = "----sectorcrm" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrf != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\n" + visibility + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/employers/" + employer.id().asString() + "/attachments"))
                .header("Cookie", ApiServer.SESSION_COOKIE + "=" + sid).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private java.util.List<Attachment> attached() {
        return app.crm().as(admin).attachments().of(AggregateTypes.EMPLOYER, employer.id());
    }

    @Test
    void aSmallPdfIsAttachedAndOneOverTheLimitIsA413PageWithNothingKept() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> ok = post(Csrf.forSession(sid), "C:\\Users\\ann\\signed release.pdf", pdf);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/employers/" + employer.id().asString());
        assertThat(attached()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("signed release.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });

        byte[] big = new byte[(int) LIMIT * 3];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        HttpResponse<String> tooBig = post(Csrf.forSession(sid), "drawings.pdf", big);
        assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(attached()).hasSize(1);

        HttpResponse<String> forged = post(null, "forged.pdf", pdf);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(attached()).hasSize(1);
    }

    @Test
    void aVisibilityTheFormNeverOffersIsA400NamingTheFieldAndNothingIsKept() throws Exception {
        int before = attached().size();
        HttpResponse<String> refused = post(Csrf.forSession(sid), "release.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "EVERYONE");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("visibility").contains("PARTNER");
        assertThat(attached()).hasSize(before);
    }
}
