package org.sectorcrm.examples.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * The message thread of a referral, beyond the routes every record gets ({@code /referral-messages}): the thread with the
 * caller's unread count, posting, marking read, and the caller's unread counts over every thread. Every rule is crm-core's
 * ({@code messages()}): only the staff of the referral's two partners read (403 for others) and STAFF and above post.
 */
final class MessageRoutes implements RouteGroup {
    /** A thread, oldest first, and how many of its messages others wrote that the caller has not read. */
    public record ReferralThread(String referral, List<ReferralMessage> messages, long unread) {
    }

    /** A message to post: the body, and optionally the message of the same thread it answers. */
    public record NewMessage(String body, ReferralMessageId replyTo) {
    }

    /** Read up to this message of the thread (optional: the latest when left out, {@code {}}). */
    public record ReadUpTo(ReferralMessageId upTo) {
    }

    /** The caller's unread count on one referral. */
    public record Unread(String referral, long unread) {
    }

    /** The caller's unread counts, per referral with unread messages, and their total. */
    public record UnreadCounts(List<Unread> referrals, long total) {
    }

    @Override
    public List<Route> routes() {
        String path = "/" + AggregateTypes.REFERRAL.plural() + "/{id}/messages";
        String tag = AggregateTypes.REFERRAL_MESSAGE.plural();
        List<Route> routes = new ArrayList<>();
        routes.add(Route.get(path).tag(tag).id("referralThread", "The referral's messages, oldest first, with your unread count (the two partners' staff)")
                .returns(ReferralThread.class).handle(ctx -> {
                    CrmSession s = Http.session(ctx);
                    ReferralId id = AggregateTypes.REFERRAL.parseId(ctx.pathParam("id"));
                    Http.send(ctx, 200, new ReferralThread(id.asString(), s.messages().thread(id), s.messages().unread(id)));
                }));
        routes.add(Route.post(path).tag(tag).id("postReferralMessage", "Post a message to the referral's thread (the two partners' STAFF and above)")
                .body(NewMessage.class).returns(ReferralMessage.class).status(201).handle(ctx -> {
                    ReferralId id = AggregateTypes.REFERRAL.parseId(ctx.pathParam("id"));
                    NewMessage body = Http.body(ctx, NewMessage.class);
                    ReferralMessage m = Http.session(ctx).messages().post(id, body.body(), body.replyTo());
                    ctx.header("ETag", Http.etag(m.version()));
                    ctx.header("Location", ApiServer.BASE + "/" + AggregateTypes.REFERRAL_MESSAGE.plural() + "/" + m.id().asString());
                    Http.send(ctx, 201, m);
                }));
        routes.add(Route.post(path + "/read").tag(tag).id("markReferralThreadRead",
                "Mark the thread read up to a message (the latest for {}); your read marker moves, the messages do not")
                .body(ReadUpTo.class).returns(Unread.class).handle(ctx -> {
                    CrmSession s = Http.session(ctx);
                    ReferralId id = AggregateTypes.REFERRAL.parseId(ctx.pathParam("id"));
                    // a JSON body even when empty ({}): a form or text/plain POST from another page cannot move the marker
                    ReadUpTo body = Http.body(ctx, ReadUpTo.class);
                    if (body.upTo() == null) {
                        s.messages().markRead(id, "api");
                    } else {
                        s.messages().markRead(id, body.upTo(), "api");
                    }
                    Http.send(ctx, 200, new Unread(id.asString(), s.messages().unread(id)));
                }));
        routes.add(Route.get("/me/unread").tag(tag).id("myUnreadMessages", "Your unread message counts, per referral with unread messages")
                .returns(UnreadCounts.class).handle(ctx -> {
                    Map<ReferralId, Long> counts = Http.session(ctx).messages().unreadCounts();
                    List<Unread> list = counts.entrySet().stream().map(e -> new Unread(e.getKey().asString(), e.getValue())).toList();
                    Http.send(ctx, 200, new UnreadCounts(list, list.stream().mapToLong(Unread::unread).sum()));
                }));
        return routes;
    }
}
