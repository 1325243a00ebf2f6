package org.sectorcrm.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.DomainEventListener;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.spi.Capability;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * The application API: the domain rules, access rules, audit and events over a {@link CrmStorage}.
 *
 * <pre>{@code
 * Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).build();
 * StaffUser admin = crm.bootstrap(Partner.named("Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
 * Employer acme = crm.as(admin).employers().create(Employer.named("Acme Tool & Die").withNaics(NaicsCode.of("333514")));
 * }</pre>
 *
 * Every operation runs as a staff user ({@link #as}); every write is one transaction that also appends an
 * audit entry and, where the storage keeps an event log, the domain event; listeners get the events after commit.
 */
public final class Crm {
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final List<DomainEventListener> listeners;
    private final Consumer<RuntimeException> listenerFailures;
    private final boolean releaseRequired;

    private Crm(Builder b) {
        this.releaseRequired = b.releaseRequired;
        this.storage = b.storage;
        this.clock = b.clock;
        this.ids = b.ids != null ? b.ids : IdGenerator.timeOrdered(b.clock, new java.security.SecureRandom());
        this.listeners = List.copyOf(b.listeners);
        this.listenerFailures = b.listenerFailures;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a referral naming a contact needs a valid release of information to be sent ({@link Builder#requireRelease}). @since 2 */
    public boolean releaseRequired() {
        return releaseRequired;
    }

    /** The operations the stored, active staff user {@code user} may perform; its role and partner are re-read from storage. */
    public CrmSession as(StaffUser user) {
        if (user == null || user.id() == null) {
            throw ValidationException.of("actor", "user", "must be a stored staff user, not a draft");
        }
        return as(user.id());
    }

    public CrmSession as(StaffUserId userId) {
        if (userId == null) {
            throw ValidationException.of("actor", "user", "is required");
        }
        StaffUser user = storage.find(org.sectorcrm.core.type.AggregateTypes.STAFF_USER, userId) // a cache hit needs no transaction
                .orElseThrow(() -> new AccessDeniedException("staff user " + userId + " does not exist"));
        return sessionFor(user);
    }

    /**
     * As {@code userId}, with at most the role {@code atMost}: a credential limited to less than its user may do (an
     * API token issued for reading only) acts with the lower of the two roles.
     */
    public CrmSession as(StaffUserId userId, Role atMost) {
        if (atMost == null) {
            throw ValidationException.of("actor", "role", "is required");
        }
        CrmSession full = as(userId);
        Actor a = full.actor();
        return a.role().atLeast(atMost) && a.role() != atMost ? new CrmSession(this, new Actor(a.user(), a.partner(), atMost, a.name())) : full;
    }

    /** For command-line jobs ({@code --as ada@board.example}): the staff user with this e-mail. */
    public CrmSession as(String email) {
        EmailAddress address = EmailAddress.parse(email);
        StaffUser user = storage.read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(address), PageRequest.first(1)))
                .items().stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("no staff user has the e-mail " + address));
        return sessionFor(user);
    }

    private CrmSession sessionFor(StaffUser user) {
        if (!user.active()) {
            throw new AccessDeniedException("staff user " + user.name() + " is disabled");
        }
        return new CrmSession(this, Actor.of(user));
    }

    /**
     * Creates the first partner and its first ADMIN on an empty storage; refuses once any staff user exists
     * (later users are added by an admin). Returns the admin.
     */
    public StaffUser bootstrap(Partner partner, String adminName, String adminEmail) {
        if (partner == null) {
            throw ValidationException.of("partner", "partner", "is required");
        }
        EmailAddress email = EmailAddress.parse(adminEmail);
        return storage.inTransaction(tx -> {
            if (tx.staffUsers().count(StaffUserFilter.ALL) > 0) {
                throw new ConflictException("staffUser", email, null, "the CRM already has staff users; an admin adds more");
            }
            var now = clock.instant();
            PartnerId pid = partner.id() != null ? partner.id() : new PartnerId(ids.next());
            Partner stored = partner.withId(pid).withStamp(Stamp.first(now, pid));
            tx.partners().save(stored, 0);
            StaffUser admin = new StaffUser(new StaffUserId(ids.next()), Stamp.first(now, pid), pid, adminName, email, Role.ADMIN, true);
            tx.staffUsers().save(admin, 0);
            return admin;
        });
    }

    /** The event log for integrations (e-mail notifications, webhooks): each reads every event with its own cursor. */
    public EventFeed events() {
        return new EventFeed();
    }

    /** Reads the storage's event log (outbox). */
    public final class EventFeed {
        private EventFeed() {
        }

        /**
         * Up to {@code limit} committed events after {@code cursor} (start at 0; then pass the last sequence you
         * processed), in commit order. Remembering the cursor across restarts gives at-least-once delivery.
         *
         * @throws UnsupportedOperationException when the storage keeps no event log ({@link Capability#EVENT_LOG})
         */
        public List<StoredEvent> after(long cursor, int limit) {
            if (!storage.capabilities().contains(Capability.EVENT_LOG)) {
                throw new UnsupportedOperationException("this storage keeps no event log (it lacks Capability.EVENT_LOG)");
            }
            if (cursor < 0) {
                throw ValidationException.of("events", "cursor", "must not be negative but was " + cursor);
            }
            if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
                throw ValidationException.of("events", "limit", "must be between 1 and " + PageRequest.MAX_LIMIT + " but was " + limit);
            }
            return storage.read(tx -> tx.events().after(cursor, limit));
        }
    }

    public CrmStorage storage() {
        return storage;
    }

    public Clock clock() {
        return clock;
    }

    IdGenerator ids() {
        return ids;
    }

    /** Runs a write as one transaction; audit entries and events it records are written in it, events published after commit. */
    <R> R write(Actor actor, Function<Changes, R> work) {
        List<DomainEvent> published = new ArrayList<>();
        R result = storage.inTransaction(tx -> {
            published.clear(); // a storage may retry the work; only the committed run's events count
            Changes changes = new Changes(this, actor, tx, published);
            return work.apply(changes);
        });
        publish(published);
        return result;
    }

    /** Hands committed events to the listeners; a failing listener never undoes the commit. */
    void publish(List<DomainEvent> published) {
        for (DomainEvent event : published) {
            for (DomainEventListener listener : listeners) {
                try {
                    listener.on(event);
                } catch (RuntimeException e) {
                    listenerFailures.accept(e);
                }
            }
        }
    }

    public static final class Builder {
        private CrmStorage storage;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids;
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private boolean releaseRequired = true;
        private Consumer<RuntimeException> listenerFailures = e -> System.getLogger(Crm.class.getName())
                .log(System.Logger.Level.WARNING, "a domain event listener failed", e);

        private Builder() {
        }

        public Builder storage(CrmStorage storage) {
            if (this.storage != null) {
                throw new IllegalStateException("storage was already set to " + this.storage);
            }
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** The clock for every timestamp; default the UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where ids come from; default UUID v7 from the clock and a secure random source. */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        public Builder listener(DomainEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** What happens when a listener throws (the commit stands either way); default a warning in the JDK logger. */
        public Builder listenerFailures(Consumer<RuntimeException> handler) {
            this.listenerFailures = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * Whether a referral about an individual contact is refused without a release of information valid that day
         * (default true: contact details cross to another partner only with the person's written agreement). A deployment
         * whose partners share under a data-sharing agreement of their own may switch it off.
         *
         * @since 2
         */
        public Builder requireRelease(boolean required) {
            this.releaseRequired = required;
            return this;
        }

        public Crm build() {
            if (storage == null) {
                throw new IllegalStateException("storage is required: Crm.builder().storage(...)");
            }
            return new Crm(this);
        }
    }
}
