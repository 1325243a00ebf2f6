package org.sectorcrm.examples.web.referrals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.AccessDeniedException;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedFilter;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.FollowUp;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralFilter;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.examples.web.FormErrors;
import org.sectorcrm.examples.web.Option;
import org.sectorcrm.examples.web.WebRequest;
import org.sectorcrm.examples.web.WebUi.WebRoute;

/**
 * Referrals between partners: the inbox of the user's partner (incoming to answer or work on, overdue, outgoing still
 * open, and recently closed in both directions with their outcome or decline reason), one page per referral with its
 * follow-up log as a thread and the moves the user's partner may make now (the receiver accepts, declines with a reason,
 * starts, completes with an outcome; the sender cancels; either writes in the thread), and sending one from an employer
 * page. Every move is crm-core's: the page offers only what crm-core would allow, and crm-core refuses the rest. Each
 * move carries the version the page showed: if the other partner moved first, the page says so and keeps what was typed.
 */
public final class ReferralPages {
    static final int ROWS = 50;
    /** Rows read per query while filling a list (open and closed referrals are interleaved in id order). */
    private static final int READ = 200;

    public List<WebRoute> routes() {
        return List.of(WebRoute.get("/referrals", this::inbox), WebRoute.get("/referrals/{id}", this::show),
                WebRoute.post("/referrals/{id}/{move}", this::move), WebRoute.get("/employers/{id}/referrals/new", this::newForm),
                WebRoute.post("/employers/{id}/referrals", this::send));
    }

    /** One row of the inbox. */
    public record Row(String href, String employer, String service, String party, String status, String when, boolean overdue, String result) {
    }

    /** One entry of the follow-up thread. */
    public record Message(String at, String author, String partner, boolean mine, String text) {
    }

    /** What the referral page shows, already in words. */
    public record View(Referral referral, String employer, String from, String to, String status, boolean overdue, String need,
            List<Message> thread, boolean receiver, boolean sender, boolean canAccept, boolean canDecline, boolean canStart,
            boolean canComplete, boolean canCancel, boolean canWrite) {
    }

    /** One list of the inbox: a keyset page of rows and the link to the next page (null on the last). */
    public record Listing(String id, String heading, String empty, List<Row> rows, String nextHref, String firstHref) {
    }

    /**
     * The inbox: five lists (incoming open, overdue, outgoing open, closed received, closed sent), each a keyset page of
     * {@link #ROWS} in the order the referrals were sent (ids are time-ordered), each with its own cursor in the URL
     * ({@code ?incoming=ID}), so paging one list keeps the others where they are and a page can be bookmarked.
     */
    void inbox(WebRequest r) {
        CrmSession s = r.crm();
        PartnerId me = s.actor().partner();
        LocalDate today = r.today();
        List<Listing> lists = new ArrayList<>();
        lists.add(listing(r, "incoming", "Incoming: to answer or work on", "No open referrals to your partner.",
                new ReferralFilter(null, me, null, null, null), x -> x.status().isOpen(), x -> "from " + r.names().partner(x.fromPartner())));
        lists.add(listing(r, "overdue", "Overdue: not answered by their due date", "No overdue referrals.",
                new ReferralFilter(null, me, null, null, today), x -> true, x -> "from " + r.names().partner(x.fromPartner())));
        lists.add(listing(r, "outgoing", "Outgoing: sent by your partner, still open", "No open referrals sent by your partner.",
                new ReferralFilter(me, null, null, null, null), x -> x.status().isOpen(), x -> "to " + r.names().partner(x.toPartner())));
        lists.add(listing(r, "closed-received", "Closed: received by your partner", "No closed referrals received yet.",
                new ReferralFilter(null, me, null, null, null), x -> !x.status().isOpen(), x -> "from " + r.names().partner(x.fromPartner())));
        lists.add(listing(r, "closed-sent", "Closed: sent by your partner", "No closed referrals sent yet.",
                new ReferralFilter(me, null, null, null, null), x -> !x.status().isOpen(), x -> "to " + r.names().partner(x.toPartner())));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lists", lists);
        p.put("partner", r.names().partner(me));
        p.put("rows", ROWS);
        p.put("unread", MessageThreadPage.unread(r));
        r.render("referrals/inbox.jte", "Referrals", "/referrals", p);
    }

    /** Reads on (pages of {@link #READ}) until {@link #ROWS} rows pass {@code keep} or the referrals end. */
    private Listing listing(WebRequest r, String id, String heading, String empty, ReferralFilter filter,
            java.util.function.Predicate<Referral> keep, java.util.function.Function<Referral, String> party) {
        String after = r.query(id);
        if (after != null) {
            ReferralId.of(after); // a cursor is a referral id: anything else is refused naming the parameter
        }
        List<Row> rows = new ArrayList<>();
        String next = null;
        var page = r.crm().referrals().list(filter, new PageRequest(after, READ));
        outer:
        while (true) {
            List<Referral> items = page.items();
            for (int i = 0; i < items.size(); i++) {
                Referral x = items.get(i);
                if (!keep.test(x)) {
                    continue;
                }
                if (rows.size() == ROWS) {
                    next = rows.get(ROWS - 1).href().substring("/referrals/".length());
                    break outer;
                }
                rows.add(row(r, x, party.apply(x), r.today()));
            }
            if (!page.hasNext()) {
                break;
            }
            page = r.crm().referrals().list(filter, PageRequest.after(page.nextCursor(), READ));
        }
        return new Listing(id, heading, empty, rows, next == null ? null : link(r, id, next), after == null ? null : link(r, id, null));
    }

    /** The inbox URL with one list's cursor changed and the others kept. */
    private static String link(WebRequest r, String list, String cursor) {
        StringBuilder b = new StringBuilder("/referrals");
        char sep = '?';
        for (String k : List.of("incoming", "overdue", "outgoing", "closed-received", "closed-sent")) {
            String v = k.equals(list) ? cursor : r.query(k);
            if (v != null) {
                b.append(sep).append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return b.append('#').append(list).toString();
    }

    private static Row row(WebRequest r, Referral x, String party, LocalDate today) {
        String when = x.status() == ReferralStatus.SENT && x.responseDue() != null ? "answer due " + x.responseDue() : "sent " + x.sentOn();
        String result = x.status() == ReferralStatus.COMPLETED ? "Outcome: " + x.outcome()
                : x.status() == ReferralStatus.DECLINED ? "Declined: " + x.declineReason() : "";
        return new Row("/referrals/" + x.id().asString(), r.names().employer(x.employer()), x.requestedService(), party,
                Option.words(x.status().name()), when, x.isOverdue(today), result);
    }

    void show(WebRequest r) {
        Referral x = r.crm().referrals().get(ReferralId.of(r.path("id")));
        page(r, 200, x, new FormErrors(labels()), Map.of(), null);
    }

    /** One move on a referral: accept, decline, start, complete, cancel, or a message in the follow-up thread. */
    void move(WebRequest r) {
        CrmSession s = r.crm();
        ReferralId id = ReferralId.of(r.path("id"));
        String move = r.path("move");
        FormErrors errors = new FormErrors(labels());
        Long version = errors.parse("version", r.form("version"), Long::valueOf);
        if (version == null) {
            throw ValidationException.of("referral", "version", "the form carries no version: reload the referral");
        }
        Referral done;
        try {
            done = errors.save(() -> switch (move) {
            case "accept" -> s.referrals().accept(id, version);
            case "decline" -> s.referrals().decline(id, version, r.form("declineReason"));
            case "start" -> s.referrals().start(id, version);
            case "complete" -> s.referrals().complete(id, version, r.form("outcome"));
            case "cancel" -> s.referrals().cancel(id, version);
            case "follow-up" -> s.referrals().followUp(id, version, r.form("message"));
            default -> throw new org.sectorcrm.core.NotFoundException("referral move", move);
            }, v -> switch (v.field()) {
            case "declineReason" -> "declineReason";
            case "outcome" -> "outcome";
            case "text" -> "message";
            default -> v.field().equals("status") ? "status" : "message";
            });
        } catch (ConflictException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw stale;
            }
            Referral now = s.referrals().get(id);
            page(r, 409, now, errors, r.formValues(), "The other partner changed this referral while you were looking at it: it is "
                    + Option.words(now.status().name()).toLowerCase(java.util.Locale.ROOT) + " now. Nothing was saved; what you typed is still in the form. "
                    + "Check the referral below, then try again if it still applies.");
            return;
        }
        if (done == null) {
            page(r, 400, s.referrals().get(id), errors, r.formValues(), null);
            return;
        }
        String said = switch (move) {
        case "accept" -> "Accepted the referral.";
        case "decline" -> "Declined the referral.";
        case "start" -> "Started work on the referral.";
        case "complete" -> "Completed the referral.";
        case "cancel" -> "Cancelled the referral.";
        default -> "Added your message to the follow-up log.";
        };
        r.redirect("/referrals/" + id.asString() + (move.equals("follow-up") ? "#thread" : ""), said);
    }

    void page(WebRequest r, int status, Referral x, FormErrors errors, Map<String, String> values, String conflict) {
        PartnerId me = r.actor().partner();
        boolean receiver = x.toPartner().equals(me);
        boolean sender = x.fromPartner().equals(me);
        boolean write = r.canWrite();
        List<Message> thread = new ArrayList<>();
        for (FollowUp f : x.followUps()) {
            StaffUser by = r.names().staff().get(f.by());
            thread.add(new Message(f.at().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' ') + " UTC",
                    r.names().staff(f.by()), by == null ? "" : r.names().partner(by.partner()), f.by().equals(r.actor().user()), f.text()));
        }
        String need = null;
        if (x.need() != null) {
            need = r.crm().needs().find(x.need()).map(n -> Option.words(n.category().name()) + ": " + n.description()).orElse(null);
        }
        var next = x.status().next();
        View v = new View(x, r.names().employer(x.employer()), r.names().partner(x.fromPartner()) + " (" + r.names().staff(x.fromStaff()) + ")",
                r.names().partner(x.toPartner()), Option.words(x.status().name()), x.isOverdue(r.today()), need, thread, receiver, sender,
                write && receiver && next.contains(ReferralStatus.ACCEPTED), write && receiver && next.contains(ReferralStatus.DECLINED),
                write && receiver && next.contains(ReferralStatus.IN_PROGRESS), write && receiver && next.contains(ReferralStatus.COMPLETED),
                write && sender && next.contains(ReferralStatus.CANCELLED), write && (receiver || sender));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("v", v);
        p.put("errors", errors);
        p.put("values", values);
        p.put("conflict", conflict);
        p.put("attachments", org.sectorcrm.examples.web.attachments.AttachmentBox.of(r, org.sectorcrm.core.type.AggregateTypes.REFERRAL, x.id()));
        p.put("messages", MessageThreadPage.view(r, x, errors, values));
        p.put("release", ReleasePages.view(r, x));
        r.render(status, "referrals/show.jte", (errors.isEmpty() ? "" : "Not saved: ") + "Referral: " + x.requestedService(), "/referrals", p);
    }

    void newForm(WebRequest r) {
        requireWriter(r);
        Employer e = r.crm().employers().get(EmployerId.of(r.path("id")));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("responseDue", r.today().plusDays(10).toString());
        sendForm(r, 200, e, values, new FormErrors(sendLabels()));
    }

    void send(WebRequest r) {
        requireWriter(r);
        CrmSession s = r.crm();
        Employer e = s.employers().get(EmployerId.of(r.path("id")));
        FormErrors errors = new FormErrors(sendLabels());
        PartnerId to = errors.parse("toPartner", r.form("toPartner"), PartnerId::of);
        LocalDate due = errors.parse("responseDue", r.form("responseDue"), LocalDate::parse);
        NeedId need = errors.parse("need", r.form("need"), NeedId::of);
        org.sectorcrm.core.contact.ContactId contact = errors.parse("contact", r.form("contact"), org.sectorcrm.core.contact.ContactId::of);
        org.sectorcrm.core.referral.Release release = ReleasePages.fromForm(r, errors);
        if (release != null && contact == null && r.form("contact") == null) {
            errors.add("contact", "is required with a release of information: choose the person who signed it");
        }
        if (r.form("message") != null) {
            try {
                new FollowUp(java.time.Instant.now(), s.actor().user(), r.form("message")); // checked before anything is sent
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> errors.add("message", v.message()));
            }
        }
        Referral draft = null;
        try {
            draft = Referral.sent(s.actor().partner(), s.actor().user(), to, e.id(), r.form("requestedService"), r.today(), due).withNeed(need);
            draft = contact == null ? draft : draft.aboutContact(contact, release);
        } catch (ValidationException invalid) {
            invalid.violations().forEach(v -> errors.add(v.field().equals("sentOn") ? "responseDue" : FormErrors.firstSegment(v), v.message()));
        }
        if (errors.isEmpty()) {
            Referral ready = draft;
            Referral sent = errors.save(() -> {
                Referral created = s.referrals().create(ready);
                String first = r.form("message");
                // the first message opens the thread; it is written in the same request, right after the referral
                return first == null ? created : s.referrals().followUp(created.id(), created.version(), first);
            }, v -> ReleasePages.field(v) != null ? ReleasePages.field(v)
                    : FormErrors.firstSegment(v).equals("text") ? "message" : FormErrors.firstSegment(v));
            if (sent != null) {
                r.redirect("/referrals/" + sent.id().asString(), "Sent the referral to " + r.names().partner(sent.toPartner()) + ".");
                return;
            }
        }
        sendForm(r, 400, e, r.formValues(), errors);
    }

    private void sendForm(WebRequest r, int status, Employer e, Map<String, String> values, FormErrors errors) {
        PartnerId me = r.actor().partner();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("employer", e);
        p.put("values", values);
        p.put("errors", errors);
        p.put("partners", r.names().partners().values().stream().filter(x -> !x.id().equals(me))
                .map(x -> new Option(x.id().asString(), x.name())).toList());
        List<Option> needs = new ArrayList<>();
        for (BusinessNeed n : r.crm().needs().list(new NeedFilter(e.id(), null, null, null), PageRequest.first(200)).items()) {
            if (!n.status().isClosed()) {
                needs.add(new Option(n.id().asString(), Option.words(n.category().name()) + ": " + n.description()));
            }
        }
        p.put("needs", needs);
        p.put("contacts", ReleasePages.contacts(r.crm(), e.id()));
        String title = "Refer " + e.legalName() + " to another partner";
        r.render(status, "referrals/send.jte", errors.isEmpty() ? title : "Not sent: " + title, "/referrals", p);
    }

    private static void requireWriter(WebRequest r) {
        if (!r.canWrite()) {
            throw new AccessDeniedException(r.actor().name() + " is a " + r.actor().role() + " and may not send referrals (STAFF and above may)");
        }
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", "Status");
        m.put("declineReason", "Reason for declining");
        m.put("outcome", "Outcome");
        m.put("message", "Message");
        ReleasePages.labels(m);
        return m;
    }

    private static Map<String, String> sendLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("toPartner", "Refer to");
        m.put("requestedService", "Service requested");
        m.put("need", "Need it answers");
        m.put("responseDue", "Answer due by");
        m.put("message", "Message to the partner");
        ReleasePages.labels(m);
        return m;
    }
}
