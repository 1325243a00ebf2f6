package org.sectorcrm.examples.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Administration by role ({@code /admin}): staff users (MANAGER for their own partner's non-admins, ADMIN for all),
 * partners and their service catalogs, regions and sectors (ADMIN: reference data), and one's own API tokens (anyone,
 * as {@code POST /api/v1/tokens}). Every rule is crm-core's or the accounts' own, the ones the REST routes use; the
 * pages only decide which forms to offer, so a refused move comes back as crm-core's message.
 */
public final class AdminPages {
    private final Accounts accounts;

    public AdminPages(Accounts accounts) {
        this.accounts = accounts;
    }

    public List<WebRoute> routes() {
        List<WebRoute> all = new ArrayList<>();
        all.add(WebRoute.get("/admin", this::index));
        all.addAll(new StaffAdminPage(accounts).routes());
        all.addAll(new ReferenceAdminPage().routes());
        all.addAll(new ReferenceEditPage().routes());
        all.addAll(new TokenPage(accounts).routes());
        return all;
    }

    void index(WebRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("manager", r.actor().isAtLeast(Role.MANAGER));
        p.put("admin", r.actor().isAtLeast(Role.ADMIN));
        r.render("admin/index.jte", "Administration", "/admin", p);
    }

    static void require(WebRequest r, Role role, String what) {
        if (!r.actor().isAtLeast(role)) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not " + what + " (" + role + " and above may)");
        }
    }
}
