package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.DoNotContact;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.testing.TestDatabase;

/**
 * The employer form's do-not-contact fields as a browser posts them: the flag is set with who set it, shown on the
 * employer page, kept (still its setter's) when another field is edited, refused without its reason naming the field,
 * and cleared with both fields empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoNotContactFormTest {
    private final TestDatabase database = TestDatabase.sqlite();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private CrmApplication app;
    private String base;
    private String sid;
    private StaffUser admin;

    @BeforeAll
    void start() throws Exception {
        database.start("dnc-form");
        String file = database.url().substring("jdbc:sqlite:".length());
        app = new CrmApplication(StorageFactory.open(file), Clock.systemUTC());
        admin = app.initialise(WebFixture.PASSWORD.toCharArray(), WebFixture.ADMIN, false, 1);
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

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", Csrf.forSession(sid));
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", ApiServer.SESSION_COOKIE + "=" + sid)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", ApiServer.SESSION_COOKIE + "=" + sid).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> form(Employer e, String since, String reason, String website) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", Long.toString(e.version()));
        f.put("legalName", e.legalName());
        f.put("status", e.status().name());
        f.put("website", website);
        f.put("dncSince", since);
        f.put("dncReason", reason);
        return f;
    }

    @Test
    void theFormSetsKeepsRefusesAndClearsTheFlag() throws Exception {
        Employer e = app.crm().as(admin).employers().create(Employer.named("Form Post Foundry"));
        String path = "/employers/" + e.id().asString();
        HttpResponse<String> set = post(path, form(e, "2026-11-20", "Asked by letter not to be approached", ""));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        e = app.crm().as(admin).employers().get(e.id());
        assertThat(e.doNotContact()).isEqualTo(new DoNotContact(LocalDate.of(2026, 11, 20), "Asked by letter not to be approached", admin.id()));
        assertThat(get(path).body()).contains("<strong>Do not contact</strong> since 2026-11-20: Asked by letter not to be approached");
        assertThat(get(path + "/edit").body()).contains("value=\"2026-11-20\"").contains("Reason not to contact");

        assertThat(post(path, form(e, "2026-11-20", "Asked by letter not to be approached", "https://foundry.example")).statusCode()).isEqualTo(303);
        e = app.crm().as(admin).employers().get(e.id());
        assertThat(e.website()).isEqualTo("https://foundry.example");
        assertThat(e.doNotContact()).as("editing another field keeps the flag").isNotNull();

        HttpResponse<String> refused = post(path, form(e, "2026-11-21", "", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Reason not to contact").contains("is required with a do-not-contact date");

        assertThat(post(path, form(e, "", "", "")).statusCode()).isEqualTo(303);
        assertThat(app.crm().as(admin).employers().get(e.id()).doNotContact()).as("both fields empty clear it").isNull();
    }
}
