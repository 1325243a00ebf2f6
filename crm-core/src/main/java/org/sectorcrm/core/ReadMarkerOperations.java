package org.sectorcrm.core;

import java.util.Optional;

import org.sectorcrm.core.message.ReadMarker;
import org.sectorcrm.core.message.ReadMarkerFilter;
import org.sectorcrm.core.message.ReadMarkerId;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * A staff user's own read markers, as records (what the generic API and an export reach). Each user reads only their
 * own; markers move through {@link MessageOperations#markRead}, so a direct create or update is refused, and a user
 * deletes only their own (the thread then counts as unread again).
 *
 * @since 2
 */
public final class ReadMarkerOperations extends RecordOperations<ReadMarkerId, ReadMarker, ReadMarkerFilter, ReadMarker> {
    ReadMarkerOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.READ_MARKER);
    }

    @Override
    public Optional<ReadMarker> find(ReadMarkerId id) {
        return super.find(id).filter(m -> m.reader().equals(actor.user()));
    }

    /** Only the actor's own markers, whatever reader the filter names. */
    @Override
    public Page<ReadMarker> list(ReadMarkerFilter filter, PageRequest page) {
        if (filter != null && filter.reader() != null && !filter.reader().equals(actor.user())) {
            return new Page<>(java.util.List.of(), null);
        }
        return super.list(filter == null ? null : new ReadMarkerFilter(filter.referral(), actor.user()), page);
    }

    @Override
    public long count(ReadMarkerFilter filter) {
        if (filter != null && filter.reader() != null && !filter.reader().equals(actor.user())) {
            return 0;
        }
        return super.count(filter == null ? null : new ReadMarkerFilter(filter.referral(), actor.user()));
    }

    @Override
    Role writeRole() {
        return Role.VIEWER;
    }

    @Override
    ReadMarker prepare(Changes changes, ReadMarker incoming, ReadMarker stored) {
        throw ValidationException.of(key(), "upToMessage", "read markers move with messages().markRead(referral), not by create or update");
    }

    @Override
    void checkDelete(Changes changes, ReadMarker stored) {
        if (!stored.reader().equals(actor.user())) {
            throw new NotFoundException(key(), stored.id());
        }
    }
}
