package org.sectorcrm.examples.web;

import java.util.List;

/**
 * What the layout of every page shows: the title, who is signed in for which partner, the navigation, the CSRF token
 * for the forms, and a one-time message from the previous action.
 */
public record Frame(String title, String userName, String partnerName, String role, String csrf, List<NavItem> nav, String flash,
        boolean canWrite, boolean isAdmin) {

    public boolean signedIn() {
        return userName != null;
    }

    static Frame signedOut(String title, String csrf, String flash) {
        return new Frame(title, null, null, null, csrf, List.of(), flash, false, false);
    }
}
