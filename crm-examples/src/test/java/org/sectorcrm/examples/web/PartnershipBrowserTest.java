package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.partnership.PartnershipFilter;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Sector;

/**
 * Sector partnerships in a real browser: convening one (every problem at once first), then on its page adding a
 * champion, a support partner, a priority, an action team and a commitment, recording its fulfilment (refused above the
 * pledge), and moving the stage with only the moves the playbook allows. A form on a partnership changed meanwhile saves
 * nothing and keeps what was typed; a viewer sees no forms. Names carry a script payload shown as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnershipBrowserTest extends BrowserTestBase {
    static final String PAYLOAD = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>";

    PartnershipBrowserTest() {
        super("partnerships", "partnerships");
    }

    @BeforeAll
    void referenceData() {
        fixture.admin.reference().regions().create(Region.of("nil-stateline", "Northern Stateline", RegionKind.ECONOMIC_DEVELOPMENT_REGION,
                List.of("Winnebago", "Boone")));
        fixture.admin.reference().sectors().create(Sector.of("adv-mfg", "Advanced manufacturing", List.of("333")));
    }

    @Test
    void conveneAPartnershipAndBuildItUp() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.find("nav a[href='/partnerships']").click();
        browser.waitFor("h1");
        browser.checkAccessibility("partnership list");
        browser.find("a[href='/partnerships/new']").click();
        browser.waitFor("#f-name");
        browser.checkAccessibility("convene a partnership");
        submit("form[action='/partnerships'] button[type=submit]", "#error-summary");
        List<String> problems = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(problems).hasSize(3).anyMatch(s -> s.startsWith("Name:")).anyMatch(s -> s.startsWith("Region:")).anyMatch(s -> s.startsWith("Sector:"));
        assertThat(browser.find("#f-region").getAttribute("aria-invalid")).isEqualTo("true");
        browser.shot("convene-refused");
        browser.checkAccessibility("convene refused");
        browser.assertReflowsAt320("convene refused");

        browser.type("f-name", "Stateline Manufacturing " + PAYLOAD);
        browser.choose("f-region", "nil-stateline");
        browser.choose("f-sector", "adv-mfg");
        submit("form[action='/partnerships'] button[type=submit]", ".flash");
        assertThat(browser.text("h1")).isEqualTo("Stateline Manufacturing " + PAYLOAD);
        assertThat(browser.text("#f-stage")).isEqualTo("Building consensus");
        assertThat(browser.text("[aria-current=step]")).contains("Building consensus");
        assertThat(moveButtons()).containsExactlyInAnyOrder("Move to: Organizing launch", "Mark dormant");
        browser.checkAccessibility("partnership page, new");

        submit("form[action$='/members'] button", "#error-summary");
        assertThat(browser.text("#error-summary")).contains("Member employer:");
        assertThat(browser.find("#f-memberEmployer").getAttribute("aria-invalid")).isEqualTo("true");
        browser.checkAccessibility("add member refused");
        browser.choose("f-memberEmployer", fixture.employer.id().asString());
        browser.choose("f-memberRole", "CHAMPION");
        submit("form[action$='/members'] button", ".flash");
        assertThat(browser.text("section[aria-labelledby=members] table")).contains("Gearworks Precision Manufacturing").contains("Champion");

        browser.choose("f-supportPartner", fixture.partnerB.id().asString());
        submit("form[action$='/support-partners'] button", ".flash");
        assertThat(browser.text("#support")).isEqualTo("Rock Valley College");

        browser.type("f-priorityTitle", "Shared CNC pipeline " + PAYLOAD);
        browser.choose("f-priorityArea", "SKILLS_TRAINING");
        submit("form[action$='/priorities'] button", ".flash");
        assertThat(browser.text("section[aria-labelledby=priorities] table")).contains("Shared CNC pipeline " + PAYLOAD).contains("Planned");

        browser.type("f-teamName", "Curriculum team");
        browser.choose("f-teamPriority", "Shared CNC pipeline " + PAYLOAD);
        submit("form[action$='/action-teams'] button", ".flash");
        assertThat(browser.text("section[aria-labelledby=teams] table")).contains("Curriculum team");

        browser.choose("f-commitmentMember", fixture.employer.id().asString());
        browser.choose("f-commitmentKind", "TIME");
        browser.type("f-commitmentDescription", "Machinists mentor apprentices");
        browser.type("f-commitmentValue", "40");
        submit("form[action$='/commitments'] button", ".flash");
        assertThat(browser.text("tr.commitment")).contains("40 hours").contains("0 hours (0%)");

        browser.type("f-fulfilled-0", "50");
        submit("form[action$='/fulfilment'] button", "#error-summary");
        assertThat(browser.text("#error-summary")).contains("Delivered so far (commitment 1):").contains("cannot exceed");
        assertThat(browser.find("#f-fulfilled-0").getAttribute("value")).isEqualTo("50");
        browser.type("f-fulfilled-0", "10");
        submit("form[action$='/fulfilment'] button", ".flash");
        assertThat(browser.text("tr.commitment")).contains("10 hours (25%)");

        clickMove("Move to: Organizing launch");
        assertThat(browser.text("#f-stage")).isEqualTo("Organizing launch");
        assertThat(moveButtons()).containsExactlyInAnyOrder("Move to: Launched", "Mark dormant");
        assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
        browser.shot("partnership");
        browser.checkAccessibility("partnership page, built up");
        browser.assertReflowsAt320("partnership page");

        SectorPartnership stored = stored("Stateline");
        assertThat(stored.stage()).isEqualTo(PartnershipStage.ORGANIZING_LAUNCH);
        assertThat(stored.members()).hasSize(1);
        assertThat(stored.supportPartners()).containsExactly(fixture.partnerB.id());
        assertThat(stored.actionTeams()).singleElement().satisfies(t -> assertThat(t.priority()).startsWith("Shared CNC pipeline"));
        assertThat(stored.commitments()).singleElement().satisfies(c -> assertThat(c.fulfilled()).isEqualByComparingTo(BigDecimal.TEN));

        browser.open("/partnerships");
        assertThat(browser.text("table")).contains("Stateline Manufacturing " + PAYLOAD).contains("Organizing launch");
        browser.shot("list");
        browser.checkAccessibility("partnership list with a row");
        browser.assertReflowsAt320("partnership list");
        browser.open("/employers/" + fixture.employer.id().asString()); // the employer page links its partnership
        assertThat(browser.text("section[aria-labelledby=partnerships]")).contains("Stateline Manufacturing").contains("(champion, organizing launch)");
        browser.checkAccessibility("employer page with its partnership");
        browser.open("/partnerships?stage=DORMANT");
        assertThat(browser.all("table")).isEmpty(); // the filter is in the URL, so it can be bookmarked
        browser.shot("list-dormant");
    }

    @Test
    void aFormOnAPartnershipChangedMeanwhileSavesNothing() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        SectorPartnership sp = ann.partnerships().create(SectorPartnership.convened("Riverside Food Partnership",
                new org.sectorcrm.core.reference.RegionCode("nil-stateline"), new org.sectorcrm.core.reference.SectorCode("adv-mfg"), ann.actor().partner()));
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/partnerships/" + sp.id().asString());
        browser.type("f-priorityTitle", "Cold-chain logistics");
        browser.choose("f-priorityArea", "SUPPLY_CHAIN");
        ann.partnerships().advanceTo(sp.id(), sp.version(), PartnershipStage.ORGANIZING_LAUNCH); // meanwhile
        submit("form[action$='/priorities'] button", "#conflict");
        browser.shot("conflict");
        assertThat(browser.text("#conflict")).contains("organizing launch now").contains("Nothing was saved");
        assertThat(browser.find("#f-priorityTitle").getAttribute("value")).isEqualTo("Cold-chain logistics");
        assertThat(browser.text("#f-stage")).isEqualTo("Organizing launch");
        browser.checkAccessibility("partnership conflict");
        assertThat(fixture.admin.partnerships().get(sp.id()).priorities()).isEmpty();
    }

    @Test
    void aViewerSeesThePartnershipButNoForms() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        SectorPartnership sp = ann.partnerships().create(SectorPartnership.convened("Viewer Visible Partnership",
                new org.sectorcrm.core.reference.RegionCode("nil-stateline"), new org.sectorcrm.core.reference.SectorCode("adv-mfg"), ann.actor().partner()));
        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/partnerships/" + sp.id().asString());
        assertThat(browser.text("h1")).isEqualTo("Viewer Visible Partnership");
        assertThat(browser.all("main form")).isEmpty();
        browser.open("/partnerships");
        assertThat(browser.all("a[href='/partnerships/new']")).isEmpty();
    }

    private List<String> moveButtons() {
        return browser.all("form[action$='/stage'] button").stream().map(WebElement::getText).toList();
    }

    private void clickMove(String label) {
        WebElement b = browser.all("form[action$='/stage'] button").stream().filter(x -> x.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
        PageWait.clickAndWait(browser, b, ".flash");
    }

    /** Submits and waits for the next page (the page before may show a message too). */
    private void submit(String buttonCss, String expect) {
        WebElement b = browser.find(buttonCss);
        PageWait.clickAndWait(browser, b, expect);
    }

    private SectorPartnership stored(String prefix) {
        return fixture.admin.partnerships().list(PartnershipFilter.ALL, PageRequest.first(50)).items().stream()
                .filter(p -> p.name().startsWith(prefix)).findFirst().orElseThrow();
    }
}
