package org.sectorcrm.examples.web.appointments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The iCalendar subscription: a user makes a feed of their own appointments (organiser or attendee) and pastes its URL
 * into their calendar program, which cannot sign in. It is the API's feed ({@code GET /api/v1/calendar/{token}.ics},
 * see SchedulingRoutes): the secret token is shown once, only its SHA-256 is stored, and each feed is revoked here on
 * its own (a password change revokes them all). Any role may subscribe to their own calendar: it is read-only.
 */
public final class CalendarFeedPages {
    private final Accounts accounts;

    public CalendarFeedPages(Accounts accounts) {
        this.accounts = accounts;
    }

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/appointments/calendar", this::show), WebRoute.post("/appointments/calendar-feeds", this::issue),
                WebRoute.post("/appointments/calendar-feeds/{feed}/revoke", this::revoke));
    }

    void show(WebRequest r) {
        page(r, 200, null, Map.of("name", "My SectorCRM appointments"), new FormErrors(labels()));
    }

    void issue(WebRequest r) {
        FormErrors errors = new FormErrors(labels());
        Accounts.IssuedFeed issued = errors.save(() -> accounts.issueFeed(holder(r), r.form("name")), v -> "name");
        if (issued == null) {
            page(r, 400, null, r.formValues(), errors);
            return;
        }
        var ctx = r.context();
        String url = ctx.scheme() + "://" + ctx.host() + ApiServer.BASE + "/calendar/" + issued.token() + ".ics";
        // shown on this answer only (no redirect): the token is not stored anywhere it could be shown again
        page(r, 200, url, Map.of("name", "My SectorCRM appointments"), errors);
    }

    void revoke(WebRequest r) {
        if (!accounts.revokeFeed(r.actor().user(), r.path("feed"))) {
            throw new NotFoundException("calendar feed", r.path("feed"));
        }
        r.redirect("/appointments/calendar", "Revoked the calendar feed: its URL no longer answers.");
    }

    private void page(WebRequest r, int status, String issuedUrl, Map<String, String> values, FormErrors errors) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("feeds", accounts.feeds(r.actor().user()));
        p.put("issuedUrl", issuedUrl);
        p.put("values", values);
        p.put("errors", errors);
        r.render(status, "appointments/calendar.jte", "Subscribe to your calendar", "/appointments", p);
    }

    /** The credential holder of this login session: the feed opens only the staff user record the session was issued to. */
    private Accounts.Holder holder(WebRequest r) {
        String sid = r.context().cookie(ApiServer.SESSION_COOKIE);
        return accounts.session(sid).orElseThrow(() -> new AccessDeniedException("the session has ended: sign in again"));
    }

    private static Map<String, String> labels() {
        return Map.of("name", "Name of the feed");
    }
}
