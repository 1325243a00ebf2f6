package org.sectorcrm.examples.web.referrals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.Release;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.server.ApiServer;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * The release of information on the referral page (tag {@code tags/release.jte}) and in the send form: record the
 * release the referral's contact signed (form, date, scope, expiry, the signed form among the referral's attachments),
 * see it, and withdraw it. crm-core decides: a referral naming a contact is refused without a release valid today when
 * the deployment requires one, and its message lands on the release's form field, so the person sees which field to fill.
 */
public final class ReleasePages {
    /** The release section: null on referrals the reader's partner is not a side of. */
    public record Box(String referral, long version, String contact, Release release, String signedForm, String signedFormHref,
            boolean valid, boolean canRecord, boolean canWithdraw, List<Option> contacts, List<Option> files) {
    }

    /** Registered before {@code /referrals/{id}/{move}}, which would take "release" for a move. */
    public List<WebRoute> routes() {
        return List.of(WebRoute.post("/referrals/{id}/release", this::record), WebRoute.post("/referrals/{id}/release/withdraw", this::withdraw));
    }

    /** The labels of the release fields, for the send form's and the referral page's error summaries. */
    static void labels(Map<String, String> m) {
        m.put("contact", "The person it is about");
        m.put("releaseForm", "Release of information: form");
        m.put("releaseObtainedOn", "Release signed on");
        m.put("releaseScope", "What the release allows");
        m.put("releaseExpiresOn", "Release expires on");
        m.put("releaseAttachment", "Signed form (attachment)");
        m.put("withdrawnOn", "Withdrawn on");
    }

    /** The form field a violation of the release or contact lands on; null for other fields. */
    static String field(FieldViolation v) {
        String f = v.field();
        if (v.record().equals("release")) {
            return switch (f) {
            case "obtainedOn" -> "releaseObtainedOn";
            case "scope" -> "releaseScope";
            case "expiresOn" -> "releaseExpiresOn";
            case "attachment" -> "releaseAttachment";
            case "withdrawnOn" -> "withdrawnOn";
            default -> "releaseForm";
            };
        }
        return f.equals("release") ? "releaseForm" : f.equals("contact") ? "contact" : null;
    }

    /** The release the form describes, null when its fields are all empty; problems are noted in {@code errors}. */
    static Release fromForm(WebRequest r, FormErrors errors) {
        LocalDate obtained = errors.parse("releaseObtainedOn", r.form("releaseObtainedOn"), LocalDate::parse);
        LocalDate expires = errors.parse("releaseExpiresOn", r.form("releaseExpiresOn"), LocalDate::parse);
        if (r.form("releaseForm") == null && r.form("releaseObtainedOn") == null && r.form("releaseScope") == null && r.form("releaseExpiresOn") == null) {
            return null;
        }
        try {
            return new Release(r.form("releaseForm"), obtained, r.form("releaseScope"), expires, r.form("releaseAttachment"), null);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> {
                if (!(v.field().equals("obtainedOn") && r.form("releaseObtainedOn") != null && obtained == null)) {
                    errors.add(field(v), v.message());
                }
            });
            return null;
        }
    }

    /** The employer's contacts as choices (name and title; no e-mail or phone). */
    static List<Option> contacts(CrmSession s, EmployerId employer) {
        List<Option> out = new ArrayList<>();
        for (ContactView c : s.contacts().list(ContactFilter.atEmployer(employer), PageRequest.first(PageRequest.MAX_LIMIT)).items()) {
            String title = c.contact().title() == null ? "" : ", " + c.contact().title();
            out.add(new Option(c.contact().id().asString(), c.contact().displayName() + title));
        }
        return out;
    }

    static Box view(WebRequest r, Referral x) {
        boolean side = x.fromPartner().equals(r.actor().partner()) || x.toPartner().equals(r.actor().partner());
        if (!side) {
            return null;
        }
        CrmSession s = r.crm();
        String contact = x.contact() == null ? null : s.contacts().find(x.contact()).map(c -> c.contact().displayName()).orElse("a contact");
        List<Option> files = new ArrayList<>();
        String signed = null;
        String href = null;
        for (Attachment a : s.attachments().of(AggregateTypes.REFERRAL, x.id())) {
            files.add(new Option(a.id().asString(), a.filename()));
            if (x.release() != null && a.id().asString().equals(x.release().attachment())) {
                signed = a.filename();
                href = ApiServer.BASE + "/attachments/" + a.id().asString() + "/content";
            }
        }
        Release rel = x.release();
        boolean write = r.canWrite();
        return new Box(x.id().asString(), x.version(), contact, rel, signed, href, rel != null && rel.isValidOn(r.today()),
                write && rel == null, write && rel != null && rel.withdrawnOn() == null, contacts(s, x.employer()), files);
    }

    void record(WebRequest r) {
        CrmSession s = r.crm();
        ReferralId id = ReferralId.of(r.path("id"));
        Map<String, String> labels = new LinkedHashMap<>();
        labels(labels);
        FormErrors errors = new FormErrors(labels);
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        Referral x = s.referrals().get(id);
        ContactId contact = x.contact() != null ? x.contact() : errors.parse("contact", r.form("contact"), ContactId::of);
        if (contact == null && errors.isEmpty()) {
            errors.add("contact", "is required: choose the person who signed the release");
        }
        Release release = fromForm(r, errors);
        if (release == null && errors.isEmpty()) {
            errors.add("releaseForm", "is required: name the form the person signed (with its date and scope)");
        }
        if (errors.isEmpty() && version != null) {
            Referral saved = errors.save(() -> s.referrals().update(id, version, x.aboutContact(contact, release)), ReleasePages::fieldOrForm);
            if (saved != null) {
                r.redirect("/referrals/" + id.asString() + "#release", "Recorded the release of information.");
                return;
            }
        }
        new ReferralPages().page(r, 400, x, errors, r.formValues(), null);
    }

    void withdraw(WebRequest r) {
        CrmSession s = r.crm();
        ReferralId id = ReferralId.of(r.path("id"));
        Map<String, String> labels = new LinkedHashMap<>();
        labels(labels);
        FormErrors errors = new FormErrors(labels);
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        LocalDate on = errors.parse("withdrawnOn", r.form("withdrawnOn"), LocalDate::parse);
        if (on == null && r.form("withdrawnOn") == null) {
            errors.add("withdrawnOn", "is required: the day the person withdrew their agreement");
        }
        if (errors.isEmpty() && version != null) {
            Referral saved = errors.save(() -> s.referrals().withdrawRelease(id, version, on), ReleasePages::fieldOrForm);
            if (saved != null) {
                r.redirect("/referrals/" + id.asString() + "#release", "Recorded that the release was withdrawn: no more of their details are shared.");
                return;
            }
        }
        new ReferralPages().page(r, 400, s.referrals().get(id), errors, r.formValues(), null);
    }

    private static String fieldOrForm(FieldViolation v) {
        String f = field(v);
        return f == null ? "releaseForm" : f;
    }
}
