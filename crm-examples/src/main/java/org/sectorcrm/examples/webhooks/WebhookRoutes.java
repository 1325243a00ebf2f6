package org.sectorcrm.examples.webhooks;

import java.util.List;

import io.javalin.http.Context;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.Actor;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.server.Http;
import org.sectorcrm.examples.server.Route;
import org.sectorcrm.examples.server.RouteGroup;

/**
 * The admin routes of {@link Webhooks}: register, list, read, remove, switch back on, and read the delivery log. Only
 * an ADMIN may use them, and only for endpoints registered by staff of their own partner: an endpoint's payloads carry
 * records as its owner may read them, so another partner's admin must not be able to redirect or inspect them. An
 * endpoint of another partner answers 404, like a record the caller may not see.
 */
public final class WebhookRoutes implements RouteGroup {
    /** The body of {@code POST /webhooks}. */
    public record NewWebhook(String url, List<String> events) {
    }

    private final Webhooks webhooks;

    public WebhookRoutes(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/webhooks").tag("webhooks").id("createWebhook",
                        "Register a receiver for event types (e.g. referral.*); the signing secret is in this answer only").body(NewWebhook.class)
                        .returns(Webhooks.Registered.class).status(201).headers(Route.LOCATION).handle(ctx -> {
                            CrmSession s = admin(ctx, "register a webhook");
                            NewWebhook b = Http.body(ctx, NewWebhook.class);
                            Webhooks.Registered r = webhooks.register(s.actor().user(), b.url(), b.events());
                            ctx.header("Location", ctx.path() + "/" + r.endpoint().id());
                            Http.send(ctx, 201, r);
                        }),
                Route.get("/webhooks").tag("webhooks").id("listWebhooks", "Your partner's webhook endpoints").returns(WebhookEndpoint[].class)
                        .handle(ctx -> {
                            CrmSession s = admin(ctx, "list webhooks");
                            Http.send(ctx, 200, webhooks.list().stream().filter(e -> ownPartner(s, e)).toList());
                        }),
                Route.get("/webhooks/{id}").tag("webhooks").id("getWebhook", "One webhook endpoint").returns(WebhookEndpoint.class)
                        .handle(ctx -> Http.send(ctx, 200, endpoint(ctx, admin(ctx, "read a webhook")))),
                Route.delete("/webhooks/{id}").tag("webhooks").id("deleteWebhook", "Remove an endpoint, its cursor and its delivery log").status(204)
                        .handle(ctx -> {
                            webhooks.delete(endpoint(ctx, admin(ctx, "remove a webhook")).id());
                            ctx.status(204);
                        }),
                Route.post("/webhooks/{id}/enable").tag("webhooks").id("enableWebhook",
                        "Switch a disabled endpoint on again; it resumes with the event it stopped at").returns(WebhookEndpoint.class).handle(ctx -> {
                            WebhookEndpoint e = endpoint(ctx, admin(ctx, "enable a webhook"));
                            Http.send(ctx, 200, webhooks.enable(e.id()));
                        }),
                Route.get("/webhooks/{id}/deliveries").tag("webhooks").id("webhookDeliveries", "The endpoint's delivery log, newest first")
                        .query(List.of(new Route.Param("limit", Integer.class, false))).returns(WebhookDelivery[].class).handle(ctx -> {
                            WebhookEndpoint e = endpoint(ctx, admin(ctx, "read a webhook's deliveries"));
                            Http.send(ctx, 200, webhooks.deliveries(e.id(), limit(ctx)));
                        }));
    }

    private static CrmSession admin(Context ctx, String operation) {
        CrmSession s = Http.session(ctx);
        Actor actor = s.actor();
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only an ADMIN may " + operation + "; you are " + actor.role());
        }
        return s;
    }

    private WebhookEndpoint endpoint(Context ctx, CrmSession s) {
        String id = ctx.pathParam("id");
        WebhookEndpoint e = webhooks.find(id).orElse(null);
        if (e == null || !ownPartner(s, e)) {
            throw new NotFoundException("webhook", id);
        }
        return e;
    }

    /** Whether the endpoint's owner is staff of the caller's partner (an owner since deleted counts as nobody's). */
    private static boolean ownPartner(CrmSession s, WebhookEndpoint e) {
        try {
            return s.reference().staffUsers().find(StaffUserId.of(e.ownerId())).map(u -> u.partner().equals(s.actor().partner())).orElse(false);
        } catch (AccessDeniedException | IllegalArgumentException ex) {
            return false;
        }
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw ValidationException.of("query", "limit", "must be a whole number from 1 to 1000, but was '" + raw + "'");
    }
}
