package org.sectorcrm.core.type;

import java.util.function.Function;

import org.sectorcrm.core.Id;

/**
 * How records referring to a {@code target} record through {@code field} are found ({@code referring}: the filter
 * selecting the records that refer to an id) and moved to another ({@code repoint}): what a merge of employers uses,
 * from {@link AggregateType#repointersTo}.
 *
 * @param <T> the referring aggregate type
 * @param <F> its filter type
 * @since 2
 */
public record Repointer<T, F>(String field, AggregateType<?, ?, ?> target, Function<Id, F> referring, Repointer.Repoint<T> repoint) {
    public Repointer {
        org.sectorcrm.core.internal.Check.of("repointer").require("field", field).require("target", target).require("referring", referring)
                .require("repoint", repoint).throwIfInvalid();
    }

    /** Moves a record from one referenced id to another; returns the record unchanged when it does not reference {@code from}. */
    @FunctionalInterface
    public interface Repoint<T> {
        T apply(T record, Id from, Id to);
    }
}
