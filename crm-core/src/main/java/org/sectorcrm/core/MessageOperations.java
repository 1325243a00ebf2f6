package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sectorcrm.core.message.ReadMarker;
import org.sectorcrm.core.message.ReadMarkerFilter;
import org.sectorcrm.core.message.ReadMarkerId;
import org.sectorcrm.core.message.ReferralMessage;
import org.sectorcrm.core.message.ReferralMessageFilter;
import org.sectorcrm.core.message.ReferralMessageId;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralId;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Messages on referrals: a thread between the staff of the referral's two partners. Only their staff read a thread
 * (any role; no role of a third partner sees a message, ADMIN included) and only their STAFF and above post to it.
 * A message is posted now, by the actor, for the actor's partner, whatever the draft says; it is never edited, and
 * only its author deletes it.
 *
 * <p>Read state is one {@link ReadMarker} per reader and referral, moved by {@link #markRead}: it is written in a
 * transaction of its own without an audit entry or an outbox event (reading is not a change of the record, and a
 * webhook per page view would drown the ones that matter), and it never touches the messages.
 *
 * @since 2
 */
public final class MessageOperations extends RecordOperations<ReferralMessageId, ReferralMessage, ReferralMessageFilter, ReferralMessage> {
    /** The order of a thread: time sent, then id. */
    public static final Comparator<ReferralMessage> THREAD_ORDER = Comparator.comparing(ReferralMessage::sentAt)
            .thenComparing(m -> m.id().value());

    MessageOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.REFERRAL_MESSAGE);
    }

    /** A message the actor may not read does not exist for them (its existence would tell who talks to whom). */
    @Override
    public Optional<ReferralMessage> find(ReferralMessageId id) {
        return super.find(id).filter(m -> m.readableBy(actor.partner()));
    }

    /** Only threads the actor's partner is a side of; a filter naming another partner still returns only those. */
    @Override
    public Page<ReferralMessage> list(ReferralMessageFilter filter, PageRequest page) {
        ReferralMessageFilter own = filter == null || filter.partner() != null ? filter : filter.withPartner(actor.partner());
        Page<ReferralMessage> found = super.list(own, page);
        List<ReferralMessage> readable = found.items().stream().filter(m -> m.readableBy(actor.partner())).toList();
        return readable.size() == found.items().size() ? found : new Page<>(readable, found.nextCursor());
    }

    @Override
    public long count(ReferralMessageFilter filter) {
        if (filter != null && filter.partner() != null && !filter.partner().equals(actor.partner())) {
            return all(filter).size();
        }
        return super.count(filter == null ? null : filter.withPartner(actor.partner()));
    }

    @Override
    ReferralMessage prepare(Changes changes, ReferralMessage m, ReferralMessage stored) {
        if (stored != null) {
            throw ValidationException.of(key(), "body", "a sent message is not edited; post a new one (it may reply to this one)");
        }
        Referral referral = changes.tx.referrals().find(m.referral())
                .orElseThrow(() -> ValidationException.of(key(), "referral", "referral " + m.referral() + " does not exist"));
        requireParty(referral);
        if (m.replyTo() != null) {
            var replied = changes.tx.store(type).find(m.replyTo());
            if (replied.isEmpty() || !replied.get().referral().equals(m.referral())) {
                throw ValidationException.of(key(), "replyTo", "message " + m.replyTo() + " is not a message of referral " + m.referral());
            }
        }
        PartnerId other = referral.fromPartner().equals(actor.partner()) ? referral.toPartner() : referral.fromPartner();
        // Whatever the draft says, a message is sent now, by the actor, for the actor's partner (as a new note is).
        return m.sent(referral.employer(), actor.partner(), other, actor.user(), changes.now);
    }

    @Override
    void checkDelete(Changes changes, ReferralMessage stored) {
        if (!stored.author().equals(actor.user())) {
            throw new AccessDeniedException("only its author may delete message " + stored.id());
        }
    }

    /** Posts {@code body} to the thread of {@code referral}, optionally as a reply to one of its messages. */
    public ReferralMessage post(ReferralId referral, String body, ReferralMessageId replyTo) {
        require(key(), "referral", referral);
        // the draft's partners, author and time are placeholders that prepare replaces
        PartnerId placeholder = actor.partner();
        return create(new ReferralMessage(null, null, referral, new org.sectorcrm.core.employer.EmployerId(referral.value()), placeholder,
                placeholder, actor.user(), crm.clock().instant(), body, replyTo));
    }

    /** Every message of the thread of {@code referral}, oldest first; only its two partners' staff read it. */
    public List<ReferralMessage> thread(ReferralId referral) {
        requireParty(loadReferral(referral));
        List<ReferralMessage> all = all(ReferralMessageFilter.thread(referral));
        all.sort(THREAD_ORDER);
        return all;
    }

    /** How many messages of the thread of {@code referral} others wrote after the actor's read marker. */
    public long unread(ReferralId referral) {
        requireParty(loadReferral(referral));
        Optional<ReadMarker> marker = marker(referral);
        return all(ReferralMessageFilter.thread(referral)).stream().filter(m -> isUnread(m, marker.orElse(null))).count();
    }

    /**
     * The actor's unread counts, per referral with at least one unread message, over every thread of the actor's
     * partner: messages others wrote after the actor's read marker on that referral.
     */
    public Map<ReferralId, Long> unreadCounts() {
        Map<ReferralId, ReadMarker> markers = new LinkedHashMap<>();
        crm.storage().read(tx -> {
            var store = tx.store(AggregateTypes.READ_MARKER);
            ReadMarkerFilter mine = new ReadMarkerFilter(null, actor.user());
            Page<ReadMarker> page = store.query(mine, PageRequest.first(PageRequest.MAX_LIMIT));
            page.items().forEach(m -> markers.put(m.referral(), m));
            while (page.hasNext()) {
                page = store.query(mine, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
                page.items().forEach(m -> markers.put(m.referral(), m));
            }
            return null;
        });
        Map<ReferralId, Long> counts = new java.util.TreeMap<>(Comparator.comparing(ReferralId::value));
        for (ReferralMessage m : all(new ReferralMessageFilter(null, actor.partner(), null, null, null))) {
            if (isUnread(m, markers.get(m.referral()))) {
                counts.merge(m.referral(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * Marks the thread of {@code referral} read up to its latest message (any role: a VIEWER has read state too). The
     * marker only moves forward; {@code via} says where ("web", "api"). Returns the marker, or empty for a thread with
     * no message yet.
     */
    public Optional<ReadMarker> markRead(ReferralId referral, String via) {
        List<ReferralMessage> thread = thread(referral);
        return thread.isEmpty() ? Optional.empty() : Optional.of(markRead(referral, thread.get(thread.size() - 1), via));
    }

    /** Marks the thread read up to and including {@code upTo} (one of its messages). */
    public ReadMarker markRead(ReferralId referral, ReferralMessageId upTo, String via) {
        require(key(), "upTo", upTo);
        ReferralMessage m = find(upTo).filter(x -> x.referral().equals(referral))
                .orElseThrow(() -> ValidationException.of(key(), "upTo", "message " + upTo + " is not a message of referral " + referral));
        return markRead(referral, m, via);
    }

    private ReadMarker markRead(ReferralId referral, ReferralMessage upTo, String via) {
        ReadMarkerId id = ReadMarkerId.of(referral, actor.user());
        for (int attempt = 0; ; attempt++) {
            try {
                return crm.storage().inTransaction(tx -> {
                    var store = tx.store(AggregateTypes.READ_MARKER);
                    Optional<ReadMarker> stored = store.find(id);
                    if (stored.isEmpty()) {
                        ReadMarker created = ReadMarker.at(referral, actor.user(), upTo, via).withStamp(Stamp.first(crm.clock().instant(), actor.partner()));
                        store.save(created, 0);
                        return created;
                    }
                    ReadMarker moved = stored.get().movedTo(upTo, via);
                    if (moved == stored.get()) {
                        return moved;
                    }
                    ReadMarker next = moved.withStamp(stored.get().stamp().next(crm.clock().instant()));
                    store.save(next, stored.get().version());
                    return next;
                });
            } catch (ConflictException e) {
                // the same reader in two windows: read again and move from where the other left it
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    private Optional<ReadMarker> marker(ReferralId referral) {
        return crm.storage().read(tx -> tx.store(AggregateTypes.READ_MARKER).find(ReadMarkerId.of(referral, actor.user())));
    }

    private boolean isUnread(ReferralMessage m, ReadMarker marker) {
        return !m.author().equals(actor.user()) && (marker == null || !marker.covers(m));
    }

    private Referral loadReferral(ReferralId referral) {
        require(key(), "referral", referral);
        return crm.storage().read(tx -> tx.referrals().find(referral)).orElseThrow(() -> new NotFoundException("referral", referral));
    }

    private void requireParty(Referral r) {
        if (!r.fromPartner().equals(actor.partner()) && !r.toPartner().equals(actor.partner())) {
            throw new AccessDeniedException("only the staff of the two partners of referral " + r.id() + " read and post its messages");
        }
    }

    private List<ReferralMessage> all(ReferralMessageFilter filter) {
        List<ReferralMessage> result = new ArrayList<>();
        Page<ReferralMessage> page = list(filter, PageRequest.first(PageRequest.MAX_LIMIT));
        result.addAll(page.items());
        while (page.hasNext()) {
            page = list(filter, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            result.addAll(page.items());
        }
        return result;
    }
}
