package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.need.NeedId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/**
 * Engagements. Metadata is shared with every partner; a note's text only reaches the readers its visibility
 * allows: PRIVATE its author, PARTNER its partner's staff. No role bypasses this, ADMIN included. Staff log
 * engagements for their own partner; new notes are authored by the actor; only a note's author may change or
 * remove it, and notes the actor cannot see are kept as they are.
 */
public final class EngagementOperations extends RecordOperations<EngagementId, Engagement, EngagementFilter, Engagement> {
    EngagementOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.ENGAGEMENT);
    }

    @Override
    Engagement view(Engagement e) {
        List<Note> readable = e.notes().stream().filter(n -> n.readableBy(actor.user(), actor.partner())).toList();
        return readable.size() == e.notes().size() ? e : e.withNotes(readable);
    }

    @Override
    Engagement prepare(Changes changes, Engagement e, Engagement stored) {
        if (!e.partner().equals(actor.partner())) {
            throw new AccessDeniedException(actor.name() + " logs engagements for their own partner " + actor.partner() + ", not for " + e.partner());
        }
        Employer employer = changes.tx.employers().find(e.employer())
                .orElseThrow(() -> ValidationException.of(key(), "employer", "employer " + e.employer() + " does not exist"));
        Check c = Check.of(key());
        var staff = changes.tx.staffUsers().find(e.staff());
        c.that(staff.isPresent() && staff.get().partner().equals(e.partner()), "staff", "must be a staff user of partner " + e.partner());
        Engagement result = e;
        if (e.establishment() == null) {
            result = employer.primaryEstablishment().map(Establishment::id).map(e::withEstablishment).orElse(e);
        } else {
            c.that(employer.establishment(e.establishment()).isPresent(), "establishment", "is not an establishment of employer " + e.employer());
        }
        for (ContactId contact : e.contacts()) {
            var found = changes.tx.contacts().find(contact);
            c.that(found.isPresent() && found.get().employer().equals(e.employer()), "contacts", "contact " + contact + " is not a contact of employer " + e.employer());
        }
        for (NeedId need : e.needs()) {
            var found = changes.tx.needs().find(need);
            c.that(found.isPresent() && found.get().employer().equals(e.employer()), "needs", "need " + need + " is not a need of employer " + e.employer());
        }
        if (e.partnership() != null) {
            c.that(changes.tx.partnerships().find(e.partnership()).isPresent(), "partnership", "partnership " + e.partnership() + " does not exist");
        }
        c.throwIfInvalid();
        return result.withNotes(mergeNotes(changes, e.notes(), stored == null ? List.of() : stored.notes()));
    }

    /** The stored notes the actor cannot see, plus the actor's view after checking that only authors change their notes. */
    private List<Note> mergeNotes(Changes changes, List<Note> incoming, List<Note> stored) {
        Map<NoteId, Note> storedById = new HashMap<>();
        stored.forEach(n -> storedById.put(n.id(), n));
        List<Note> result = new ArrayList<>();
        java.util.Set<NoteId> kept = new java.util.HashSet<>();
        for (int i = 0; i < incoming.size(); i++) {
            Note n = incoming.get(i);
            if (n.id() == null || !storedById.containsKey(n.id())) {
                // A new note: whatever the caller put there, it is written now by the actor for the actor's partner.
                result.add(new Note(n.id() != null ? n.id() : new NoteId(changes.newId()), actor.user(), actor.partner(), n.visibility(), n.text(), changes.now));
                continue;
            }
            Note before = storedById.get(n.id());
            if (!before.readableBy(actor.user(), actor.partner())) {
                throw ValidationException.of(key(), "notes[" + i + "].id", "names a note that does not exist");
            }
            if (!before.equals(n) && !before.author().equals(actor.user())) {
                throw new AccessDeniedException("only its author may change note " + n.id());
            }
            result.add(before.author().equals(actor.user())
                    ? new Note(before.id(), before.author(), before.partner(), n.visibility(), n.text(), before.writtenAt()) : before);
            kept.add(n.id());
        }
        for (Note before : stored) {
            if (kept.contains(before.id())) {
                continue;
            }
            if (!before.readableBy(actor.user(), actor.partner())) {
                result.add(before); // invisible to the actor: never dropped by an update it could not see
            } else if (!before.author().equals(actor.user())) {
                throw new AccessDeniedException("only its author may remove note " + before.id());
            }
        }
        result.sort(java.util.Comparator.comparing(Note::writtenAt).thenComparing(n -> n.id().asString()));
        return result;
    }

    /**
     * Only the engagement's own partner deletes it, and only someone who can see every note on it: a colleague's delete
     * would otherwise destroy another author's PRIVATE notes it never saw (an update keeps them; a delete cannot).
     */
    @Override
    void checkDelete(Changes changes, Engagement stored) {
        if (!stored.partner().equals(actor.partner())) {
            throw new AccessDeniedException(actor.name() + " may only delete engagements of their own partner " + actor.partner());
        }
        long unseen = stored.notes().stream().filter(n -> !n.readableBy(actor.user(), actor.partner())).count();
        if (unseen > 0) {
            throw new AccessDeniedException("engagement " + stored.id() + " has " + unseen + " note(s) by others that " + actor.name()
                    + " cannot read; their authors remove them first (or one of them deletes the engagement)");
        }
    }

    /** Adds a note written now by the actor. */
    public Engagement addNote(EngagementId id, long expectedVersion, Visibility visibility, String text) {
        require(key(), "visibility", visibility);
        return transition(id, expectedVersion, e -> {
            List<Note> notes = new ArrayList<>(view(e).notes());
            notes.add(new Note(null, actor.user(), actor.partner(), visibility, text, crm.clock().instant()));
            return e.withNotes(notes);
        });
    }

    @Override
    Engagement saveChanged(Changes changes, Engagement stored, Engagement next, boolean lifecycle) {
        // transitions built from the actor's view pass through the same note rules as updates
        return super.saveChanged(changes, stored, lifecycle ? prepare(changes, next, stored) : next, lifecycle);
    }

    /** Engagements whose summary or notes the actor may read contain every word of the query. */
    public Page<Engagement> search(String query, PageRequest page) {
        SearchTerms terms = SearchTerms.parse(query);
        require(key(), "page", page);
        return crm.storage().read(tx -> tx.engagements().search(terms, org.sectorcrm.core.search.Reader.of(actor.user(), actor.partner()), page)).map(this::view);
    }

    /**
     * Follow-ups due on or before {@code day} (due or overdue) for the actor's partner, soonest due first.
     *
     * @since 2
     */
    public List<Engagement> followUpsDue(java.time.LocalDate day) {
        require(key(), "day", day);
        List<Engagement> due = all(EngagementFilter.followUpsDue(actor.partner(), day));
        due.sort(java.util.Comparator.comparing(Engagement::followUpDue).thenComparing(e -> e.id().asString()));
        return due;
    }

    /**
     * The engagements of one employer, newest first (by date, then by creation), for a timeline; at most {@code limit}.
     *
     * @since 2
     */
    public List<Engagement> timeline(org.sectorcrm.core.employer.EmployerId employer, int limit) {
        require(key(), "employer", employer);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw ValidationException.of(key(), "limit", "must be between 1 and " + PageRequest.MAX_LIMIT + " but was " + limit);
        }
        List<Engagement> all = all(EngagementFilter.forEmployer(employer));
        all.sort(java.util.Comparator.comparing(Engagement::date).thenComparing(e -> e.id().asString()).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private List<Engagement> all(EngagementFilter filter) {
        List<Engagement> result = new ArrayList<>();
        Page<Engagement> page = list(filter, PageRequest.first(PageRequest.MAX_LIMIT));
        result.addAll(page.items());
        while (page.hasNext()) {
            page = list(filter, PageRequest.after(page.nextCursor(), PageRequest.MAX_LIMIT));
            result.addAll(page.items());
        }
        return result;
    }
}
