package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionFilter;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;

/**
 * Needs and solutions in a real browser: a need raised from the employer page (every problem at once first), moved
 * along its lifecycle; a solution proposed against it, moved with only the buttons crm-core allows; both linked from
 * the employer's timeline; a stale move saves nothing; a viewer sees no forms. Names and descriptions carry a script
 * payload that must show as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedsSolutionsBrowserTest extends BrowserTestBase {
    static final String PAYLOAD = "<script>window.pwned=1</script><img src=x onerror=window.pwned=2>";

    NeedsSolutionsBrowserTest() {
        super("needs", "needs-solutions");
    }

    @Test
    void raiseANeedProposeASolutionAndMoveBothAlong() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        String employerPath = "/employers/" + fixture.employer.id().asString();
        browser.open(employerPath);
        browser.find("a[href$='/needs/new']").click();
        browser.waitFor("#f-category");
        browser.shot("need-form");
        browser.checkAccessibility("raise a need");
        browser.choose("f-urgency", "HIGH");
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#error-summary");
        List<String> problems = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(problems).hasSize(2).anyMatch(s -> s.startsWith("Category:")).anyMatch(s -> s.startsWith("In the employer's words:"));
        assertThat(browser.find("#f-description").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-description").getAttribute("aria-describedby")).contains("f-description-error");
        assertThat(browser.find("#f-urgency").getAttribute("value")).isEqualTo("HIGH"); // what was chosen stays
        browser.shot("need-refused");
        browser.checkAccessibility("raise a need, refused");
        browser.assertReflowsAt320("raise a need, refused");
        assertThat(needs()).isEmpty();

        browser.choose("f-category", "HIRING");
        browser.type("f-description", "Twelve CNC machinists by spring " + PAYLOAD);
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.path()).startsWith("/needs/");
        String needPath = browser.path();
        assertThat(browser.text("#description")).isEqualTo("Twelve CNC machinists by spring " + PAYLOAD);
        assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.text("#status")).isEqualTo("Open");
        browser.shot("need");
        browser.checkAccessibility("need page");
        browser.assertReflowsAt320("need page");
        assertThat(browser.all("form[action$='/move'] button").stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("Start work on it", "Mark met", "Mark unmet", "Withdrawn by the employer");
        clickMove("Start work on it");
        assertThat(browser.text("#status")).isEqualTo("In progress");
        assertThat(browser.all("form[action$='/move'] button").stream().map(WebElement::getText).toList()).doesNotContain("Start work on it");

        browser.find("a[href*='/solutions/new?need=']").click();
        browser.waitFor("#f-type");
        assertThat(browser.find("#f-needs-0").isSelected()).isTrue(); // proposed from the need: it is ticked
        browser.checkAccessibility("propose a solution");
        browser.find("#f-needs-0").click();
        browser.type("f-cost", "lots");
        browser.set("f-startDate", WebFixture.today().plusDays(30).toString());
        browser.set("f-endDate", WebFixture.today().plusDays(10).toString());
        browser.find("form.form button[type=submit]").click();
        browser.waitFor("#error-summary");
        problems = browser.all("#error-summary li a").stream().map(WebElement::getText).toList();
        assertThat(problems).hasSize(5).anyMatch(s -> s.startsWith("Type:")).anyMatch(s -> s.startsWith("Name:"))
                .anyMatch(s -> s.startsWith("Needs it answers:")).anyMatch(s -> s.startsWith("Cost (US dollars):")).anyMatch(s -> s.startsWith("Ends:"));
        assertThat(browser.find("#f-cost").getAttribute("value")).isEqualTo("lots");
        browser.shot("solution-refused");
        browser.checkAccessibility("propose a solution, refused");
        browser.assertReflowsAt320("propose a solution, refused");

        browser.find("#f-needs-0").click();
        browser.choose("f-type", "REGISTERED_APPRENTICESHIP");
        browser.type("f-name", "Machinist apprenticeship " + PAYLOAD);
        browser.type("f-cost", "12500.00");
        browser.set("f-endDate", WebFixture.today().plusDays(200).toString());
        browser.tick("contributors", "Rock Valley College", true);
        browser.find("form.form button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.path()).startsWith("/solutions/");
        assertThat(browser.text("h1")).isEqualTo("Solution: Machinist apprenticeship " + PAYLOAD);
        assertThat(browser.text("#status")).isEqualTo("Proposed");
        assertThat(browser.text("main")).contains("Rock Valley College").contains("$12500.00");
        assertThat(browser.find("section[aria-labelledby=needs] a").getAttribute("href")).endsWith(needPath);
        // only the moves crm-core allows from PROPOSED: no jump to completed or delivery
        assertThat(browser.all("form[action$='/move'] button").stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder("Agreed with the employer", "Declined by the employer", "Cancel the solution");
        browser.shot("solution");
        browser.checkAccessibility("solution page");
        browser.assertReflowsAt320("solution page");
        clickMove("Agreed with the employer");
        assertThat(browser.text("#status")).isEqualTo("Agreed");
        clickMove("Start delivery");
        assertThat(browser.text("#status")).isEqualTo("In delivery");
        assertThat(solution().status()).isEqualTo(SolutionStatus.IN_DELIVERY);

        browser.open(employerPath);
        assertThat(browser.all(".timeline a[href='" + needPath + "']")).hasSize(1);
        assertThat(browser.all(".timeline a[href^='/solutions/']")).hasSize(1);
        assertThat(browser.driver().executeScript("return window.pwned === undefined")).isEqualTo(true);
        browser.shot("employer-timeline");
        assertThat(needs()).singleElement().extracting(BusinessNeed::status).isEqualTo(NeedStatus.IN_PROGRESS);
    }

    @Test
    void aMoveOnASolutionChangedMeanwhileSavesNothing() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        BusinessNeed need = ann.needs().create(BusinessNeed.raised(fixture.employer.id(), NeedCategory.SKILLS_TRAINING, "Forklift certification",
                Urgency.LOW, WebFixture.today()));
        Solution so = ann.solutions().create(Solution.proposed(fixture.employer.id(), SolutionType.CUSTOMIZED_TRAINING, "Forklift course",
                ann.actor().partner()).withNeeds(java.util.Set.of(need.id())));
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/solutions/" + so.id().asString());
        ann.solutions().moveTo(so.id(), so.version(), SolutionStatus.DECLINED); // meanwhile a colleague records the employer's no
        clickMoveExpecting("Agreed with the employer", "#conflict");
        browser.shot("solution-conflict");
        assertThat(browser.text("#conflict")).contains("declined now").contains("Nothing was saved");
        assertThat(browser.text("#status")).isEqualTo("Declined");
        assertThat(browser.all("form[action$='/move']")).isEmpty();
        browser.checkAccessibility("solution conflict");
        assertThat(fixture.admin.solutions().get(so.id()).status()).isEqualTo(SolutionStatus.DECLINED);

        browser.open("/needs/" + need.id().asString());
        ann.needs().moveTo(need.id(), need.version(), NeedStatus.WITHDRAWN, WebFixture.today());
        clickMoveExpecting("Mark met", "#conflict");
        assertThat(browser.text("#conflict")).contains("withdrawn now");
        assertThat(fixture.admin.needs().get(need.id()).status()).isEqualTo(NeedStatus.WITHDRAWN);
    }

    @Test
    void aViewerReadsNeedsAndSolutionsButHasNoForms() {
        CrmSession ann = fixture.app.crm().as(WebFixture.STAFF_A);
        BusinessNeed need = ann.needs().create(BusinessNeed.raised(fixture.employer.id(), NeedCategory.RETENTION, "Keep second-shift staff",
                Urgency.MEDIUM, WebFixture.today()));
        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/needs/" + need.id().asString());
        assertThat(browser.text("#description")).isEqualTo("Keep second-shift staff");
        assertThat(browser.all("main form")).isEmpty();
        assertThat(browser.all("a[href*='/solutions/new']")).isEmpty();
        browser.open("/employers/" + fixture.employer.id().asString() + "/needs/new");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
    }

    private void clickMove(String label) {
        clickMoveExpecting(label, ".flash");
    }

    private void clickMoveExpecting(String label, String css) {
        WebElement button = browser.all("form[action$='/move'] button").stream().filter(b -> b.getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label));
        PageWait.clickAndWait(browser, button, css);
    }

    private List<BusinessNeed> needs() {
        return fixture.admin.needs().list(new NeedFilter(fixture.employer.id(), null, null, null), PageRequest.first(50)).items().stream()
                .filter(n -> n.description().startsWith("Twelve")).toList();
    }

    private Solution solution() {
        return fixture.admin.solutions().list(SolutionFilter.ALL, PageRequest.first(50)).items().stream()
                .filter(s -> s.name().startsWith("Machinist")).findFirst().orElseThrow();
    }
}
