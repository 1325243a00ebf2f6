package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.CatalogService;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

/**
 * Administration in a real browser: an ADMIN adds a staff user (refused first, every field named), changes a role and
 * disables them (their tokens end), cannot demote the last active ADMIN (themself), adds a partner, a catalog service, a
 * region and a sector; a STAFF user issues an API token with a role cap and an expiry, sees it once, revokes it; a VIEWER
 * reads reference data with no forms and is refused staff administration. An ADMIN edits a region, a sector and a
 * partner, retires the partner, is refused a stale save and the delete of a region an employer names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest extends BrowserTestBase {
    AdminBrowserTest() {
        super("admin", "admin");
    }

    @Test
    void anAdminManagesStaffAndReferenceData() {
        browser.signIn(WebFixture.ADMIN, WebFixture.PASSWORD);
        browser.find("nav a[href='/admin']").click();
        browser.find("a[href='/admin/staff']").click();
        browser.waitFor("#add");
        browser.checkAccessibility("staff users");
        browser.find("form[action='/admin/staff'] button[type=submit]").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#error-summary")).contains("Name:").contains("E-mail:").contains("Partner:");
        browser.type("f-name", "Cy <script>alert(1)</script> Newhire");
        browser.type("f-email", "cy@college.example");
        browser.choose("f-partner", fixture.partnerB.id().asString());
        browser.choose("f-role", "STAFF");
        browser.find("form[action='/admin/staff'] button[type=submit]").click();
        browser.waitFor(".flash");
        assertThat(browser.text(".flash")).contains("Added Cy <script>alert(1)</script> Newhire (STAFF)");
        StaffUser cy = user("cy@college.example");
        fixture.app.accounts().setPassword(cy.id(), "cy@college.example", WebFixture.PASSWORD.toCharArray());
        String token = fixture.app.accounts().issueToken(cy.id(), "script");
        assertThat(fixture.app.accounts().token(token)).isPresent();

        browser.choose("role-" + cy.id().asString(), "MANAGER");
        browser.find("form[action='/admin/staff/" + cy.id().asString() + "'] input[name=active]").click(); // untick: disable
        browser.find("form[action='/admin/staff/" + cy.id().asString() + "'] button").click();
        browser.waitFor(".flash");
        assertThat(browser.text(".flash")).contains("MANAGER, disabled");
        assertThat(user("cy@college.example").active()).isFalse();
        assertThat(fixture.app.accounts().token(token)).isEmpty(); // credentials end with the user, as over the API
        assertThat(browser.all("form[action='/admin/staff/" + fixture.admin.actor().user().asString() + "']")).isEmpty(); // not oneself
        browser.shot("staff");
        browser.assertReflowsAt320("staff users");

        browser.open("/admin/reference");
        browser.checkAccessibility("reference data");
        browser.type("f-name", "Rockford Chamber");
        browser.choose("f-kind", "CHAMBER_OF_COMMERCE");
        browser.find("form[action='/admin/reference/partner'] button").click();
        browser.waitFor(".flash");
        browser.choose("f-partner", fixture.partnerB.id().asString());
        browser.find("form[action='/admin/reference/service'] button").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#error-summary")).contains("Service:").contains("ESE category:");
        browser.type("f-service", "Customised training");
        browser.choose("f-category", "TRAINING_SERVICES");
        browser.find("form[action='/admin/reference/service'] button").click();
        browser.waitFor(".flash");
        browser.type("f-code", "IL-EDR-4");
        browser.type("f-regionName", "Northern Stateline");
        browser.choose("f-regionKind", "ECONOMIC_DEVELOPMENT_REGION");
        browser.type("f-counties", "Winnebago, Boone");
        browser.find("form[action='/admin/reference/region'] button").click();
        browser.waitFor(".flash");
        browser.type("f-sectorCode", "MFG");
        browser.type("f-sectorName", "Advanced manufacturing");
        browser.type("f-naics", "31, 32, 7");
        browser.find("form[action='/admin/reference/sector'] button").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#f-naics-error")).contains("NAICS prefixes:").contains("'7'");
        browser.type("f-naics", "31, 32, 33");
        browser.find("form[action='/admin/reference/sector'] button").click();
        browser.waitFor(".flash");
        String page = browser.text("main");
        assertThat(page).contains("Rockford Chamber").contains("Customised training (Training services)").contains("Northern Stateline")
                .contains("Winnebago, Boone").contains("Advanced manufacturing");
        browser.shot("reference");
        browser.checkAccessibility("reference data, filled");
        browser.assertReflowsAt320("reference data");
    }

    @Test
    void anAdminEditsAndRetiresReferenceDataAndAStaleFormSavesNothing() {
        CrmSession a = fixture.admin;
        Region used = a.reference().regions().create(Region.of("IL-EDR-8", "Ogle Valley", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of("Ogle")));
        a.reference().regions().create(Region.of("IL-EDR-9", "Spare region", RegionKind.ECONOMIC_DEVELOPMENT_REGION, List.of()));
        a.reference().sectors().create(Sector.of("HLT", "Health care", List.of("62")));
        Partner chamber = a.reference().partners().create(Partner.named("Stateline Chamber", PartnerKind.CHAMBER_OF_COMMERCE)
                .withServices(List.of(new CatalogService("Job fair", EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE, null))));
        a.employers().create(Employer.named("Ogle Foods Cooperative").withRegion(used.id()));

        browser.signIn(WebFixture.ADMIN, WebFixture.PASSWORD);
        browser.open("/admin/reference");
        browser.find("a[href='/admin/reference/regions/IL-EDR-8']").click();
        browser.waitFor("#f-regionName");
        browser.checkAccessibility("edit a region");
        browser.type("f-regionName", "Stateline <b>West</b>");
        browser.type("f-counties", "Ogle, Lee");
        browser.find("form[action='/admin/reference/regions/IL-EDR-8'] button").click();
        browser.waitFor(".flash");
        Region renamed = a.reference().regions().get(used.id());
        assertThat(renamed.name()).isEqualTo("Stateline <b>West</b>");
        assertThat(renamed.counties()).containsExactly("Ogle", "Lee");
        assertThat(browser.text("main h1")).contains("Stateline <b>West</b>"); // shown as text

        // another admin saves meanwhile: this form's save is refused, shows what is stored and keeps what was typed
        a.reference().regions().update(renamed.id(), renamed.version(), new Region(renamed.id(), renamed.stamp(), "Renamed elsewhere",
                renamed.kind(), renamed.counties()));
        browser.type("f-regionName", "My typing");
        browser.find("form[action='/admin/reference/regions/IL-EDR-8'] button").click();
        browser.waitFor("#conflict");
        assertThat(browser.text("#h-stored + dl")).contains("Renamed elsewhere");
        assertThat(browser.find("#f-regionName").getAttribute("value")).isEqualTo("My typing");
        assertThat(a.reference().regions().get(used.id()).name()).isEqualTo("Renamed elsewhere");
        browser.checkAccessibility("edit a region, conflict");

        browser.find("form[action='/admin/reference/regions/IL-EDR-8/delete'] button").click();
        // the edit's own #conflict is still shown until the delete's answer arrives: wait for the delete's text
        browser.waitForTextContaining("#conflict", "still named by 1 employer");
        assertThat(browser.text("#conflict")).contains("still named by 1 employer").contains("Nothing was deleted");
        assertThat(a.reference().regions().find(used.id())).isPresent();
        browser.open("/admin/reference/regions/IL-EDR-9");
        browser.find("form[action='/admin/reference/regions/IL-EDR-9/delete'] button").click();
        browser.waitFor(".flash");
        assertThat(a.reference().regions().find(new RegionCode("IL-EDR-9"))).isEmpty();

        browser.open("/admin/reference/sectors/HLT");
        browser.type("f-naics", "62, 7");
        browser.find("form[action='/admin/reference/sectors/HLT'] button").click();
        browser.waitFor("#error-summary");
        assertThat(browser.text("#f-naics-error")).contains("'7'");
        assertThat(a.reference().sectors().get(new SectorCode("HLT")).naicsPrefixes()).containsExactly("62");

        browser.open("/admin/reference/partners/" + chamber.id().asString());
        browser.checkAccessibility("edit a partner");
        browser.find("#f-active").click(); // untick: retire
        browser.tick("removeService", "Job fair", true);
        browser.find("form[action='/admin/reference/partners/" + chamber.id().asString() + "'] button").click();
        browser.waitFor(".flash");
        Partner retired = a.reference().partners().get(chamber.id());
        assertThat(retired.active()).isFalse();
        assertThat(retired.services()).isEmpty();
        browser.assertReflowsAt320("edit a partner");
        browser.shot("reference-edit");
        browser.signOut();

        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/admin/reference/sectors/HLT");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.open("/admin/reference");
        assertThat(browser.all("a[href^='/admin/reference/']")).isEmpty();
    }

    @Test
    void staffIssueAndRevokeTheirOwnTokensAndViewersOnlyRead() {
        browser.signIn(WebFixture.STAFF_A, WebFixture.PASSWORD);
        browser.open("/admin/tokens");
        browser.checkAccessibility("tokens");
        assertThat(browser.all("select#f-role option").stream().map(e -> e.getAttribute("value")).toList()).containsExactly("VIEWER", "STAFF");
        browser.type("f-name", "Nightly export");
        browser.choose("f-role", "VIEWER");
        browser.set("f-expires", WebFixture.today().plusDays(30).toString());
        browser.find("form[action='/admin/tokens'] button").click();
        browser.waitFor("#new-token");
        String secret = browser.find("#token-secret").getAttribute("value");
        assertThat(fixture.app.accounts().tokens().use(secret)).hasValueSatisfying(u -> assertThat(u.maxRole()).isEqualTo(Role.VIEWER));
        assertThat(browser.text("main table")).contains("Nightly export").contains("VIEWER");
        browser.checkAccessibility("token issued");
        browser.assertReflowsAt320("token issued");
        browser.open("/admin/tokens");
        assertThat(browser.source()).doesNotContain(secret); // shown once
        browser.find("main table form button").click();
        browser.waitFor(".flash");
        assertThat(fixture.app.accounts().tokens().use(secret)).isEmpty();
        browser.open("/admin/staff");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        browser.signOut();

        browser.signIn(WebFixture.VIEWER_A, WebFixture.PASSWORD);
        browser.open("/admin/reference");
        assertThat(browser.text("main")).contains("Rock Valley College");
        assertThat(browser.all("main form")).isEmpty();
        assertThat(browser.all("a[href='/admin/staff']")).isEmpty();
    }

    private StaffUser user(String email) {
        return fixture.admin.reference().staffUsers().list(StaffUserFilter.ALL, PageRequest.first(100)).items().stream()
                .filter(u -> u.email().value().equals(email)).findFirst().orElseThrow();
    }
}
