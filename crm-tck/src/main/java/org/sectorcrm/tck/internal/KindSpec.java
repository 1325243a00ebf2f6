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

    /**
     * The record with {@code text} (at most {@link org.sectorcrm.core.Limits#NAME} characters, any Unicode, leading and
     * trailing blanks kept) in a free-text field that its searchable text includes for every reader.
     */
    T withText(T record, String text);

    /** The text field {@link #withText} sets, as it reads back from the record. */
    String text(T record);

    /**
     * The record with the unique key {@code field} (one of the descriptor's) set to the {@code n}-th distinct valid
     * value (n = 0, 1, 2, ...); {@code otherCase} gives the same value in another letter case where the value has
     * letters. Types without unique keys never get this call.
     */
    default T withKey(T record, String field, int n, boolean otherCase) {
        throw new UnsupportedOperationException("no unique key " + field);
    }

    /** Whether values of the unique key {@code field} that differ only in case are distinct keys (they are, unless normalised). */
    default boolean caseSensitive(String field) {
        return true;
    }

    /**
     * For types whose ids people choose (no generated ids): an id no fixture uses, made from {@code uuid}; null (the
     * default) for a code {@code M-<uuid>}. A type whose id has a format of its own (an establishment count's
     * {@code QUARTER:AREA}) overrides it.
     */
    default I freshCode(java.util.UUID uuid) {
        return null;
    }

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
