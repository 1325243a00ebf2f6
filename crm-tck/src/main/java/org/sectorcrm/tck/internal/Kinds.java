package org.sectorcrm.tck.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Every aggregate type of the SPI, as the kit tests it: derived from {@link AggregateTypes#all()}, each with the
 * {@link KindSpec} named after its key. The kit lists no types itself.
 */
public final class Kinds {
    private static final Map<AggregateType<?, ?, ?>, Kind<?, ?, ?>> KINDS = new ConcurrentHashMap<>();

    /** Every type, in the descriptors' dependency order. */
    public static final List<Kind<?, ?, ?>> ALL = AggregateTypes.all().stream().<Kind<?, ?, ?>>map(Kinds::of).toList();

    /** The types whose records reference a parent, which {@link org.sectorcrm.core.spi.Capability#REFERENTIAL_INTEGRITY} enforces. */
    public static final List<Kind<?, ?, ?>> REFERENCING = ALL.stream().filter(k -> !k.type().references().isEmpty()).toList();

    private Kinds() {
    }

    /** The kind of {@code type}: its descriptor with its {@code internal.kinds.<Key>Kit}. */
    @SuppressWarnings("unchecked")
    public static <I extends Id, T extends Aggregate<I>, F> Kind<I, T, F> of(AggregateType<I, T, F> type) {
        return (Kind<I, T, F>) KINDS.computeIfAbsent(type, t -> new Kind<>(type, specOf(type)));
    }

    @SuppressWarnings("unchecked")
    private static <I extends Id, T extends Aggregate<I>, F> KindSpec<I, T, F> specOf(AggregateType<I, T, F> type) {
        String name = Kinds.class.getPackageName() + ".kinds." + Character.toUpperCase(type.key().charAt(0)) + type.key().substring(1) + "Kit";
        try {
            Object spec = Class.forName(name).getDeclaredConstructor().newInstance();
            return (KindSpec<I, T, F>) spec;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the kit has no fixtures for aggregate type " + type + ": add " + name
                    + " implementing KindSpec (its typical, full and minimal records, a change and a filter data set)", e);
        }
    }
}
