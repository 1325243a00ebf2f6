package org.sectorcrm.tck.internal;

import java.util.List;

/**
 * A random sequence of storage operations for the model-based properties. Steps name records by position
 * ({@code pick}) in the reference's current id order, not by id, so that a shrunk program still means something.
 *
 * @param seed  seeds the ids the program's records get
 * @param steps what to do, in order
 */
public record Program(long seed, List<Step> steps) {

    public Program {
        steps = List.copyOf(steps);
    }

    /** The aggregate types the model exercises: the three with search and the richest filters. */
    public enum Entity {
        EMPLOYER, CONTACT, ENGAGEMENT
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

    /** One operation. */
    public sealed interface Step {
    }

    /** A write: what a {@link Transaction} groups. */
    public sealed interface Write extends Step {
    }

    /** Inserts a new record whose fields come from {@code seed}. */
    public record Insert(Entity entity, long seed) implements Write {
    }

    /** Saves new content (from {@code seed}) over the {@code pick}-th record. */
    public record Update(Entity entity, int pick, long seed, Mode mode) implements Write {
    }

    /** Deletes the {@code pick}-th record. */
    public record Delete(Entity entity, int pick, Mode mode) implements Write {
    }

    /** Several writes in one transaction, rolled back at the end (by the work throwing) when {@code rollback}. */
    public record Transaction(List<Write> writes, boolean rollback) implements Step {
        public Transaction {
            writes = List.copyOf(writes);
        }
    }

    /** Pages through a query with a filter made from {@code filterSeed}. */
    public record Query(Entity entity, long filterSeed, int pageSize) implements Step {
    }

    /** Finds the {@code pick}-th record (or an unknown id when there is none). */
    public record Find(Entity entity, int pick) implements Step {
    }

    /** Searches for words made from {@code wordSeed}, as the {@code reader}-th staff user of the model. */
    public record Search(Entity entity, long wordSeed, int reader, int pageSize) implements Step {
    }
}
