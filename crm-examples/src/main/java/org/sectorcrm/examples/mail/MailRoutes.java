package org.sectorcrm.examples.mail;

import java.util.List;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.examples.server.Http;
import org.sectorcrm.examples.server.Route;
import org.sectorcrm.examples.server.RouteGroup;

/** Each staff user's own e-mail preference ({@code /me/notifications}); registered when the server sends mail. */
public final class MailRoutes implements RouteGroup {
    /** The preference, as read and written. */
    public record Choice(Notifications.Preference mode) {
    }

    private final Notifications notifications;

    public MailRoutes(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/me/notifications").tag("notifications").id("myNotifications", "Which e-mail notifications you get (EACH, DIGEST or NONE)")
                        .returns(Choice.class).handle(ctx -> Http.send(ctx, 200, new Choice(notifications.preference(Http.session(ctx).actor().user())))),
                Route.put("/me/notifications").tag("notifications").id("setMyNotifications", "Choose EACH (an e-mail per event), DIGEST (one a day) or NONE")
                        .body(Choice.class).returns(Choice.class).handle(ctx -> {
                            Choice c = Http.body(ctx, Choice.class);
                            if (c == null || c.mode() == null) {
                                throw ValidationException.of("notifications", "mode", "is required: EACH, DIGEST or NONE");
                            }
                            notifications.setPreference(Http.session(ctx).actor().user(), c.mode());
                            Http.send(ctx, 200, c);
                        }));
    }
}
