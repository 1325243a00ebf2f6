package org.sectorcrm.tck.internal;

import java.util.List;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.tck.internal.FilterScenario.Prepared;

/**
 * What the kit needs, besides the type's descriptor, to test one aggregate type: records in three variants, a
 * change of some field, and a filter data set. One class per type, found by name from the descriptor
 * ({@code org.sectorcrm.tck.internal.kinds.<Key>Kit}, e.g. {@code StaffUserKit} for {@code staffUser}), so that
 * the kit holds no list of types: a new descriptor without its kit class fails {@link Kinds#of} loudly.
 */
public interface KindSpec<I extends Id, T extends Aggregate<I>, F> {
    /** A typical new record pointing at the given parents. */
    T typical(Parents parents);

    /** A record with every field set (Unicode, maximum lengths, several collection entries). */
    T full(Parents parents);

    /** A record with every optional field null and every collection empty. */
    T minimal(Parents parents);

    /** The record with some field other than id and stamp changed (and still valid). */
    T change(T record);

    /**
     * Saves a data set (and the parents it needs) in which every filter field, alone, selects a non-empty proper
     * subset for some value, and returns the records with filters that each set one field.
     */
    Prepared<T, F> filterData(CrmStorage storage);

    /** Another name, still within {@link org.sectorcrm.core.Limits#NAME}. */
    static String renamed(String name) {
        return name.length() > 250 ? "Renamed " + name.length() : name + " (renamed)";
    }

    static <X> List<X> append(List<X> list, X item) {
        java.util.ArrayList<X> copy = new java.util.ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
