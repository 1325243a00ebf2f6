package org.sectorcrm.jdbc.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.jdbc.internal.ConsumerTable;

/**
 * Hands the outbox's events to named consumers, at least once and in commit order, with each consumer's cursor kept
 * in the CRM database ({@code crm_consumer}).
 *
 * <pre>{@code
 * OutboxDispatcher outbox = OutboxDispatcher.builder().storage(storage).node("web-1").build();
 * outbox.registerFromNow("crm-to-erp");                 // once: start with the events committed from now on
 * PollResult r = outbox.poll("crm-to-erp", e -> erp.send(e.event())); // from a scheduler, every few seconds
 * }</pre>
 *
 * <p>How it stays correct:
 * <ul>
 *   <li><b>Restarts.</b> The cursor moves in its own committed transaction after each event the handler finished, so a
 *       restarted node goes on after the last finished event; an event whose handler ran but whose cursor move did not
 *       commit (a crash in between) is handed out again: at least once, never skipped.</li>
 *   <li><b>Several nodes.</b> A poll first takes the consumer's lease: one conditional {@code UPDATE} that succeeds only
 *       when nobody holds an unexpired lease, so of two nodes exactly one works on a consumer at a time (tested with two
 *       dispatchers on PostgreSQL and on MariaDB). Every cursor move renews the lease and names its owner in the WHERE
 *       clause: a node that was paused past its lease cannot move a cursor another node has moved since. The lease
 *       ({@link Builder#lease}, default 5 minutes) must be longer than a handler takes for one event; the nodes' clocks
 *       must agree to well within it.</li>
 *   <li><b>Retries.</b> A handler that throws leaves the cursor on the event before, counts a failure and gives the lease
 *       up; the consumer is then left alone for the {@link Backoff} of its failures in a row, and the next poll after it
 *       (on any node) tries the same event again. Later events wait: a consumer sees its events in order.</li>
 * </ul>
 * Nothing here starts a thread or sleeps: the caller decides when to poll (a scheduler in the server, explicit calls in
 * tests), and the {@link Clock} decides what "now" is.
 */
public final class OutboxDispatcher {
    private final JdbcCrmStorage storage;
    private final String node;
    private final Clock clock;
    private final Duration lease;
    private final Backoff backoff;
    private final int batchSize;

    private OutboxDispatcher(Builder b) {
        this.storage = b.storage;
        this.node = b.node != null ? b.node : "node-" + UUID.randomUUID();
        this.clock = b.clock;
        this.lease = b.lease;
        this.backoff = b.backoff;
        this.batchSize = b.batchSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This dispatcher's name in the lease column. */
    public String node() {
        return node;
    }

    /** Adds a consumer that starts with the first event ever written, unless it exists. Returns whether it was added. */
    public boolean registerFromStart(String consumer) {
        return register(consumer, 0);
    }

    /** Adds a consumer that starts after the newest event committed now, unless it exists. Returns whether it was added. */
    public boolean registerFromNow(String consumer) {
        requireName(consumer);
        return storage.inTransaction(tx -> ConsumerTable.register(tx, consumer, ConsumerTable.lastSequence(tx), clock.millis()));
    }

    /** Adds a consumer whose next event is the first after {@code cursor}, unless it exists (then nothing changes). */
    public boolean register(String consumer, long cursor) {
        requireName(consumer);
        if (cursor < 0) {
            throw new IllegalArgumentException("a cursor is never negative, but was " + cursor);
        }
        return storage.inTransaction(tx -> ConsumerTable.register(tx, consumer, cursor, clock.millis()));
    }

    /** Forgets a consumer (its cursor, lease and failures). Returns whether it existed. */
    public boolean remove(String consumer) {
        return storage.inTransaction(tx -> ConsumerTable.remove(tx, consumer));
    }

    public Optional<ConsumerState> state(String consumer) {
        return storage.read(tx -> ConsumerTable.find(tx, consumer)).map(OutboxDispatcher::toState);
    }

    public List<ConsumerState> consumers() {
        return storage.read(ConsumerTable::all).stream().map(OutboxDispatcher::toState).toList();
    }

    /** Ends a back-off now (an operator fixed the endpoint): the next poll tries again. Returns whether the consumer exists. */
    public boolean retryNow(String consumer) {
        return storage.inTransaction(tx -> ConsumerTable.resume(tx, consumer, clock.millis()));
    }

    /**
     * One round for {@code consumer}: takes its lease, hands up to the batch size of events after its cursor to
     * {@code handler} one by one, moving the cursor after each, and gives the lease up.
     *
     * @throws NotFoundException when the consumer was never registered
     */
    public PollResult poll(String consumer, EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        long now = clock.millis();
        boolean leased = storage.inTransaction(tx -> ConsumerTable.lease(tx, consumer, node, now, now + lease.toMillis()));
        ConsumerTable.Row row = storage.read(tx -> ConsumerTable.find(tx, consumer))
                .orElseThrow(() -> new NotFoundException("consumer", consumer));
        if (!leased) {
            if (row.retryAt() > now) {
                return new PollResult(PollResult.Outcome.BACKING_OFF, 0, row.cursor(), false, row.failures(), Instant.ofEpochMilli(row.retryAt()), null);
            }
            return new PollResult(PollResult.Outcome.LEASED_ELSEWHERE, 0, row.cursor(), false, 0, Instant.ofEpochMilli(row.leaseUntil()), null);
        }
        boolean holding = true;
        try {
            long cursor = row.cursor();
            List<StoredEvent> events = storage.read(tx -> tx.events().after(row.cursor(), batchSize));
            int handled = 0;
            for (StoredEvent event : events) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    int failures = row.failures() + 1;
                    long at = clock.millis();
                    long retryAt = at + backoff.after(failures).toMillis();
                    String error = describe(event, e);
                    storage.inTransaction(tx -> ConsumerTable.fail(tx, consumer, node, error, at, retryAt));
                    holding = false;
                    return new PollResult(PollResult.Outcome.FAILED, handled, cursor, false, failures, Instant.ofEpochMilli(retryAt), error);
                }
                long at = clock.millis();
                if (!storage.inTransaction(tx -> ConsumerTable.advance(tx, consumer, node, event.sequence(), at, at + lease.toMillis()))) {
                    holding = false;
                    return new PollResult(PollResult.Outcome.LEASE_LOST, handled, cursor, false, 0, null, null);
                }
                cursor = event.sequence();
                handled++;
            }
            PollResult.Outcome outcome = handled == 0 ? PollResult.Outcome.IDLE : PollResult.Outcome.DELIVERED;
            return new PollResult(outcome, handled, cursor, events.size() == batchSize, 0, null, null);
        } finally {
            if (holding) {
                storage.inTransaction(tx -> ConsumerTable.release(tx, consumer, node, clock.millis()));
            }
        }
    }

    /** Polls until the consumer is caught up, fails, backs off or is leased elsewhere; returns the last poll's result. */
    public PollResult drain(String consumer, EventHandler handler) {
        PollResult r;
        do {
            r = poll(consumer, handler);
        } while (r.more() && r.outcome() == PollResult.Outcome.DELIVERED);
        return r;
    }

    private static String describe(StoredEvent event, Exception e) {
        String m = "event " + event.sequence() + " (" + event.event().eventId() + "): " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "");
        return m.length() > 2000 ? m.substring(0, 2000) : m;
    }

    private static ConsumerState toState(ConsumerTable.Row r) {
        return new ConsumerState(r.name(), r.cursor(), r.leaseOwner(), Instant.ofEpochMilli(r.leaseUntil()), r.failures(), Instant.ofEpochMilli(r.retryAt()),
                r.lastError(), Instant.ofEpochMilli(r.updatedAt()));
    }

    private static void requireName(String consumer) {
        if (consumer == null || consumer.isBlank() || consumer.length() > 200) {
            throw new IllegalArgumentException("a consumer name is 1 to 200 characters, but was " + (consumer == null ? "null" : "'" + consumer + "'"));
        }
    }

    /** Configures an {@link OutboxDispatcher}; only the storage is required. */
    public static final class Builder {
        private JdbcCrmStorage storage;
        private String node;
        private Clock clock = Clock.systemUTC();
        private Duration lease = Duration.ofMinutes(5);
        private Backoff backoff = Backoff.standard();
        private int batchSize = 100;

        private Builder() {
        }

        /** The SQL store whose outbox is read and whose database keeps the cursors. */
        public Builder storage(JdbcCrmStorage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** This node's name in the lease (default {@code node-<random UUID>}); every node of a cluster needs its own. */
        public Builder node(String node) {
            if (node == null || node.isBlank() || node.length() > 200) {
                throw new IllegalArgumentException("a node name is 1 to 200 characters, but was " + (node == null ? "null" : "'" + node + "'"));
            }
            this.node = node;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a lease lasts without a cursor move (default 5 minutes): longer than the handler takes for one event. */
        public Builder lease(Duration lease) {
            if (lease == null || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the lease must be positive but was " + lease);
            }
            this.lease = lease;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** How many events one poll reads at most (default 100). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("the batch size is 1 to 1000 but was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        public OutboxDispatcher build() {
            if (storage == null) {
                throw new IllegalStateException("storage(...) is required: the JdbcCrmStorage whose outbox is read");
            }
            return new OutboxDispatcher(this);
        }
    }
}
