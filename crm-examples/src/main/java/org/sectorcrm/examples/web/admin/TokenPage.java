package org.sectorcrm.examples.web.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.accounts.ApiTokens;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The signed-in user's API tokens ({@code /admin/tokens}, any role): the list (never a secret), issuing one with a name,
 * an optional expiry day and an optional role cap no higher than one's own, and revoking. The accounts' {@link ApiTokens}
 * does all three with the rules of {@code /api/v1/tokens}; a new token's secret is shown once, on the answer to the POST.
 */
public final class TokenPage {
    private final Accounts accounts;

    TokenPage(Accounts accounts) {
        this.accounts = accounts;
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/admin/tokens", r -> page(r, 200, new FormErrors(labels()), Map.of(), null)),
                WebRoute.post("/admin/tokens", this::issue), WebRoute.post("/admin/tokens/{id}/revoke", this::revoke));
    }

    /** A token as listed. */
    public record Row(String id, String name, String role, String created, String expires) {
    }

    void issue(WebRequest r) {
        FormErrors errors = new FormErrors(labels());
        Role cap = errors.parse("role", r.form("role"), Role::valueOf);
        LocalDate until = errors.parse("expires", r.form("expires"), LocalDate::parse);
        // the session's holder (user and the account's creation time), as the API's Authentication binds tokens to it
        Accounts.Holder holder = accounts.session(r.context().cookie(ApiServer.SESSION_COOKIE))
                .orElseThrow(() -> new org.sectorcrm.core.AccessDeniedException("the session has ended: sign in again"));
        ApiTokens.Issued issued = null;
        if (errors.isEmpty()) {
            Instant expires = until == null ? null : until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); // valid through that day
            try {
                issued = accounts.tokens().issue(holder, r.actor().role(), r.form("name"), cap, expires);
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> errors.add(v.field().equals("expiresAt") ? "expires" : v.field(), v.message()));
            }
        }
        if (issued == null) {
            page(r, 400, errors, r.formValues(), null);
            return;
        }
        page(r, 201, errors, Map.of(), issued.token());
    }

    void revoke(WebRequest r) {
        String id = r.path("id");
        if (!accounts.tokens().revoke(r.actor().user(), id)) {
            throw new NotFoundException("API token", id);
        }
        r.redirect("/admin/tokens", "Revoked the token: it stops working now.");
    }

    private void page(WebRequest r, int status, FormErrors errors, Map<String, String> values, String secret) {
        List<Row> rows = new ArrayList<>();
        for (ApiTokens.TokenInfo t : accounts.tokens().of(r.actor().user())) {
            rows.add(new Row(t.id(), t.name(), t.maxRole() == null ? r.actor().role().name() : t.maxRole().name(), day(t.createdAt()),
                    t.expiresAt() == null ? "never" : day(t.expiresAt())));
        }
        List<Option> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (r.actor().role().atLeast(role)) {
                roles.add(new Option(role.name(), Option.words(role.name())));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", rows);
        p.put("roles", roles);
        p.put("errors", errors);
        p.put("values", values);
        p.put("secret", secret);
        r.render(status, "admin/tokens.jte", (errors.isEmpty() ? "" : "Not issued: ") + "Your API tokens", "/admin", p);
    }

    private static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' ') + " UTC";
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Token name");
        m.put("role", "Highest role it acts with");
        m.put("expires", "Valid until (last day)");
        return m;
    }
}
