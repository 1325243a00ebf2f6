package org.sectorcrm.examples.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;

import org.sectorcrm.core.Actor;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.reference.Role;

/**
 * One request to a signed-in page: the user's {@link CrmSession} (the only way pages read or write), the form and query
 * values, and rendering into the common layout.
 */
public final class WebRequest {
    static final String FLASH_COOKIE = "sectorcrm_flash";

    private final Context ctx;
    private final CrmSession session;
    private final String csrf;
    private final Templates templates;
    private final Names names;

    WebRequest(Context ctx, CrmSession session, String csrf, Templates templates) {
        this.ctx = ctx;
        this.session = session;
        this.csrf = csrf;
        this.templates = templates;
        this.names = new Names(session);
    }

    /** The signed-in user's operations: every rule of crm-core (roles, note visibility, PII masking) applies. */
    public CrmSession crm() {
        return session;
    }

    public Actor actor() {
        return session.actor();
    }

    public boolean canWrite() {
        return actor().isAtLeast(Role.STAFF);
    }

    public Names names() {
        return names;
    }

    public Context context() {
        return ctx;
    }

    public LocalDate today() {
        return LocalDate.now(java.time.Clock.systemUTC());
    }

    public String path(String name) {
        return ctx.pathParam(name);
    }

    /** A query parameter, stripped; null when absent or blank. */
    public String query(String name) {
        return blankToNull(ctx.queryParam(name));
    }

    /** A form field, stripped; null when absent or blank. */
    public String form(String name) {
        return blankToNull(ctx.formParam(name));
    }

    /** Every value of a repeated form field (checkboxes, multiple selects), blanks left out. */
    public List<String> forms(String name) {
        List<String> out = new ArrayList<>();
        for (String v : ctx.formParams(name)) {
            String s = blankToNull(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every form field as submitted (to show a refused form again as the user typed it). */
    public Map<String, String> formValues() {
        Map<String, String> out = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!k.equals(Csrf.FIELD) && !v.isEmpty()) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    private static String blankToNull(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        return s.isEmpty() ? null : s;
    }

    /** Renders {@code template} in the layout; {@code nav} is the href of the navigation entry the page belongs to. */
    public void render(int status, String template, String title, String nav, Map<String, Object> params) {
        Frame frame = new Frame(title, actor().name(), names.partner(actor().partner()), actor().role().name(), csrf,
                Navigation.items(actor(), nav), takeFlash(), canWrite(), actor().isAtLeast(Role.ADMIN));
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("frame", frame);
        ctx.status(status);
        ctx.html(templates.render(template, all));
    }

    public void render(String template, String title, String nav, Map<String, Object> params) {
        render(200, template, title, nav, params);
    }

    /** Redirects after a successful POST (so a reload does not repeat it) with a message the next page shows once. */
    public void redirect(String location, String flash) {
        if (flash != null) {
            ctx.res().addHeader("Set-Cookie", FLASH_COOKIE + "=" + URLEncoder.encode(flash, StandardCharsets.UTF_8)
                    + "; Path=/; Max-Age=120; HttpOnly; SameSite=Strict");
        }
        ctx.redirect(location, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private String takeFlash() {
        String v = ctx.cookie(FLASH_COOKIE);
        if (v == null || v.isEmpty()) {
            return null;
        }
        ctx.res().addHeader("Set-Cookie", FLASH_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        return URLDecoder.decode(v, StandardCharsets.UTF_8);
    }
}
