package org.sectorcrm.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import org.sectorcrm.core.Aggregate;

/** Opens the package-private generators to the exchange tests. */
public final class DomainArbitrariesAccess {
    private DomainArbitrariesAccess() {
    }

    /** Employers, engagements and appointments: the aggregates with generators. */
    public static Arbitrary<Aggregate<?>> aggregates() {
        return Arbitraries.oneOf(DomainArbitraries.employers().map(e -> (Aggregate<?>) e), DomainArbitraries.engagements().map(e -> (Aggregate<?>) e),
                DomainArbitraries.appointments().map(a -> (Aggregate<?>) a));
    }
}
