package org.sectorcrm.tck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * A data set of one aggregate type, saved into a storage, and filters of one filter record that each set one
 * field, with the values the data set holds plus one it does not. The filter's own {@code matches} says what
 * each query must return.
 *
 * @param filterName the filter record's simple name ({@code EmployerFilter})
 * @param kind       the aggregate type
 * @param matches    the filter's {@code matches} method: the definition
 * @param setUp      saves the data set (and the parents it needs) and returns the records and the cases
 */
public record FilterScenario<I extends Id, T extends Aggregate<I>, F>(String filterName, Kind<I, T, F> kind, BiPredicate<F, T> matches,
        Function<CrmStorage, Prepared<T, F>> setUp) {

    /** One filter: which field it sets ({@code status}), a label for the value, and the filter itself. */
    public record Case<F>(String field, String value, F filter) {
    }

    /** The saved records and the filters to try on them. */
    public record Prepared<T, F>(List<T> records, List<Case<F>> cases) {
    }

    /** Collects cases field by field. */
    public static final class Cases<F> {
        private final List<Case<F>> cases = new ArrayList<>();

        @SafeVarargs
        public final <V> Cases<F> field(String field, Function<V, F> filterOf, V... values) {
            for (V v : values) {
                cases.add(new Case<>(field, String.valueOf(v), filterOf.apply(v)));
            }
            return this;
        }

        public Cases<F> add(String field, String value, F filter) {
            cases.add(new Case<>(field, value, filter));
            return this;
        }

        public List<Case<F>> list() {
            return List.copyOf(cases);
        }
    }

    @Override
    public String toString() {
        return filterName;
    }
}
