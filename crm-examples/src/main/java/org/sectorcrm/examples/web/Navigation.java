package org.sectorcrm.examples.web;

import java.util.ArrayList;
import java.util.List;

import org.sectorcrm.core.Actor;

/** The main navigation: only pages that exist and that the user's role may open (never a dead link). */
final class Navigation {
    private Navigation() {
    }

    static List<NavItem> items(Actor actor, String current) {
        List<NavItem> items = new ArrayList<>();
        add(items, "/", "My work", current);
        add(items, "/employers", "Employers", current);
        add(items, "/referrals", "Referrals", current);
        add(items, "/partnerships", "Partnerships", current);
        add(items, "/appointments", "Appointments", current);
        add(items, "/dashboard", "Dashboard", current);
        if (org.sectorcrm.examples.web.dedupe.DedupePages.mayReview(actor)) {
            add(items, "/dedupe", "Duplicates", current); // the review queue: STAFF marks pairs, a MANAGER merges
        }
        add(items, "/admin", "Administration", current); // every role: its own API tokens; the rest by role
        return items;
    }

    private static void add(List<NavItem> items, String href, String label, String current) {
        items.add(new NavItem(href, label, href.equals(current)));
    }
}
