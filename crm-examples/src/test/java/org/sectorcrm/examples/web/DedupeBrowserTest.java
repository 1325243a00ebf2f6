package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;

/**
 * The duplicate review queue in a real browser: two near-duplicate employers at one address are listed with reasons, an
 * unrelated one is not; "Not a duplicate" takes another pair off the queue; a MANAGER previews the merge field by field
 * with what moves, is refused a merge of an employer changed since the preview, merges, the merged id's page leads to
 * the survivor, and the unmerge restores both; a VIEWER neither sees the link nor opens the queue.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DedupeBrowserTest extends BrowserTestBase {
    private Employer acme;
    private Employer acmeCaps;
    private Employer zephyr;
    private Employer blackhawk;
    private Employer blackhawkLlc;
    private Employer prairie;
    private Employer prairieCopy;

    DedupeBrowserTest() {
        super("dedupe", "dedupe");
    }

    @Override
    protected void beforeStart(org.sectorcrm.examples.CrmApplication app) {
        CrmSession ann = app.crm().as(WebFixture.STAFF_A);
        acme = ann.employers().create(at("Acme Tool & Die, Inc.", "200 Mill St", "61104"));
        acmeCaps = ann.employers().create(at("ACME TOOL AND DIE", "200 Mill St", "61104"));
        ann.contacts().create(new Contact(null, null, acmeCaps.id(), "Dana", "Reyes", "Plant Manager",
                org.sectorcrm.core.reference.EmailAddress.parse("dana.reyes@acmetool.example"), null, Set.of(), List.of(), true));
        zephyr = ann.employers().create(at("Zephyr Dental Group", "9 Lake Shore Dr", "60611"));
        blackhawk = ann.employers().create(at("Blackhawk Plastics", "77 Kishwaukee St", "61109"));
        blackhawkLlc = ann.employers().create(at("Blackhawk Plastics LLC", "77 Kishwaukee St", "61109"));
        prairie = ann.employers().create(at("Prairie Welding Co.", "5 Harrison Ave", "61102").withWebsite("https://old-prairie.example"));
        prairieCopy = ann.employers().create(at("PRAIRIE WELDING", "5 Harrison Ave", "61102").withWebsite("https://prairiewelding.example"));
    }

    private static Employer at(String name, String street, String zip) {
        return Employer.named(name).withEstablishments(List.of(Establishment.primary("Main", new Address(street, "Rockford", "IL", zip), "Winnebago")));
    }

    @Test
    void aViewerIsRefusedTheQueue() {
        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        assertThat(browser.all("nav a[href='/dedupe']")).isEmpty();
        browser.open("/dedupe");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        assertThat(browser.text(".error-summary")).contains("VIEWER").contains("STAFF and above");
    }

    @Test
    void staffMarkAPairAndAManagerMergesAndUnmerges() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.find("nav a[href='/dedupe']").click();
        browser.waitFor("#pairs");
        WebElement acmePair = pair(acme, acmeCaps);
        assertThat(acmePair.findElements(org.openqa.selenium.By.cssSelector(".reasons li"))).isNotEmpty();
        assertThat(acmePair.getText()).contains("Acme Tool & Die, Inc.").contains("ACME TOOL AND DIE");
        assertThat(browser.find("#pairs").getText()).doesNotContain("Zephyr");
        browser.checkAccessibility("duplicate review");
        browser.assertReflowsAt320("duplicate review");

        pair(blackhawk, blackhawkLlc).findElement(org.openqa.selenium.By.cssSelector("form[action='/dedupe/not-duplicate'] button")).click();
        browser.waitFor(".flash");
        assertThat(browser.text(".flash")).contains("not a duplicate").contains("Blackhawk Plastics");
        assertThat(pairs(blackhawk, blackhawkLlc)).isEmpty();
        assertThat(pairs(acme, acmeCaps)).hasSize(1);
        browser.signOut();

        browser.signIn(WebFixture.ADMIN, WebFixture.PASSWORD);
        browser.open("/dedupe");
        WebElement row = pair(acme, acmeCaps);
        String survivor = row.getAttribute("data-first");
        String merged = row.getAttribute("data-second");
        row.findElement(org.openqa.selenium.By.cssSelector("a.merge")).click();
        browser.waitFor("#fields");
        assertThat(browser.text("#fields")).contains("legalName");
        assertThat(browser.text("#moving")).contains("1");
        browser.checkAccessibility("merge preview");
        browser.assertReflowsAt320("merge preview");

        // changed by someone else after the preview: the merge is refused, nothing merged
        Employer s = fixture.admin.employers().get(org.sectorcrm.core.employer.EmployerId.of(survivor));
        fixture.admin.employers().update(s.id(), s.version(), s.withWebsite("https://acmetool.example"));
        browser.find("form[method='post'][action='/dedupe/merge'] button[type=submit]").click();
        browser.waitForText("h1", "Changed meanwhile");
        assertThat(browser.text(".error-summary")).contains("was changed after the preview");
        assertThat(fixture.admin.dedupe().resolve(org.sectorcrm.core.employer.EmployerId.of(merged))).contains(
                org.sectorcrm.core.employer.EmployerId.of(merged));

        browser.open("/dedupe/merge?survivor=" + survivor + "&merged=" + merged);
        browser.find("form[method='post'][action='/dedupe/merge'] button[type=submit]").click();
        browser.waitUntilPathStarts("/dedupe/merges/" + merged);
        assertThat(browser.text(".flash")).contains("Merged");
        assertThat(browser.text("#moved")).contains("1");
        browser.checkAccessibility("merge done");

        browser.open("/employers/" + merged);
        browser.waitUntilPathStarts("/employers/" + survivor);
        assertThat(browser.text(".flash")).contains("was merged into this one");

        browser.open("/dedupe/merges/" + merged);
        browser.find("form[action='/dedupe/merges/" + merged + "/unmerge'] button").click();
        browser.waitFor(".flash");
        assertThat(browser.path()).isEqualTo("/employers/" + merged);
        assertThat(browser.text(".flash")).contains("Unmerged");
        assertThat(fixture.admin.employers().get(org.sectorcrm.core.employer.EmployerId.of(merged)).legalName()).isNotBlank();
        assertThat(fixture.admin.employers().get(org.sectorcrm.core.employer.EmployerId.of(survivor)).legalName()).isNotBlank();
    }

    /**
     * The user chooses field by field: the merged employer's website, previewed again with that choice, and merged with
     * it; an employer changed after that preview (here the merged one) makes the merge transaction refuse it.
     */
    @Test
    void aManagerChoosesAFieldFromTheMergedEmployerPreviewsItAndMergesWithIt() {
        browser.signIn(WebFixture.ADMIN, WebFixture.PASSWORD);
        browser.open("/dedupe/merge?survivor=" + prairie.id().asString() + "&merged=" + prairieCopy.id().asString());
        browser.waitFor("#fields");
        assertThat(browser.text("#fields tr[data-field='website'] td.result")).isEqualTo("https://old-prairie.example");
        browser.find("input[name='choice.website'][value='MERGED']").click();
        browser.find("#preview-choices").click();
        browser.waitForText("#fields tr[data-field='website'] td.result", "https://prairiewelding.example");
        assertThat(browser.find("input[name='choice.website'][value='MERGED']").isSelected()).isTrue();
        browser.checkAccessibility("merge preview with a choice");

        // the merged employer changes after this preview: refused inside the merge, nothing merged
        Employer copy = fixture.admin.employers().get(prairieCopy.id());
        fixture.admin.employers().update(copy.id(), copy.version(), copy.withEmployees(12));
        browser.find("form[method='post'][action='/dedupe/merge'] button[type=submit]").click();
        browser.waitForText("h1", "Changed meanwhile");
        assertThat(browser.text(".error-summary")).contains("PRAIRIE WELDING").contains("the merged employer").contains("was changed after the preview");
        assertThat(fixture.admin.dedupe().resolve(prairieCopy.id())).contains(prairieCopy.id());

        browser.open("/dedupe/merge?survivor=" + prairie.id().asString() + "&merged=" + prairieCopy.id().asString() + "&choice.website=MERGED");
        browser.waitFor("#fields");
        browser.find("form[method='post'][action='/dedupe/merge'] button[type=submit]").click();
        browser.waitUntilPathStarts("/dedupe/merges/" + prairieCopy.id().asString());
        assertThat(fixture.admin.employers().get(prairie.id()).website()).isEqualTo("https://prairiewelding.example");
        assertThat(fixture.admin.employers().get(prairie.id()).employees()).isEqualTo(12); // the survivor had none: the merged value
    }

    private WebElement pair(Employer a, Employer b) {
        List<WebElement> found = pairs(a, b);
        assertThat(found).as("the pair %s / %s is listed", a.legalName(), b.legalName()).hasSize(1);
        return found.get(0);
    }

    private List<WebElement> pairs(Employer a, Employer b) {
        String x = a.id().asString();
        String y = b.id().asString();
        return browser.all("tr.pair[data-first='" + x + "'][data-second='" + y + "'], tr.pair[data-first='" + y + "'][data-second='" + x + "']");
    }
}
