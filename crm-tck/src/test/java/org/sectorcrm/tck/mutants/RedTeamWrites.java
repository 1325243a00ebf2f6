package org.sectorcrm.tck.mutants;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.ConflictException;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.appointment.Appointment;
import org.sectorcrm.core.appointment.AppointmentFilter;
import org.sectorcrm.core.appointment.AppointmentId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.ForwardingAggregateStore;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.tck.mutants.BrokenStores.BreaksOneType;

/**
 * Mutants written by reading the write half of the SPI's Javadoc ({@code AggregateStore.save}, {@code saveAll},
 * {@code delete}, unique keys, references) sentence by sentence, without looking at the kit first: each breaks one
 * sentence the way a real store tends to, for one aggregate type. {@link RedTeamMutants} lists them.
 */
final class RedTeamWrites {
    private RedTeamWrites() {
    }

    /** The record at another version, otherwise unchanged. */
    static <I extends Id, T extends Aggregate<I>> T restamped(AggregateType<I, T, ?> type, T t, long version) {
        Stamp s = t.stamp();
        return type.assign(t, t.id(), new Stamp(version, s.createdAt(), s.updatedAt(), s.createdBy()));
    }

    /** An insert over an id that exists replaces the stored record ({@code INSERT ... ON CONFLICT DO UPDATE}). */
    static final class UpsertsOnInsert<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        UpsertsOnInsert(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    if (expectedVersion == 0 && t.id() != null) {
                        store.find(t.id()).ifPresent(old -> store.delete(t.id(), old.version()));
                    }
                    store.save(t, expectedVersion);
                }
            };
        }
    }

    /** A stale save is refused, but the ConflictException does not carry the current version. */
    static final class ConflictWithoutVersion<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        ConflictWithoutVersion(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    try {
                        store.save(t, expectedVersion);
                    } catch (ConflictException e) {
                        throw new ConflictException(broken.key(), t.id(), null, "the record was changed by someone else");
                    }
                }
            };
        }
    }

    /** A save over a version of a record that does not exist inserts it (an UPDATE that falls back to INSERT). */
    static final class UpdateOfMissingInserts<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        UpdateOfMissingInserts(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(t, expectedVersion > 0 && t.id() != null && store.find(t.id()).isEmpty() ? 0 : expectedVersion);
                }
            };
        }
    }

    /** An insert at a version above 1 (a restore) is stored at version 1 (a DEFAULT 1 column the insert leaves out). */
    static final class RestoreRestartsAtOne<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        RestoreRestartsAtOne(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    store.save(expectedVersion == 0 && t.stamp() != null && t.version() > 1 ? restamped(broken, t, 1) : t, expectedVersion);
                }
            };
        }
    }

    /** A version other than expectedVersion + 1 is silently corrected instead of refused (the store computes the version itself). */
    static final class CorrectsVersionArithmetic<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        CorrectsVersionArithmetic(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    boolean off = expectedVersion > 0 && t.stamp() != null && t.version() != expectedVersion + 1;
                    store.save(off ? restamped(broken, t, expectedVersion + 1) : t, expectedVersion);
                }
            };
        }
    }

    /** A unique value stays reserved for its first holder after an update changed it (the key table is written on insert only). */
    static final class KeyKeptAfterChange<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        private final Map<String, String> everHeld = new ConcurrentHashMap<>();

        KeyKeptAfterChange(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    for (AggregateType.UniqueKey<T> key : broken.uniqueKeys()) {
                        String value = key.of(t);
                        String holder = value == null ? null : everHeld.get(key.field() + "=" + value);
                        if (holder != null && t.id() != null && !holder.equals(t.id().asString()) && store.find(broken.parseId(holder)).isPresent()) {
                            throw new ConflictException(broken.key(), t.id(), null, key.label() + " " + value + " is taken");
                        }
                    }
                    store.save(t, expectedVersion);
                    for (AggregateType.UniqueKey<T> key : broken.uniqueKeys()) {
                        if (key.of(t) != null) {
                            everHeld.putIfAbsent(key.field() + "=" + key.of(t), t.id().asString());
                        }
                    }
                }
            };
        }
    }

    /** Records without a value for a unique key collide with each other (a unique index over a column that stores '' for none). */
    static final class NullKeysCollide<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        NullKeysCollide(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    for (AggregateType.UniqueKey<T> key : broken.uniqueKeys()) {
                        if (key.of(t) == null && BrokenStores.all(store).stream().anyMatch(o -> !o.id().equals(t.id()) && key.of(o) == null)) {
                            throw new ConflictException(broken.key(), t.id(), null, key.label() + " (none) is taken");
                        }
                    }
                    store.save(t, expectedVersion);
                }
            };
        }
    }

    /** saveAll skips a row whose unique key is taken instead of failing ({@code INSERT IGNORE} in the batched statement). */
    static final class BatchSkipsTakenKeys<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        BatchSkipsTakenKeys(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void saveAll(List<Save<T>> saves) {
                    refuseRepeats(broken, saves);
                    for (Save<T> s : saves) {
                        try {
                            store.save(s.aggregate(), s.expectedVersion());
                        } catch (ConflictException e) {
                            if (e.currentVersion().isPresent()) {
                                throw e;
                            }
                        }
                    }
                }
            };
        }
    }

    /** saveAll runs its inserts before its updates (two batched statements), so a key moved away earlier in the batch is still taken. */
    static final class BatchInsertsFirst<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        BatchInsertsFirst(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void saveAll(List<Save<T>> saves) {
                    refuseRepeats(broken, saves);
                    List<Save<T>> ordered = new ArrayList<>(saves.stream().filter(s -> s.expectedVersion() == 0).toList());
                    ordered.addAll(saves.stream().filter(s -> s.expectedVersion() != 0).toList());
                    ordered.forEach(s -> store.save(s.aggregate(), s.expectedVersion()));
                }
            };
        }
    }

    /** saveAll's batched UPDATE matches on the id only: a stale row of a batch overwrites the stored one. */
    static final class BatchIgnoresVersions<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        BatchIgnoresVersions(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void saveAll(List<Save<T>> saves) {
                    refuseRepeats(broken, saves);
                    for (Save<T> s : saves) {
                        Optional<T> current = s.expectedVersion() > 0 ? store.find(s.aggregate().id()) : Optional.empty();
                        if (current.isPresent()) {
                            store.save(restamped(broken, s.aggregate(), current.get().version() + 1), current.get().version());
                        } else {
                            store.save(s.aggregate(), s.expectedVersion());
                        }
                    }
                }
            };
        }
    }

    /** Deleting a record that is not there reports success (a DELETE whose row count is never read). */
    static final class DeleteOfMissingIsSilent<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        DeleteOfMissingIsSilent(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    if (store.find(id).isPresent()) {
                        store.delete(id, expectedVersion);
                    }
                }
            };
        }
    }

    /** A delete at expected version 0 deletes whatever version is stored ("0 means any", as in some REST APIs). */
    static final class DeleteAtZeroDeletes<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        DeleteAtZeroDeletes(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    store.delete(id, expectedVersion == 0 ? store.find(id).map(Aggregate::version).orElse(0L) : expectedVersion);
                }
            };
        }
    }

    /** Deleting a record others still reference reports success and keeps it (the foreign key's error swallowed). */
    static final class ReferencedDeleteReportsSuccess<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        ReferencedDeleteReportsSuccess(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void delete(I id, long expectedVersion) {
                    try {
                        store.delete(id, expectedVersion);
                    } catch (ConflictException e) {
                        if (e.currentVersion().orElse(-1L) != expectedVersion) {
                            throw e; // a stale delete: still refused
                        }
                    }
                }
            };
        }
    }

    /** A missing referenced record is noticed on insert only; an update pointing at one is dropped without an error. */
    static final class ReferencesCheckedOnInsertOnly<I extends Id, T extends Aggregate<I>, F> extends BreaksOneType<I, T, F> {
        ReferencesCheckedOnInsertOnly(AggregateType<I, T, F> type) {
            super(type);
        }

        @Override
        AggregateStore<I, T, F> breakStore(AggregateStore<I, T, F> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(T t, long expectedVersion) {
                    try {
                        store.save(t, expectedVersion);
                    } catch (NotFoundException e) {
                        if (expectedVersion == 0 || e.recordType().equals(broken.key())) {
                            throw e;
                        }
                    }
                }
            };
        }
    }

    /** Appointments keep the offset of their start instead of their zone (a TIMESTAMP WITH TIME ZONE column). */
    static final class ZoneBecomesOffset extends BreaksOneType<AppointmentId, Appointment, AppointmentFilter> {
        ZoneBecomesOffset() {
            super(AggregateTypes.APPOINTMENT);
        }

        @Override
        AggregateStore<AppointmentId, Appointment, AppointmentFilter> breakStore(AggregateStore<AppointmentId, Appointment, AppointmentFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(Appointment a, long expectedVersion) {
                    ZoneOffset offset = a.start().atZone(a.zone()).getOffset();
                    store.save(new Appointment(a.id(), a.stamp(), a.employer(), a.referral(), a.engagement(), a.partnership(), a.organizerPartner(),
                            a.organizer(), a.title(), a.start(), a.end(), offset, a.location(), a.videoLink(), a.contacts(), a.staff(), a.status(),
                            a.cancelReason(), a.produced()), expectedVersion);
                }
            };
        }
    }

    /** An engagement's last note is lost (an off-by-one in the loop writing the child rows). */
    static final class DropsLastNote extends BreaksOneType<EngagementId, Engagement, EngagementFilter> {
        DropsLastNote() {
            super(AggregateTypes.ENGAGEMENT);
        }

        @Override
        AggregateStore<EngagementId, Engagement, EngagementFilter> breakStore(AggregateStore<EngagementId, Engagement, EngagementFilter> store) {
            return new ForwardingAggregateStore<>(store) {
                @Override
                public void save(Engagement e, long expectedVersion) {
                    store.save(e.notes().size() < 2 ? e : e.withNotes(e.notes().subList(0, e.notes().size() - 1)), expectedVersion);
                }
            };
        }
    }

    /** The id check of the default saveAll, which the mutants above keep (they break another sentence). */
    static <I extends Id, T extends Aggregate<I>> void refuseRepeats(AggregateType<I, T, ?> type, List<AggregateStore.Save<T>> saves) {
        Set<I> ids = new HashSet<>();
        for (AggregateStore.Save<T> s : saves) {
            if (s.aggregate().id() != null && !ids.add(s.aggregate().id())) {
                throw new IllegalArgumentException(type.key() + " " + s.aggregate().id().asString() + " is saved twice in one batch");
            }
        }
    }
}
