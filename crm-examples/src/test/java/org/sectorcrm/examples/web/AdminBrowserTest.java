package org.sectorcrm.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

/**
 * Administration in a real browser: an ADMIN adds a staff user (refused first, every field named), changes a role and
 * disables them (their tokens end), cannot demote the last active ADMIN (themself), adds a partner, a catalog service, a
 * region and a sector; a STAFF user issues an API token with a role cap and an expiry, sees it once, revokes it; a VIEWER
 * reads reference data with no forms and is refused staff administration.
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
