package org.sectorcrm.examples.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.javalin.http.Context;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.examples.accounts.Accounts;
import org.sectorcrm.examples.calendar.AppointmentCalendar;

/**
 * Scheduling: what appointments have beyond the routes every record gets, namely their lifecycle moves, each
 * appointment as an iCalendar file, and per-staff calendar feeds that calendar programs subscribe to.
 *
 * <p>A feed is opened by the secret token in its URL ({@code GET /calendar/{feedToken}.ics}), because calendar programs
 * cannot send a bearer token. Users make and revoke their own feeds ({@code /calendar-feeds}); only the token's SHA-256
 * is stored, and a user's feeds end with their password change, their disabling or their removal, like their other
 * credentials. A feed runs as its user, with that user's rights: a VIEWER's feed names contacts without their e-mail.
 */
final class SchedulingRoutes implements RouteGroup {
    /** How far back a feed reaches: calendars keep what they have already seen, and old meetings rarely change. */
    static final Duration FEED_HISTORY = Duration.ofDays(90);
    private static final String CALENDAR = AppointmentCalendar.MEDIA_TYPE;

    private final Crm crm;
    private final Accounts accounts;
    private final Authentication auth;
    private final AppointmentCalendar calendar;

    SchedulingRoutes(Crm crm, Accounts accounts, Authentication auth, String uidDomain) {
        this.crm = crm;
        this.auth = auth;
        this.accounts = accounts;
        this.calendar = new AppointmentCalendar(uidDomain);
    }

    @Override
    public List<Route> routes() {
        var type = AggregateTypes.APPOINTMENT;
        List<Route> routes = new ArrayList<>();
        routes.add(RecordRoutes.action(type, "hold", "holdAppointment", "The meeting took place (optionally naming the engagement it produced)",
                Bodies.Held.class, (s, id, v, ctx) -> s.appointments().hold(type.parseId(id), v, Http.body(ctx, Bodies.Held.class).produced())));
        routes.add(RecordRoutes.action(type, "engagement", "recordAppointmentEngagement", "Name the engagement a held meeting produced",
                Bodies.Produced.class,
                (s, id, v, ctx) -> s.appointments().recordEngagement(type.parseId(id), v, Http.body(ctx, Bodies.Produced.class).produced())));
        routes.add(RecordRoutes.action(type, "cancel", "cancelAppointment", "Cancel, with a reason", Bodies.Reason.class,
                (s, id, v, ctx) -> s.appointments().cancel(type.parseId(id), v, Http.body(ctx, Bodies.Reason.class).reason())));
        routes.add(RecordRoutes.action(type, "no-show", "noShowAppointment", "The employer did not come", null,
                (s, id, v, ctx) -> s.appointments().noShow(type.parseId(id), v)));
        routes.add(RecordRoutes.action(type, "reschedule", "rescheduleAppointment", "Move a scheduled meeting to another time",
                Bodies.Reschedule.class, (s, id, v, ctx) -> {
                    Bodies.Reschedule b = Http.body(ctx, Bodies.Reschedule.class);
                    return s.appointments().reschedule(type.parseId(id), v, b.start(), b.end(), b.zone());
                }));
        routes.add(Route.get("/appointments/{id}.ics").tag("calendars").id("appointmentCalendar",
                "The appointment as an iCalendar (RFC 5545) file, for a calendar program").media(CALENDAR).handle(ctx -> {
                    CrmSession s = Http.session(ctx);
                    Appointment a = s.appointments().get(type.parseId(ctx.pathParam("id")));
                    ctx.header("Content-Disposition", "inline; filename=\"appointment-" + a.id().asString() + ".ics\"");
                    sendCalendar(ctx, calendar.write(List.of(a), people(s), null));
                }));
        routes.add(Route.post("/calendar-feeds").tag("calendars").id("createCalendarFeed",
                "Make a calendar feed of your appointments (organiser or attendee) for a calendar program to subscribe to; the URL is shown once")
                .body(Bodies.NewFeed.class).returns(Bodies.IssuedFeed.class).status(201).handle(ctx -> {
                    Bodies.NewFeed body = Http.body(ctx, Bodies.NewFeed.class);
                    Accounts.IssuedFeed issued = accounts.issueFeed(Authentication.holder(ctx), body.name());
                    String url = ctx.scheme() + "://" + ctx.host() + ApiServer.BASE + "/calendar/" + issued.token() + ".ics";
                    Http.send(ctx, 201, new Bodies.IssuedFeed(issued.feed().id(), issued.feed().name(), url,
                            "subscribe to this URL now: its token is not shown again; revoke it with DELETE " + ApiServer.BASE + "/calendar-feeds/"
                                    + issued.feed().id()));
                }));
        routes.add(Route.get("/calendar-feeds").tag("calendars").id("listCalendarFeeds", "Your calendar feeds (without their tokens)")
                .returns(Bodies.Feeds.class).handle(ctx -> Http.send(ctx, 200, new Bodies.Feeds(accounts.feeds(Http.session(ctx).actor().user())
                        .stream().map(f -> new Bodies.Feed(f.id(), f.name(), f.createdAt())).toList()))));
        routes.add(Route.delete("/calendar-feeds/{id}").tag("calendars").id("revokeCalendarFeed", "Revoke one of your calendar feeds: its URL stops answering")
                .handle(ctx -> {
                    if (!accounts.revokeFeed(Http.session(ctx).actor().user(), ctx.pathParam("id"))) {
                        throw new ApiException(404, "Not Found", "you have no calendar feed " + ctx.pathParam("id"));
                    }
                    ctx.status(204);
                }));
        routes.add(Route.get("/calendar/{feedToken}.ics").tag("calendars").id("calendarFeed", "A staff member's appointments (organiser or attendee)"
                + " from " + FEED_HISTORY.toDays() + " days ago on, as iCalendar; opened by the feed token in the URL, not by a session or API token")
                .media(CALENDAR).open().handle(this::feed));
        return routes;
    }

    private void feed(Context ctx) {
        // An unknown, revoked or disabled user's token: the URL no longer exists (a 401 would make programs ask for a password).
        ApiException gone = new ApiException(404, "Not Found", "no calendar feed at this URL (it may have been revoked)");
        String token = ctx.pathParam("feedToken");
        Accounts.Holder holder = accounts.feedUser(token).orElseThrow(() -> gone);
        CrmSession s;
        try {
            s = auth.open(ctx, holder, Accounts.Credential.CALENDAR_FEED, token, null);
        } catch (ApiException e) {
            throw gone;
        }
        StaffUserId user = holder.user();
        AppointmentFilter filter = new AppointmentFilter(null, null, null, user, null, crm.clock().instant().minus(FEED_HISTORY), null);
        List<Appointment> appointments = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<Appointment> p = s.appointments().list(filter, page);
            appointments.addAll(p.items());
            if (!p.hasNext()) {
                break;
            }
            page = PageRequest.after(p.nextCursor(), PageRequest.MAX_LIMIT);
        }
        sendCalendar(ctx, calendar.write(appointments, people(s), s.actor().name() + " (SectorCRM)"));
    }

    private static void sendCalendar(Context ctx, String ics) {
        ctx.status(200);
        ctx.contentType(CALENDAR + "; charset=utf-8");
        ctx.result(ics.getBytes(StandardCharsets.UTF_8));
    }

    /** The people of the events as the session's user may see them, each read once per answer. */
    private static AppointmentCalendar.People people(CrmSession s) {
        Map<StaffUserId, Optional<StaffUser>> staff = new HashMap<>();
        Map<ContactId, Optional<ContactView>> contacts = new HashMap<>();
        return new AppointmentCalendar.People() {
            @Override
            public Optional<StaffUser> staff(StaffUserId id) {
                return staff.computeIfAbsent(id, k -> s.reference().staffUsers().find(k));
            }

            @Override
            public Optional<ContactView> contact(ContactId id) {
                return contacts.computeIfAbsent(id, k -> s.contacts().find(k));
            }
        };
    }
}
