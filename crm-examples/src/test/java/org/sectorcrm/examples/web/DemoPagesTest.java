package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.examples.CrmApplication;
import org.sectorcrm.examples.StorageFactory;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.testing.TestDatabase;

/**
 * What a new user of {@code serve --demo} opens first: the demo region (500 employers, needs and solutions in every
 * status, partnerships at every stage) on a SQLite file, served on loopback, and every needs, solutions, partnerships
 * and appointments page fetched over HTTP with a session cookie: each answers 200 with its page, none fails on the
 * demo's data. (The browser tests check behaviour and accessibility; this one checks the realistic data renders.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPagesTest {
    private final TestDatabase database = TestDatabase.sqlite();
    private final HttpClient http = HttpClient.newHttpClient();
    private CrmApplication app;
    private ApiServer server;
    private CrmSession admin;
    private String cookie;

    @BeforeAll
    void demo() throws Exception {
        database.start("demopages");
        app = new CrmApplication(StorageFactory.open(database.url().substring("jdbc:sqlite:".length())), Clock.systemUTC());
        StaffUser root = app.initialise(WebFixture.PASSWORD.toCharArray(), WebFixture.ADMIN, true, 2026);
        admin = app.crm().as(root);
        server = app.start("127.0.0.1", 0);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + ApiServer.BASE + "/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + WebFixture.ADMIN + "\",\"password\":\"" + WebFixture.PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(ApiServer.SESSION_COOKIE + "=")).findFirst().orElseThrow()
                .split(";")[0];
    }

    @AfterAll
    void close() throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            database.stop();
        }
    }

    @Test
    void everyPartnershipNeedSolutionAndAppointmentPageOfTheDemoRenders() throws Exception {
        List<String> paths = new ArrayList<>(List.of("/partnerships", "/partnerships/new", "/partnerships?stage=SUSTAINING", "/appointments",
                "/appointments/week", "/appointments/week?start=2026-01-05&whose=partner", "/appointments/calendar"));
        List<SectorPartnership> partnerships = admin.partnerships().list(PartnershipFilter.ALL, PageRequest.first(100)).items();
        assertThat(partnerships).isNotEmpty();
        partnerships.forEach(p -> paths.add("/partnerships/" + p.id().asString()));
        List<BusinessNeed> needs = admin.needs().list(NeedFilter.ALL, PageRequest.first(40)).items();
        assertThat(needs).isNotEmpty();
        for (BusinessNeed n : needs) {
            paths.add("/needs/" + n.id().asString());
            paths.add("/employers/" + n.employer().asString() + "/solutions/new?need=" + n.id().asString());
        }
        List<Solution> solutions = admin.solutions().list(SolutionFilter.ALL, PageRequest.first(40)).items();
        assertThat(solutions).isNotEmpty();
        solutions.forEach(s -> paths.add("/solutions/" + s.id().asString()));
        BusinessNeed first = needs.get(0);
        paths.add("/employers/" + first.employer().asString());
        paths.add("/employers/" + first.employer().asString() + "/needs/new");
        paths.add("/employers/" + first.employer().asString() + "/appointments/new");
        Appointment a = admin.appointments().create(Appointment.scheduled(first.employer(), admin.actor().partner(), admin.actor().user(),
                "Demo check-in", java.time.LocalDate.now().plusDays(1).atTime(9, 0), java.time.LocalDate.now().plusDays(1).atTime(10, 0),
                ZoneId.of("America/Chicago")));
        paths.add("/appointments/" + a.id().asString());

        for (String path : paths) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
            assertThat(page.body()).as("GET %s", path).contains("<main id=\"main\"").doesNotContain("Something went wrong");
        }
        String employer = http.send(HttpRequest.newBuilder(URI.create(base() + "/employers/" + first.employer().asString())).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(employer).contains("href=\"/needs/" + first.id().asString() + "\"").contains("href=\"/appointments/" + a.id().asString() + "\"");
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
