package org.sectorcrm.examples.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Staff users ({@code /admin/staff}, MANAGER and above): the list, adding one, changing a role, disabling and enabling.
 * crm-core decides (a MANAGER only their own partner's non-admins; nobody their own role; the last active ADMIN stays);
 * disabling ends the user's sessions and tokens at once, as the REST API's staff-user writes do.
 */
public final class StaffAdminPage {
    private final Accounts accounts;

    StaffAdminPage(Accounts accounts) {
        this.accounts = accounts;
    }

    List<WebRoute> routes() {
        return List.of(WebRoute.get("/admin/staff", this::list), WebRoute.post("/admin/staff", this::add),
                WebRoute.post("/admin/staff/{id}", this::change));
    }

    /** One row of the list, with the moves offered to the reader. */
    public record Row(String id, String name, String email, String partner, String role, boolean active, long version, boolean editable) {
    }

    void list(WebRequest r) {
        page(r, 200, new FormErrors(labels()), Map.of(), null);
    }

    void add(WebRequest r) {
        AdminPages.require(r, Role.MANAGER, "add staff users");
        CrmSession s = r.crm();
        FormErrors errors = new FormErrors(labels());
        PartnerId partner = r.actor().isAtLeast(Role.ADMIN) ? errors.parse("partner", r.form("partner"), PartnerId::of) : r.actor().partner();
        Role role = errors.parse("role", r.form("role"), Role::valueOf);
        if (role == null) {
            errors.add("role", "is required");
        }
        // the e-mail is parsed on its own so that its problem and the others' are all shown at once
        org.sectorcrm.core.reference.EmailAddress email = null;
        try {
            email = org.sectorcrm.core.reference.EmailAddress.parse(r.form("email"));
        } catch (org.sectorcrm.core.ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add("email", v.message()));
        }
        StaffUser draft = null;
        try {
            draft = new StaffUser(null, null, partner, r.form("name"), email, role, true);
        } catch (org.sectorcrm.core.ValidationException invalid) {
            invalid.violations().stream().filter(v -> !(v.field().equals("email") && errors.of("email") != null) && !v.field().equals("role"))
                    .forEach(v -> errors.add(FormErrors.firstSegment(v), v.message()));
        }
        if (errors.isEmpty()) {
            StaffUser ready = draft;
            StaffUser saved = errors.save(() -> s.reference().staffUsers().create(ready), FormErrors::firstSegment);
            if (saved != null) {
                r.redirect("/admin/staff", "Added " + saved.name() + " (" + saved.role() + "). The operator gives them a password with"
                        + " 'sectorcrm users set-password " + saved.email().value() + "'.");
                return;
            }
        }
        page(r, 400, errors, r.formValues(), null);
    }

    void change(WebRequest r) {
        AdminPages.require(r, Role.MANAGER, "change staff users");
        CrmSession s = r.crm();
        StaffUserId id = StaffUserId.of(r.path("id"));
        FormErrors errors = new FormErrors(labels());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        Role role = errors.parse("role", r.form("role"), Role::valueOf);
        StaffUser stored = s.reference().staffUsers().get(id);
        StaffUser next = stored.withRole(role == null ? stored.role() : role).withActive("on".equals(r.form("active")));
        if (version == null) {
            errors.add("version", "is missing: reload the page");
        }
        StaffUser saved = null;
        if (errors.isEmpty()) {
            try {
                saved = errors.save(() -> s.reference().staffUsers().update(id, version, next), FormErrors::firstSegment);
            } catch (ConflictException refused) {
                page(r, 409, errors, Map.of(), refused.getMessage() + ". Nothing was saved.");
                return;
            }
        }
        if (saved == null) {
            page(r, 400, errors, Map.of(), null);
            return;
        }
        if (!saved.active()) {
            accounts.revokeAll(saved.id()); // as the API: a disabled user's sessions and tokens end now
        }
        r.redirect("/admin/staff", "Saved " + saved.name() + ": " + saved.role() + (saved.active() ? ", active." : ", disabled; their sessions and tokens ended."));
    }

    private void page(WebRequest r, int status, FormErrors errors, Map<String, String> values, String conflict) {
        AdminPages.require(r, Role.MANAGER, "manage staff users");
        boolean admin = r.actor().isAtLeast(Role.ADMIN);
        List<Row> rows = new ArrayList<>();
        for (StaffUser u : r.names().staff().values()) {
            boolean mine = u.partner().equals(r.actor().partner());
            if (!admin && !mine) {
                continue; // a MANAGER runs their own partner's team only
            }
            boolean editable = !u.id().equals(r.actor().user()) && (admin || u.role() != Role.ADMIN);
            rows.add(new Row(u.id().asString(), u.name(), u.email().value(), r.names().partner(u.partner()), u.role().name(), u.active(),
                    u.version(), editable));
        }
        List<Option> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (admin || role != Role.ADMIN) {
                roles.add(new Option(role.name(), Option.words(role.name())));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rows", rows);
        p.put("roles", roles);
        p.put("partners", admin ? r.names().partners().values().stream().map(x -> new Option(x.id().asString(), x.name())).toList() : List.of());
        p.put("errors", errors);
        p.put("values", values);
        p.put("conflict", conflict);
        r.render(status, "admin/staff.jte", (errors.isEmpty() && conflict == null ? "" : "Not saved: ") + "Staff users", "/admin", p);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Name");
        m.put("email", "E-mail");
        m.put("role", "Role");
        m.put("partner", "Partner");
        m.put("version", "Version");
        return m;
    }
}
