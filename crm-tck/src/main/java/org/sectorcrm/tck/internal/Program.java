package org.sectorcrm.tck.internal;

import java.util.List;

/**
 * A random sequence of storage operations for the model-based properties. Steps name their aggregate type by its
 * {@link Kind} (any of {@link Kinds#ALL}) and records by position ({@code pick}) in the reference's current id order,
 * not by id, so that a shrunk program still means something.
 *
 * @param seed  seeds the ids the program's records get
 * @param steps what to do, in order
 */
public record Program(long seed, List<Step> steps) {

    public Program {
        steps = List.copyOf(steps);
    }

    /** How an update or delete states the version it expects. */
    public enum Mode {
        /** The stored version: the write must succeed. */
        CORRECT,
        /** Another version: ConflictException carrying the stored one. */
        STALE,
        /** A record that does not exist: NotFoundException. */
        MISSING
    }

    /** One step of the program. */
    public sealed interface Step {
    }

    /**
     * An operation: on its own a step (a write in its own transaction, a read in read transactions), or one of the
     * operations of a {@link Transaction} or {@link Nested} unit.
     */
    public sealed interface Op extends Step {
    }

    /** A write. */
    public sealed interface Write extends Op {
        Kind<?, ?, ?> kind();
    }

    /** A read: its result is compared between the stores, also inside write transactions. */
    public sealed interface Read extends Op {
    }

    /** Inserts a new record whose fields come from {@code seed}. */
    public record Insert(Kind<?, ?, ?> kind, long seed) implements Write {
    }

    /** Saves new content (from {@code seed}) over the {@code pick}-th record. */
    public record Update(Kind<?, ?, ?> kind, int pick, long seed, Mode mode) implements Write {
    }

    /** Deletes the {@code pick}-th record. */
    public record Delete(Kind<?, ?, ?> kind, int pick, Mode mode) implements Write {
    }

    /** Finds the {@code pick}-th record (or an unknown id when there is none). */
    public record Find(Kind<?, ?, ?> kind, int pick) implements Read {
    }

    /** Pages through a query with a filter made from {@code filterSeed} (often the type's match-all filter), and counts it. */
    public record Query(Kind<?, ?, ?> kind, long filterSeed, int pageSize) implements Read {
    }

    /** Searches for words made from {@code wordSeed}, as the {@code reader}-th reader of the model (staff users and EVERYONE). */
    public record Search(Kind<?, ?, ?> kind, long wordSeed, int reader, int pageSize) implements Read {
    }

    /**
     * Calls both report queries: region/sector counts with an employer filter made from {@code filterSeed}, and the
     * served establishments of the {@code days} (plus one) days from the {@code fromDay}-th day of the model's dates.
     */
    public record Report(long filterSeed, int fromDay, int days) implements Read {
    }

    /**
     * Several operations in one transaction, failed at the end (by the work throwing) when {@code fails}. Its reads see
     * its own writes; with {@code nestedReads} they run in a {@code read} nested in the transaction, which joins it.
     */
    public record Transaction(List<Op> ops, boolean fails, boolean nestedReads) implements Step {
        public Transaction {
            ops = List.copyOf(ops);
        }
    }

    /**
     * A transaction with a unit nested in it: {@code before}, then an inner {@code inTransaction} running
     * {@code inner} (its work throwing at the end when {@code innerFails}) whose failure the outer work catches, then
     * {@code after}; the outer work returns, so the transaction commits. A failed inner unit is a savepoint: exactly
     * its writes are undone.
     */
    public record Nested(List<Op> before, List<Op> inner, boolean innerFails, List<Op> after) implements Step {
        public Nested {
            before = List.copyOf(before);
            inner = List.copyOf(inner);
            after = List.copyOf(after);
        }
    }
}
