package org.sectorcrm.examples.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.CatalogService;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Reference data ({@code /admin/reference}): partners with their service catalogs, regions and sectors. Anyone may read
 * them (they name the choices of every form); only an ADMIN adds, as crm-core's reference rules say. Each form is its
 * own POST and its problems are shown on that form, every field named.
 */
public final class ReferenceAdminPage {
    List<WebRoute> routes() {
        return List.of(WebRoute.get("/admin/reference", r -> page(r, 200, null, new FormErrors(labels()), Map.of())),
                WebRoute.post("/admin/reference/{form}", this::submit));
    }

    /** A partner as listed, with its catalog in words. */
    public record PartnerRow(String id, String name, String kind, boolean active, List<String> services) {
    }

    void submit(WebRequest r) {
        AdminPages.require(r, Role.ADMIN, "change reference data");
        CrmSession s = r.crm();
        String form = r.path("form");
        FormErrors errors = new FormErrors(labels());
        String done = switch (form) {
        case "partner" -> {
            PartnerKind kind = errors.parse("kind", r.form("kind"), PartnerKind::valueOf);
            Partner saved = errors.save(() -> s.reference().partners().create(Partner.named(r.form("name"), kind)), v -> "name".equals(
                    FormErrors.firstSegment(v)) ? "name" : "kind");
            yield saved == null ? null : "Added partner " + saved.name() + ".";
        }
        case "service" -> {
            PartnerId id = errors.parse("partner", r.form("partner"), PartnerId::of);
            EseCategory category = errors.parse("category", r.form("category"), EseCategory::valueOf);
            CatalogService service = null;
            try {
                service = new CatalogService(r.form("service"), category, r.form("description"));
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> errors.add(v.field().equals("name") ? "service" : v.field(), v.message()));
            }
            if (id == null) {
                errors.add("partner", "is required");
            }
            if (!errors.isEmpty()) {
                yield null;
            }
            Partner p = s.reference().partners().get(id);
            List<CatalogService> list = new ArrayList<>(p.services());
            list.add(service);
            Partner saved = errors.save(() -> s.reference().partners().update(id, p.version(), p.withServices(list)), v -> "service");
            yield saved == null ? null : "Added " + r.form("service") + " to the catalog of " + saved.name() + ".";
        }
        case "region" -> {
            RegionKind kind = errors.parse("regionKind", r.form("regionKind"), RegionKind::valueOf);
            Region saved = errors.save(() -> s.reference().regions().create(Region.of(r.form("code"), r.form("regionName"), kind,
                    ReferenceEditPage.words(r.form("counties")))), v -> switch (FormErrors.firstSegment(v)) {
                    case "id", "code" -> "code";
                    case "name" -> "regionName";
                    case "kind" -> "regionKind";
                    default -> "counties";
                    });
            yield saved == null ? null : "Added region " + saved.name() + ".";
        }
        case "sector" -> {
            Sector saved = errors.save(() -> s.reference().sectors().create(Sector.of(r.form("sectorCode"), r.form("sectorName"),
                    ReferenceEditPage.words(r.form("naics")))), v -> switch (FormErrors.firstSegment(v)) {
                    case "id", "code" -> "sectorCode";
                    case "name" -> "sectorName";
                    default -> "naics";
                    });
            yield saved == null ? null : "Added sector " + saved.name() + ".";
        }
        default -> throw new org.sectorcrm.core.NotFoundException("reference form", form);
        };
        if (done != null) {
            r.redirect("/admin/reference#" + form, done);
            return;
        }
        page(r, 400, form, errors, r.formValues());
    }

    private void page(WebRequest r, int status, String form, FormErrors errors, Map<String, String> values) {
        List<PartnerRow> partners = new ArrayList<>();
        for (Partner p : r.names().partners().values()) {
            partners.add(new PartnerRow(p.id().asString(), p.name(), Option.words(p.kind().name()), p.active(),
                    p.services().stream().map(c -> c.name() + " (" + Option.words(c.category().name()) + ")").toList()));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("partners", partners);
        p.put("regions", List.copyOf(r.names().regions().values()));
        p.put("sectors", List.copyOf(r.names().sectors().values()));
        p.put("admin", r.actor().isAtLeast(Role.ADMIN));
        p.put("form", form == null ? "" : form);
        p.put("errors", errors);
        p.put("values", values);
        p.put("partnerOptions", partners.stream().map(x -> new Option(x.id(), x.name())).toList());
        p.put("kinds", Option.of(PartnerKind.class));
        p.put("regionKinds", Option.of(RegionKind.class));
        p.put("categories", Option.of(EseCategory.class));
        r.render(status, "admin/reference.jte", (errors.isEmpty() ? "" : "Not saved: ") + "Partners, regions and sectors", "/admin", p);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Partner name");
        m.put("kind", "Kind of partner");
        m.put("partner", "Partner");
        m.put("service", "Service");
        m.put("category", "ESE category");
        m.put("description", "Description");
        m.put("code", "Region code");
        m.put("regionName", "Region name");
        m.put("regionKind", "Kind of region");
        m.put("counties", "Counties");
        m.put("sectorCode", "Sector code");
        m.put("sectorName", "Sector name");
        m.put("naics", "NAICS prefixes");
        return m;
    }
}
