package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;

/**
 * What every route checks before its handler runs, from its {@link Route} declaration alone, so a new route cannot forget
 * it: no query parameter it does not declare (a misspelt filter would otherwise silently list everything), and a
 * state-changing request's body declared as the media type the route reads. The second is the API's CSRF defence for
 * the session cookie: a cross-site form or {@code fetch} without a CORS preflight can only send {@code text/plain},
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data}, and no route takes any of those.
 */
final class RouteRules {
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private RouteRules() {
    }

    static void check(Context ctx, Route route) {
        unknownQueryParameters(ctx, route);
        if (WRITES.contains(route.method())) {
            bodyType(ctx, route);
        }
    }

    /** Every query parameter the route does not declare, named in one 400. */
    static void unknownQueryParameters(Context ctx, Route route) {
        Set<String> known = route.queryNames();
        Set<String> unknown = new TreeSet<>(ctx.queryParamMap().keySet());
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return;
        }
        List<FieldViolation> bad = new ArrayList<>();
        String allowed = known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", known);
        for (String name : unknown) {
            bad.add(new FieldViolation("query", Problems.printable(name), "is not a query parameter of " + route.method() + " "
                    + route.path() + " (" + allowed + ")"));
        }
        // ... together with what is wrong with the declared ones, so that one answer says everything
        for (Route.Param p : route.queryParams()) {
            String value = ctx.queryParam(p.name());
            if (value != null && !value.isEmpty()) {
                bad.addAll(ApiJson.queryValue(p.name(), value, p.type(), "query"));
            }
        }
        throw new ValidationException(bad);
    }

    /** A body declared as the route's media type (415); for a route that reads none, none or a JSON one (never read). */
    static void bodyType(Context ctx, Route route) {
        String declared = ctx.header("Content-Type");
        String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String wanted = route.bodyMedia();
        if (wanted == null) {
            boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
            // JSON (which no form sends) is let through and not read, as clients send {} or a type on every POST
            if (type.isEmpty() ? hasBody : !isJson(type)) {
                throw new ApiException(415, "Unsupported Media Type", route.method() + " " + route.path() + " reads no body; send none"
                        + (declared == null ? " (or declare it application/json)" : ", not " + Problems.printable(declared)));
            }
            return;
        }
        boolean ok = wanted.equals(Route.JSON) ? isJson(type) : type.equals(wanted);
        if (!ok) {
            throw new ApiException(415, "Unsupported Media Type", "send the body of " + route.method() + " " + route.path() + " as " + wanted
                    + ", not " + (declared == null ? "without a Content-Type" : Problems.printable(declared)));
        }
    }

    /** {@code application/json} or a JSON-based type ({@code application/problem+json}); never a type a form can send. */
    private static boolean isJson(String type) {
        return type.equals(Route.JSON) || type.startsWith("application/") && type.endsWith("+json") && !type.equals(MergePatch.MEDIA_TYPE);
    }
}
