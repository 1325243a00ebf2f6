package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.PageRequest;

/** Adding and editing an employer in a real browser: every problem at once next to its field, and a concurrent edit shown, not lost. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmployerFormBrowserTest extends BrowserTestBase {
    EmployerFormBrowserTest() {
        super("employerform", "employer-form");
    }

    @Test
    void everyProblemIsShownAtOnceNextToItsFieldThenTheCorrectedFormAddsTheEmployer() {
        long before = fixture.admin.employers().count(EmployerFilter.ALL);
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers");
        browser.find("a[href='/employers/new']").click();
        browser.waitUntilPathStarts("/employers/new");
        browser.checkAccessibility("add employer");
        browser.type("f-fein", "07-1234567");
        browser.type("f-naics", "999999");
        browser.type("f-estName", "Plant 2");
        browser.type("f-estZip", "6110");
        browser.type("f-employees", "-5"); // crm-core refuses it (a number input takes no letters)
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#error-summary");
        browser.shot("all-problems");

        List<String> summary = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(summary).hasSize(5);
        assertThat(summary.get(0)).startsWith("Legal name:");
        assertThat(summary).anyMatch(s -> s.startsWith("FEIN:")).anyMatch(s -> s.startsWith("NAICS code:"))
                .anyMatch(s -> s.startsWith("Employees:")).anyMatch(s -> s.startsWith("ZIP:"));
        for (String field : List.of("legalName", "fein", "naics", "employees", "estZip")) {
            WebElement input = browser.find("#f-" + field);
            assertThat(input.getAttribute("aria-invalid")).as(field).isEqualTo("true");
            assertThat(input.getAttribute("aria-describedby")).as(field).contains("f-" + field + "-error");
            assertThat(browser.text("#f-" + field + "-error")).as(field).isNotBlank();
        }
        assertThat(browser.text("#f-fein-error")).contains("FEIN: prefix 07"); // the message next to the field names it too
        assertThat(browser.text("#f-estZip-error")).contains("ZIP: must be a ZIP");
        assertThat(browser.find("#f-naics").getAttribute("value")).isEqualTo("999999"); // what was typed stays
        // the summary focuses itself (screen readers announce it) and its links move to the field
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        browser.find("#error-summary a[href='#f-fein']").click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("f-fein");
        browser.checkAccessibility("add employer refused");
        browser.assertReflowsAt320("add employer refused");
        assertThat(fixture.admin.employers().count(EmployerFilter.ALL)).isEqualTo(before);

        browser.type("f-legalName", "Prairie <script>window.__xss=1</script> Foods");
        browser.type("f-fein", "36-1234567");
        browser.type("f-naics", "311812");
        browser.type("f-estZip", "61101");
        browser.type("f-employees", "120");
        browser.type("f-estCity", "Rockford");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        browser.shot("added");
        assertThat(browser.path()).startsWith("/employers/");
        assertThat(browser.text("h1")).isEqualTo("Prairie <script>window.__xss=1</script> Foods");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.text(".flash")).contains("Added");
        Employer saved = stored("Prairie");
        assertThat(saved.fein().value()).isEqualTo("361234567");
        assertThat(saved.employees()).isEqualTo(120);
        assertThat(saved.primaryEstablishment().orElseThrow().address().zip()).isEqualTo("61101");
        browser.checkAccessibility("employer added");
    }

    @Test
    void aConcurrentSaveIsShownWithWhatIsStoredAndTheTypedValuesAreKept() {
        Employer before = stored("Gearworks");
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers/" + before.id().asString());
        browser.find("a[href$='/edit']").click();
        browser.waitUntilPathStarts("/employers/" + before.id().asString() + "/edit");
        browser.type("f-website", "https://gearworks.example");
        // meanwhile a colleague renames it
        var colleague = fixture.app.crm().as(WebFixture.STAFF_A);
        colleague.employers().update(before.id(), before.version(), before.withLegalName("Gearworks Precision Mfg. LLC"));

        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#conflict");
        browser.shot("conflict");
        assertThat(browser.text("#conflict")).contains("Someone else saved").contains("Legal name").contains("Gearworks Precision Mfg. LLC")
                .contains("Website").contains("https://gearworks.example");
        assertThat(browser.find("#f-website").getAttribute("value")).isEqualTo("https://gearworks.example"); // nothing typed is lost
        assertThat(stored("Gearworks").website()).isNull(); // and nothing was overwritten unseen
        browser.checkAccessibility("edit conflict");

        browser.type("f-legalName", "Gearworks Precision Mfg. LLC"); // take the colleague's name, keep my website
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        Employer after = stored("Gearworks");
        assertThat(after.legalName()).isEqualTo("Gearworks Precision Mfg. LLC");
        assertThat(after.website()).isEqualTo("https://gearworks.example");
        assertThat(after.version()).isEqualTo(before.version() + 2);
        assertThat(after.primaryEstablishment().orElseThrow().id()).isEqualTo(before.primaryEstablishment().orElseThrow().id());
    }

    @Test
    void aViewerHasNoFormAndTheServerRefusesOne() {
        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/employers");
        assertThat(browser.all("a[href='/employers/new']")).isEmpty();
        browser.open("/employers/" + stored("Gearworks").id().asString());
        assertThat(browser.all("a[href$='/edit']")).isEmpty();
        browser.open("/employers/new");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        // a hand-made post with the viewer's own valid token is refused by the server as well
        browser.open("/employers");
        String token = browser.find("form[action='/logout'] input[name=_csrf]").getAttribute("value");
        ((JavascriptExecutor) browser.driver()).executeScript("var f=document.createElement('form');f.method='post';f.action='/employers';"
                + "[['_csrf',arguments[0]],['legalName','Viewer Made Inc'],['status','PROSPECT']].forEach(function(p){var i=document.createElement('input');"
                + "i.type='hidden';i.name=p[0];i.value=p[1];f.appendChild(i);});document.body.appendChild(f);f.submit();", token);
        browser.waitFor("h1");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> browser.text("h1").equals("Not allowed"));
        assertThat(fixture.admin.employers().list(EmployerFilter.ALL, PageRequest.first(50)).items())
                .noneMatch(e -> e.legalName().equals("Viewer Made Inc"));
    }

    @Test
    void aLikelyDuplicateIsShownBeforeAnythingIsStoredAndAddingItAnywayIsAudited() {
        long before = fixture.admin.employers().count(EmployerFilter.ALL);
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/employers/new");
        browser.type("f-legalName", "GEARWORKS PRECISION MFG, INC.");
        browser.type("f-estName", "Main plant");
        browser.type("f-estStreet", "1 Foundry Road");
        browser.type("f-estCity", "Rockford");
        browser.type("f-estZip", "61101");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#duplicates");
        browser.shot("duplicate-warning");

        assertThat(browser.all("#duplicates li a")).extracting(a -> a.getAttribute("href"))
                .anyMatch(h -> h.endsWith("/employers/" + fixture.employer.id().asString()));
        assertThat(browser.text("#duplicates")).contains("Gearworks Precision Manufacturing");
        assertThat(fixture.admin.employers().count(EmployerFilter.ALL)).as("nothing stored before the user decides").isEqualTo(before);
        assertThat(browser.find("#f-legalName").getAttribute("value")).isEqualTo("GEARWORKS PRECISION MFG, INC.");
        browser.checkAccessibility("duplicate warning");

        browser.find("input[name=createAnyway]").click();
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.text(".flash")).contains("Added");
        Employer added = stored("GEARWORKS");
        assertThat(fixture.admin.audit().history(org.sectorcrm.core.type.AggregateTypes.EMPLOYER, added.id(), PageRequest.first(10)).items())
                .anyMatch(e -> e.toString().contains(org.sectorcrm.core.EmployerOperations.CREATED_DESPITE_DUPLICATES));
    }

    private Employer stored(String namePrefix) {
        return fixture.admin.employers().list(EmployerFilter.ALL, PageRequest.first(50)).items().stream()
                .filter(e -> e.legalName().startsWith(namePrefix)).findFirst().orElseThrow();
    }
}
