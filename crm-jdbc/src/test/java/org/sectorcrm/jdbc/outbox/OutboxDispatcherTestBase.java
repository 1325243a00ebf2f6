package org.sectorcrm.jdbc.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.jdbc.TestDatabase;

/**
 * The outbox dispatcher on each engine: in order and once, across a restart (a new store and dispatcher on the same
 * database), back-off driven by the clock alone, and two dispatchers ("nodes") on one database that never hand the
 * same event out twice, deterministically interleaved and racing on threads.
 */
abstract class OutboxDispatcherTestBase {
    abstract TestDatabase db();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private String url;
    private JdbcCrmStorage storage;
    private CrmSession ada;

    @BeforeEach
    void open() {
        url = db().url();
        storage = db().builderFor(url).build();
        if (db().dialect() != org.sectorcrm.jdbc.Dialect.SQLITE) {
            db().clear();
        }
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        ada = crm.as(crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example"));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private OutboxDispatcher dispatcher(JdbcCrmStorage on, String node) {
        return OutboxDispatcher.builder().storage(on).node(node).clock(clock).lease(Duration.ofMinutes(1))
                .backoff(Backoff.exponential(Duration.ofSeconds(10), Duration.ofMinutes(5))).batchSize(3).build();
    }

    private List<String> employers(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(ada.employers().create(Employer.named("Employer " + UUID.randomUUID())).id().asString());
        }
        return ids;
    }

    private static List<String> employerIds(List<StoredEvent> events) {
        return events.stream().filter(e -> e.event().recordType().key().equals("employer")).map(e -> e.event().recordId()).toList();
    }

    @Test
    void deliversEveryEventOnceInOrderAndGoesOnAfterARestart() {
        OutboxDispatcher outbox = dispatcher(storage, "a");
        assertThat(outbox.registerFromStart("mail")).isTrue();
        assertThat(outbox.registerFromStart("mail")).as("registering again keeps the cursor").isFalse();
        List<String> first = employers(4);
        List<StoredEvent> seen = new ArrayList<>();
        PollResult r = outbox.drain("mail", seen::add);
        assertThat(r.outcome()).isEqualTo(PollResult.Outcome.DELIVERED);
        assertThat(employerIds(seen)).containsExactlyElementsOf(first);
        assertThat(seen).extracting(StoredEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(outbox.poll("mail", seen::add).outcome()).isEqualTo(PollResult.Outcome.IDLE);

        List<String> second = employers(2);
        storage.close(); // the node stops; another process starts on the same database
        storage = db().builderFor(url).build();
        OutboxDispatcher restarted = dispatcher(storage, "a-restarted");
        assertThat(restarted.registerFromStart("mail")).isFalse();
        List<StoredEvent> after = new ArrayList<>();
        restarted.drain("mail", after::add);
        assertThat(employerIds(after)).containsExactlyElementsOf(second);
        assertThat(restarted.state("mail")).get().extracting(ConsumerState::cursor).isEqualTo(after.get(after.size() - 1).sequence());
    }

    @Test
    void aConsumerRegisteredFromNowSeesOnlyLaterEvents() {
        employers(2);
        OutboxDispatcher outbox = dispatcher(storage, "a");
        outbox.registerFromNow("hook");
        List<String> later = employers(1);
        List<StoredEvent> seen = new ArrayList<>();
        outbox.drain("hook", seen::add);
        assertThat(employerIds(seen)).containsExactlyElementsOf(later);
        assertThatThrownBy(() -> outbox.poll("never-registered", seen::add)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("never-registered");
    }

    @Test
    void aFailingHandlerRetriesTheSameEventAfterADoublingBackoff() {
        OutboxDispatcher outbox = dispatcher(storage, "a");
        outbox.registerFromNow("hook");
        List<String> ids = employers(2);
        List<String> attempts = new ArrayList<>();
        int[] failuresLeft = {3};
        EventHandler flaky = e -> {
            attempts.add(e.event().recordId());
            if (e.event().recordId().equals(ids.get(1)) && failuresLeft[0]-- > 0) {
                throw new IllegalStateException("receiver answered 503");
            }
        };
        PollResult r = outbox.poll("hook", flaky);
        assertThat(r.outcome()).isEqualTo(PollResult.Outcome.FAILED);
        assertThat(r.handled()).isEqualTo(1);
        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.retryAt()).isEqualTo(clock.instant().plusSeconds(10));
        assertThat(r.error()).contains("receiver answered 503");

        clock.advance(Duration.ofSeconds(9));
        assertThat(outbox.poll("hook", flaky).outcome()).as("inside the back-off nothing is tried").isEqualTo(PollResult.Outcome.BACKING_OFF);
        clock.advance(Duration.ofSeconds(1));
        PollResult second = outbox.poll("hook", flaky);
        assertThat(second.outcome()).isEqualTo(PollResult.Outcome.FAILED);
        assertThat(second.retryAt()).as("doubled").isEqualTo(clock.instant().plusSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(outbox.poll("hook", flaky).retryAt()).isEqualTo(clock.instant().plusSeconds(40));
        assertThat(outbox.state("hook")).get().satisfies(s -> {
            assertThat(s.failures()).isEqualTo(3);
            assertThat(s.lastError()).contains("receiver answered 503");
            assertThat(s.leaseOwner()).as("a failure gives the lease up").isNull();
        });
        clock.advance(Duration.ofSeconds(40));
        assertThat(outbox.poll("hook", flaky).outcome()).isEqualTo(PollResult.Outcome.DELIVERED);
        assertThat(attempts).containsExactly(ids.get(0), ids.get(1), ids.get(1), ids.get(1), ids.get(1));
        assertThat(outbox.state("hook")).get().extracting(ConsumerState::failures).isEqualTo(0);
    }

    @Test
    void aSecondNodeWaitsWhileTheFirstHoldsTheLeaseAndThenFindsNothingLeft() {
        OutboxDispatcher a = dispatcher(storage, "node-a");
        try (JdbcCrmStorage other = db().builderFor(url).build()) {
            OutboxDispatcher b = dispatcher(other, "node-b");
            a.registerFromNow("hook");
            employers(2);
            List<String> byA = new ArrayList<>();
            List<PollResult> bWhileAWorks = new ArrayList<>();
            PollResult ra = a.poll("hook", e -> {
                byA.add(e.event().recordId());
                bWhileAWorks.add(b.poll("hook", x -> {
                    throw new AssertionError("node b got event " + x.sequence() + " while node a held the lease");
                }));
            });
            assertThat(ra.outcome()).isEqualTo(PollResult.Outcome.DELIVERED);
            assertThat(bWhileAWorks).extracting(PollResult::outcome).containsOnly(PollResult.Outcome.LEASED_ELSEWHERE);
            assertThat(b.poll("hook", x -> {
                throw new AssertionError("event " + x.sequence() + " was handed out twice");
            }).outcome()).isEqualTo(PollResult.Outcome.IDLE);
            assertThat(byA).hasSize(2);
        }
    }

    @Test
    void aNodePausedPastItsLeaseCannotMoveTheCursorTheOtherNodeMoved() {
        OutboxDispatcher a = dispatcher(storage, "node-a");
        try (JdbcCrmStorage other = db().builderFor(url).build()) {
            OutboxDispatcher b = dispatcher(other, "node-b");
            a.registerFromNow("hook");
            employers(1);
            List<String> byB = new ArrayList<>();
            PollResult ra = a.poll("hook", e -> {
                clock.advance(Duration.ofMinutes(2)); // node a stalls past its one-minute lease
                assertThat(b.poll("hook", x -> byB.add(x.event().recordId())).outcome()).isEqualTo(PollResult.Outcome.DELIVERED);
            });
            assertThat(ra.outcome()).isEqualTo(PollResult.Outcome.LEASE_LOST);
            assertThat(byB).hasSize(1);
            assertThat(a.state("hook")).get().extracting(ConsumerState::leaseOwner).isNull();
        }
    }

    @Test
    void twoNodesPollingAtOnceHandEachEventOutExactlyOnce() throws Exception {
        OutboxDispatcher a = dispatcher(storage, "node-a");
        try (JdbcCrmStorage other = db().builderFor(url).build()) {
            OutboxDispatcher b = dispatcher(other, "node-b");
            a.registerFromNow("hook");
            List<String> written = employers(12);
            List<String> delivered = Collections.synchronizedList(new ArrayList<>());
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> nodes = new ArrayList<>();
                for (OutboxDispatcher d : List.of(a, b)) {
                    nodes.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 200 && delivered.size() < written.size(); i++) { // bounded: a few polls suffice
                            d.poll("hook", e -> delivered.add(e.event().recordId()));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : nodes) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(delivered).containsExactlyElementsOf(written);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
