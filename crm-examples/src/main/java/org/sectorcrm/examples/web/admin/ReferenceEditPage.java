package org.sectorcrm.examples.web.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.CatalogService;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Editing and retiring reference data, one record per page: a partner ({@code /admin/reference/partners/{id}}: name,
 * kind, active, and services taken off its catalog), a region ({@code /admin/reference/regions/{code}}: name, kind,
 * counties) and a sector ({@code /admin/reference/sectors/{code}}: name, NAICS prefixes). Codes and ids stay: records
 * name them. A partner is retired by making it inactive (its referrals and notes keep their author); a region or sector
 * is deleted only while nothing names it, crm-core's rule. Each save carries the version the form was read at, so a
 * change made meanwhile by another admin is shown, never overwritten, and what was typed is kept on the form.
 */
public final class ReferenceEditPage {
    List<WebRoute> routes() {
        return List.of(WebRoute.get("/admin/reference/{kind}/{id}", this::show), WebRoute.post("/admin/reference/{kind}/{id}", this::save),
                WebRoute.post("/admin/reference/{kind}/{id}/delete", this::delete));
    }

    void show(WebRequest r) {
        AdminPages.require(r, Role.ADMIN, "edit reference data");
        Object stored = load(r);
        page(r, 200, stored, valuesOf(stored), new FormErrors(labels()), null);
    }

    void save(WebRequest r) {
        AdminPages.require(r, Role.ADMIN, "edit reference data");
        CrmSession s = r.crm();
        Object stored = load(r);
        FormErrors errors = new FormErrors(labels());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        if (version == null) {
            errors.add("version", "is missing: reload the page");
        }
        Supplier<Object> write;
        if (stored instanceof Partner p) {
            PartnerKind kind = errors.parse("kind", r.form("kind"), PartnerKind::valueOf);
            Set<String> removed = Set.copyOf(r.forms("removeService"));
            List<CatalogService> kept = p.services().stream().filter(c -> !removed.contains(c.name())).toList();
            Partner next = build(errors, () -> new Partner(p.id(), p.stamp(), r.form("name"), kind == null ? p.kind() : kind, p.regions(), kept,
                    "on".equals(r.form("active"))), v -> "name".equals(FormErrors.firstSegment(v)) ? "name" : "kind");
            write = () -> s.reference().partners().update(p.id(), version, next);
        } else if (stored instanceof Region g) {
            RegionKind kind = errors.parse("regionKind", r.form("regionKind"), RegionKind::valueOf);
            Region next = build(errors, () -> new Region(g.id(), g.stamp(), r.form("regionName"), kind == null ? g.kind() : kind, words(r.form("counties"))),
                    v -> switch (FormErrors.firstSegment(v)) {
                    case "name" -> "regionName";
                    case "kind" -> "regionKind";
                    default -> "counties";
                    });
            write = () -> s.reference().regions().update(g.id(), version, next);
        } else {
            Sector x = (Sector) stored;
            Sector next = build(errors, () -> new Sector(x.id(), x.stamp(), r.form("sectorName"), words(r.form("naics"))),
                    v -> "name".equals(FormErrors.firstSegment(v)) ? "sectorName" : "naics");
            write = () -> s.reference().sectors().update(x.id(), version, next);
        }
        if (errors.isEmpty()) {
            try {
                Object saved = errors.save(write, FormErrors::firstSegment);
                if (saved != null) {
                    r.redirect(editPath(saved), "Saved " + nameOf(saved) + ".");
                    return;
                }
            } catch (ConflictException changed) {
                // another admin saved first: show what is stored now beside what was typed, and save nothing
                page(r, 409, load(r), r.formValues(), errors, changed.getMessage() + ". Nothing was saved; the table shows what is stored now,"
                        + " the form keeps what you typed: check it and save again.");
                return;
            }
        }
        page(r, 400, stored, r.formValues(), errors, null);
    }

    void delete(WebRequest r) {
        AdminPages.require(r, Role.ADMIN, "delete reference data");
        CrmSession s = r.crm();
        Object stored = load(r);
        FormErrors errors = new FormErrors(labels());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        if (version == null) {
            page(r, 400, stored, valuesOf(stored), errors, null);
            return;
        }
        try {
            if (stored instanceof Region g) {
                s.reference().regions().delete(g.id(), version);
            } else if (stored instanceof Sector x) {
                s.reference().sectors().delete(x.id(), version);
            } else {
                throw new org.sectorcrm.core.NotFoundException("reference form", r.path("kind") + "/" + r.path("id") + "/delete");
            }
        } catch (ConflictException refused) {
            page(r, 409, load(r), valuesOf(stored), errors, refused.getMessage() + ". Nothing was deleted.");
            return;
        }
        r.redirect("/admin/reference#" + (stored instanceof Region ? "region" : "sector"), "Deleted " + nameOf(stored) + ".");
    }

    /** The record the path names; an unknown kind or id is a 404 like any other missing record. */
    private static Object load(WebRequest r) {
        CrmSession s = r.crm();
        String id = r.path("id");
        return switch (r.path("kind")) {
        case "partners" -> s.reference().partners().get(PartnerId.of(id));
        case "regions" -> s.reference().regions().get(new RegionCode(id));
        case "sectors" -> s.reference().sectors().get(new SectorCode(id));
        default -> throw new org.sectorcrm.core.NotFoundException("reference data", r.path("kind"));
        };
    }

    /** Builds the next record, its problems landing on the form fields. */
    private static <T> T build(FormErrors errors, Supplier<T> make, Function<FieldViolation, String> fieldOf) {
        try {
            return make.get();
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add(fieldOf.apply(v), v.message()));
            return null;
        }
    }

    static String editPath(Object record) {
        if (record instanceof Partner p) {
            return "/admin/reference/partners/" + p.id().asString();
        }
        if (record instanceof Region g) {
            return "/admin/reference/regions/" + g.id().asString();
        }
        return "/admin/reference/sectors/" + ((Sector) record).id().asString();
    }

    private static String nameOf(Object record) {
        if (record instanceof Partner p) {
            return "partner " + p.name();
        }
        if (record instanceof Region g) {
            return "region " + g.name();
        }
        return "sector " + ((Sector) record).name();
    }

    private static long versionOf(Object record) {
        return ((org.sectorcrm.core.Aggregate<?>) record).version();
    }

    private static Map<String, String> valuesOf(Object record) {
        Map<String, String> v = new LinkedHashMap<>();
        if (record instanceof Partner p) {
            v.put("name", p.name());
            v.put("kind", p.kind().name());
            v.put("active", p.active() ? "on" : "");
        } else if (record instanceof Region g) {
            v.put("regionName", g.name());
            v.put("regionKind", g.kind().name());
            v.put("counties", String.join(", ", g.counties()));
        } else {
            Sector x = (Sector) record;
            v.put("sectorName", x.name());
            v.put("naics", String.join(", ", x.naicsPrefixes()));
        }
        v.put("version", Long.toString(versionOf(record)));
        return v;
    }

    /** A comma-separated list as typed ("Cook, DuPage"); a blank field is an empty list. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    private void page(WebRequest r, int status, Object stored, Map<String, String> values, FormErrors errors, String conflict) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", r.path("kind"));
        p.put("record", stored);
        p.put("action", editPath(stored));
        // the version the next save is checked against: on a conflict, the one now stored (the admin has seen it)
        p.put("version", conflict != null ? Long.toString(versionOf(stored)) : values.getOrDefault("version", Long.toString(versionOf(stored))));
        p.put("values", values);
        p.put("errors", errors);
        p.put("conflict", conflict);
        p.put("kinds", Option.of(PartnerKind.class));
        p.put("regionKinds", Option.of(RegionKind.class));
        List<Option> services = new ArrayList<>();
        if (stored instanceof Partner partner) {
            partner.services().forEach(c -> services.add(new Option(c.name(), c.name() + " (" + Option.words(c.category().name()) + ")")));
        }
        p.put("services", services);
        String title = (errors.isEmpty() && conflict == null ? "" : "Not saved: ") + "Edit " + nameOf(stored);
        r.render(status, "admin/reference-edit.jte", title, "/admin", p);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Partner name");
        m.put("kind", "Kind of partner");
        m.put("regionName", "Region name");
        m.put("regionKind", "Kind of region");
        m.put("counties", "Counties");
        m.put("sectorName", "Sector name");
        m.put("naics", "NAICS prefixes");
        m.put("version", "Version");
        return m;
    }
}
