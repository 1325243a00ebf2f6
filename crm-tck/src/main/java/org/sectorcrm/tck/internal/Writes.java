package org.sectorcrm.tck.internal;

import org.sectorcrm.core.type.AggregateTypes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.fixtures.Employers;
import org.sectorcrm.tck.fixtures.Partners;

/** Small write helpers shared by the kit and its scenarios. */
public final class Writes {
    private Writes() {
    }

    /**
     * Inserts the records in one transaction, in a shuffled (but reproducible) order: fixture ids ascend in
     * creation order, and a store must not get its id order for free from insertion order.
     */
    @SafeVarargs
    public static <I extends Id, T extends Aggregate<I>, F> List<T> insert(CrmStorage storage, Kind<I, T, F> kind, T... records) {
        // Copied element by element: handing the generic array on is what could pollute the heap.
        List<T> list = new ArrayList<>(records.length);
        for (T r : records) {
            list.add(r);
        }
        return insert(storage, kind, list);
    }

    public static <I extends Id, T extends Aggregate<I>, F> List<T> insert(CrmStorage storage, Kind<I, T, F> kind, List<T> records) {
        List<T> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(records.size() * 31L + 7));
        storage.inTransaction(tx -> {
            for (T r : shuffled) {
                kind.store().apply(tx).save(r, 0);
            }
            return null;
        });
        return List.copyOf(records);
    }

    /** Saves the parents every kind may reference: one employer and one partner. */
    public static Parents parents(CrmStorage storage) {
        Employer employer = Employers.anEmployer().build();
        Partner partner = Partners.aPartner().build();
        storage.inTransaction(tx -> {
            tx.employers().save(employer, 0);
            tx.partners().save(partner, 0);
            return null;
        });
        return new Parents(employer.id(), partner.id());
    }

    /** Saves {@code n} typical employers and returns them. */
    public static List<Employer> employers(CrmStorage storage, int n) {
        List<Employer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Employers.anEmployer().build());
        }
        return insert(storage, kindOf(Kinds.of(AggregateTypes.EMPLOYER)), list);
    }

    /** The typed view of a kind from {@link Kinds}. */
    @SuppressWarnings("unchecked")
    public static <I extends Id, T extends Aggregate<I>, F> Kind<I, T, F> kindOf(Kind<?, ?, ?> kind) {
        return (Kind<I, T, F>) kind;
    }
}
