package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentStatus;
import org.sectorcrm.core.referral.Referral;

/**
 * Appointments in a real browser: scheduled from the employer page (every problem at once first) with a contact and a
 * staff member of another partner in another time zone; in the list, in its week (prev/next links in the URL), as an
 * .ics file; moved to held, or cancelled with a reason; scheduled from a referral by the other partner; a stale move
 * saves nothing; the calendar feed made, read by a "calendar program" and revoked. Titles carry a script payload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentBrowserTest extends BrowserTestBase {
    static final String PAYLOAD = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>";
    private final HttpClient http = HttpClient.newHttpClient();

    AppointmentBrowserTest() {
        super("appointments", "appointments");
    }

    @Test
    void scheduleFromTheEmployerSeeItInTheListWeekAndIcsThenHoldIt() throws Exception {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers/" + fixture.employer.id().asString());
        browser.find("a[href$='/appointments/new']").click();
        browser.waitFor("#f-title");
        browser.shot("form");
        browser.checkAccessibility("schedule an appointment");
        LocalDate day = WebFixture.today().plusDays(2);
        browser.set("f-start", day + "T10:00");
        browser.set("f-end", day + "T09:00");
        browser.type("f-videoLink", "ftp://meet.example/x");
        submit("form.form button[type=submit]", "#error-summary");
        List<String> problems = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(problems).hasSize(3).anyMatch(s -> s.startsWith("Title:")).anyMatch(s -> s.startsWith("Ends:")).anyMatch(s -> s.startsWith("Video link:"));
        assertThat(browser.find("#f-end").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-videoLink").getAttribute("value")).isEqualTo("ftp://meet.example/x");
        browser.shot("refused");
        browser.checkAccessibility("schedule refused");
        browser.assertReflowsAt320("schedule refused");
        assertThat(appointments()).isEmpty();

        browser.type("f-title", "Apprenticeship planning " + PAYLOAD);
        browser.set("f-end", day + "T11:30");
        browser.choose("f-zone", "America/New_York");
        browser.type("f-location", "1 Foundry Rd, Rockford");
        browser.type("f-videoLink", "https://meet.example/gearworks");
        browser.tick("contacts", "Maria Lopez", true);
        browser.tick("staff", "Bo College", true);
        submit("form.form button[type=submit]", ".flash");
        assertThat(browser.path()).startsWith("/appointments/");
        String page = browser.path();
        assertThat(browser.text("h1")).isEqualTo("Appointment: Apprenticeship planning " + PAYLOAD);
        assertThat(browser.text("#when")).contains(day + ", 10:00–11:30").contains("America/New_York");
        assertThat(browser.text("#contacts")).contains("Maria Lopez");
        assertThat(browser.text("#staff")).contains("Bo College (Rock Valley College)");
        assertThat(browser.text("#f-status")).isEqualTo("Scheduled");
        browser.shot("scheduled");
        browser.checkAccessibility("appointment page");
        browser.assertReflowsAt320("appointment page");
        Appointment stored = appointments().get(0);
        assertThat(stored.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(stored.organizer()).isEqualTo(fixture.app.crm().as(WebFixture.STAFF_A).actor().user());

        // the .ics download, fetched by the page itself with the session cookie
        Object ics = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('a[href$=\".ics\"]').href).then(r => r.text()).then(done, e => done('failed ' + e));");
        assertThat((String) ics).contains("BEGIN:VCALENDAR").contains("SUMMARY:Apprenticeship planning").contains("America/New_York");

        browser.find("nav a[href='/appointments']").click();
        browser.waitFor("#mine");
        assertThat(browser.text("section[aria-labelledby=mine]")).contains("Apprenticeship planning " + PAYLOAD).contains("Gearworks");
        browser.checkAccessibility("appointment list");
        browser.assertReflowsAt320("appointment list");
        browser.find("a[href='/appointments/week']").click();
        browser.waitFor("table.week-table");
        browser.open("/appointments/week?start=" + day);
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        assertThat(browser.text("h1")).isEqualTo("Week of " + monday);
        assertThat(browser.text("#day-" + day)).contains("10:00–11:30").contains("Apprenticeship planning " + PAYLOAD);
        assertThat(browser.all("tbody tr")).hasSize(7);
        browser.shot("week");
        browser.checkAccessibility("week view");
        browser.assertReflowsAt320("week view");
        browser.find("a[rel=next]").click();
        browser.waitUntilPathStarts("/appointments/week?start=" + monday.plusWeeks(1));
        assertThat(browser.text("main table")).doesNotContain("Apprenticeship planning");
        browser.find("a[rel=prev]").click();
        browser.waitUntilPathStarts("/appointments/week?start=" + monday);
        assertThat(browser.text("#day-" + day)).contains("Apprenticeship planning");
        assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);

        browser.open(page);
        submit("form[action$='/hold'] button", ".flash");
        assertThat(browser.text("#f-status")).isEqualTo("Held");
        assertThat(browser.all("main form")).isEmpty(); // a held appointment moves no further
        assertThat(browser.all("a[href='/employers/" + fixture.employer.id().asString() + "/engagements/new']")).hasSize(1);
        assertThat(fixture.admin.appointments().get(stored.id()).status()).isEqualTo(AppointmentStatus.HELD);
    }

    @Test
    void cancelWithAReasonAndAStaleMoveSavesNothing() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        Appointment one = schedule(ann, "Site tour");
        Appointment two = schedule(ann, "Hiring fair prep");
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/appointments/" + one.id().asString());
        browser.type("f-cancelReason", "The plant is closed for inventory " + PAYLOAD);
        submit("form[action$='/cancel'] button", ".flash");
        assertThat(browser.text("#f-status")).isEqualTo("Cancelled");
        assertThat(browser.text("#cancel-reason")).isEqualTo("The plant is closed for inventory " + PAYLOAD);

        browser.open("/appointments/" + two.id().asString());
        ann.appointments().noShow(two.id(), two.version()); // meanwhile
        submit("form[action$='/hold'] button", "#conflict");
        browser.shot("conflict");
        assertThat(browser.text("#conflict")).contains("no show now").contains("Nothing was saved");
        assertThat(browser.all("main form")).isEmpty();
        browser.checkAccessibility("appointment conflict");
        assertThat(fixture.admin.appointments().get(two.id()).status()).isEqualTo(AppointmentStatus.NO_SHOW);
    }

    @Test
    void theReceivingPartnerSchedulesFromAReferral() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        Referral sent = ann.referrals().create(Referral.sent(ann.actor().partner(), ann.actor().user(), fixture.partnerB.id(), fixture.employer.id(),
                "Customized training for welders", WebFixture.today(), null));
        browser.signIn(WebFixture.STAFF_B, WebFixture.PASSWORD);
        browser.open("/referrals/" + sent.id().asString());
        browser.find("a[href*='/appointments/new?referral=']").click();
        browser.waitFor("#f-title");
        assertThat(browser.find("#f-title").getAttribute("value")).isEqualTo("Referral: Customized training for welders");
        browser.tick("staff", "Ann Board", true);
        submit("form.form button[type=submit]", ".flash");
        assertThat(browser.find("a[href='/referrals/" + sent.id().asString() + "']").getText()).contains("referral");
        Appointment a = fixture.admin.appointments().list(new AppointmentFilter(null, sent.id(), null, null, null, null, null), PageRequest.first(5))
                .items().get(0);
        assertThat(a.organizerPartner()).isEqualTo(fixture.partnerB.id());
        browser.signOut();
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD); // an attendee: it is in Ann's own list
        browser.open("/appointments");
        assertThat(browser.text("section[aria-labelledby=mine]")).contains("Referral: Customized training for welders");
    }

    @Test
    void aCalendarFeedIsMadeReadAndRevoked() throws Exception {
        schedule(fixture.app.crm().as(WebFixture.STAFF_A), "Feed check meeting");
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/appointments");
        browser.find("a[href='/appointments/calendar']").click();
        browser.waitFor("#f-name");
        browser.checkAccessibility("calendar subscription");
        browser.type("f-name", "Work laptop " + PAYLOAD);
        submit("form[action='/appointments/calendar-feeds'] button", "#feed-url");
        String url = browser.find("#feed-url").getAttribute("value");
        assertThat(url).startsWith(fixture.base() + "/api/v1/calendar/scal_").endsWith(".ics");
        assertThat(browser.text("tr.feed")).contains("Work laptop " + PAYLOAD);
        browser.shot("feed");
        browser.checkAccessibility("calendar feed issued");
        browser.assertReflowsAt320("calendar feed issued");
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("BEGIN:VCALENDAR").contains("Feed check meeting");

        browser.open("/appointments/calendar");
        assertThat(browser.all("#feed-url")).isEmpty(); // shown once only
        submit("form[action$='/revoke'] button", ".flash");
        assertThat(browser.all("tr.feed")).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aViewerSeesTheAppointmentButNoForms() {
        Appointment a = schedule(fixture.app.crm().as(WebFixture.STAFF_A), "Viewer visible meeting");
        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/appointments/" + a.id().asString());
        assertThat(browser.text("h1")).isEqualTo("Appointment: Viewer visible meeting");
        assertThat(browser.all("main form")).isEmpty();
    }

    private Appointment schedule(CrmSession s, String title) {
        LocalDateTime start = WebFixture.today().plusDays(3).atTime(14, 0);
        return s.appointments().create(Appointment.scheduled(fixture.employer.id(), s.actor().partner(), s.actor().user(), title, start,
                start.plusHours(1), ZoneId.of("America/Chicago")));
    }

    private void submit(String buttonCss, String expect) {
        WebElement b = browser.find(buttonCss);
        PageWait.clickAndWait(browser, b, expect);
    }

    private List<Appointment> appointments() {
        return fixture.admin.appointments().list(AppointmentFilter.ALL, PageRequest.first(50)).items().stream()
                .filter(a -> a.title().startsWith("Apprenticeship planning")).toList();
    }
}
