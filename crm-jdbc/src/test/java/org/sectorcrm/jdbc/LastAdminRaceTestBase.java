package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;

/**
 * The last active ADMIN stays, also when the only two admins demote, disable or delete each other at the same instant:
 * each of the two racing transactions sees the other admin still active when it checks, so without serialisation both
 * would commit and leave nobody who can manage partners and admins. Many rounds, each starting both writes together.
 */
abstract class LastAdminRaceTestBase {
    private static final int ROUNDS = 12;
    private JdbcCrmStorage storage;
    private Crm crm;
    private ExecutorService pool;

    abstract TestDatabase db();

    @BeforeEach
    void open() {
        storage = db().fresh();
        crm = Crm.builder().storage(storage).build();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        storage.close();
    }

    @Test
    void twoAdminsRemovingEachOtherAtOnceLeaveOneActiveAdmin() throws Exception {
        StaffUser first = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        StaffUser second = crm.as(first).reference().staffUsers().create(StaffUser.of(first.partner(), "Bo Admin", "bo@board.example", Role.ADMIN));
        int committed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            int how = round % 3;
            StaffUser a = crm.as(first.id()).reference().staffUsers().get(first.id());
            StaffUser b = crm.as(first.id()).reference().staffUsers().get(second.id());
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Boolean> ab = pool.submit(() -> remove(a, b, how, together));
            Future<Boolean> ba = pool.submit(() -> remove(b, a, how, together));
            boolean removedB = ab.get();
            boolean removedA = ba.get();
            List<StaffUser> admins = activeAdmins();
            assertThat(admins).as("round %d (%s): active admins", round, List.of("demote", "disable", "delete").get(how)).isNotEmpty();
            assertThat(removedA && removedB).as("round %d: both removals committed", round).isFalse();
            committed += (removedA ? 1 : 0) + (removedB ? 1 : 0);
            // back to two active admins for the next round
            StaffUser survivor = admins.get(0);
            StaffUser other = survivor.id().equals(first.id()) ? second : first;
            var ops = crm.as(survivor.id()).reference().staffUsers();
            var stored = ops.find(other.id());
            if (stored.isPresent()) {
                ops.update(stored.get().withRole(Role.ADMIN).withActive(true));
            } else {
                StaffUser again = ops.create(StaffUser.of(survivor.partner(), other.name(), "n" + round + "." + other.email().value(), Role.ADMIN));
                if (other.id().equals(first.id())) {
                    first = again;
                } else {
                    second = again;
                }
            }
        }
        assertThat(committed).as("exactly one removal of each round commits").isEqualTo(ROUNDS);
    }

    /** {@code actor} demotes, disables or deletes {@code target}; false when refused as a conflict (the other one won). */
    private boolean remove(StaffUser actor, StaffUser target, int how, CyclicBarrier together) throws Exception {
        var ops = crm.as(actor.id()).reference().staffUsers();
        together.await();
        try {
            switch (how) {
                case 0 -> ops.update(target.id(), target.stamp().version(), target.withRole(Role.STAFF));
                case 1 -> ops.update(target.id(), target.stamp().version(), target.withActive(false));
                default -> ops.delete(target.id(), target.stamp().version());
            }
            return true;
        } catch (ConflictException e) {
            return false;
        } catch (CrmException e) {
            // the loser may find itself no longer an ADMIN, or the target already gone
            return false;
        }
    }

    private List<StaffUser> activeAdmins() {
        List<StaffUser> admins = new ArrayList<>();
        storage.read(tx -> {
            tx.staffUsers().query(new StaffUserFilter(null, null, true), PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                    .filter(u -> u.role() == Role.ADMIN).forEach(admins::add);
            return null;
        });
        return admins;
    }
}
