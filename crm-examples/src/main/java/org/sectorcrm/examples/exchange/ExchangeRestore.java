package org.sectorcrm.examples.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.audit.AuditEntry;
import org.sectorcrm.core.audit.AuditFilter;
import org.sectorcrm.core.audit.AuditId;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.json.exchange.ExchangeHeader;
import org.sectorcrm.json.exchange.ExchangeReader;
import org.sectorcrm.json.exchange.ExchangeRecord;

/**
 * Loads a full exchange file into an <em>empty</em> database, keeping every id, version and timestamp, so that an
 * export restored elsewhere is the same data (the SPI lets an insert carry a version above 1 for exactly this).
 *
 * <p>The file is read twice. The first pass checks every line and finds the admin the restore runs as; when any line
 * is bad, nothing is stored and every bad line is reported. The second pass stores all records in <em>one</em>
 * transaction, in file order (a full export lists referenced records first), {@value #BATCH} records of a type per
 * batched {@code saveAll}, with one audit entry naming the file (when the storage refuses a batch, the transaction is
 * rolled back and run again one record at a time, so that the refused record is named by its line): a restore either loads the whole file or leaves the database empty, so it can simply be run again.
 *
 * <p>Records go to the storage directly rather than through {@code Crm}'s create operations, which would give them
 * new ids and stamps; every record is still validated (records refuse invalid data when the file is read) and the
 * storage still enforces unique keys and references. No domain events are published for restored records.
 */
public final class ExchangeRestore {
    /** The action of the audit entry a restore writes. */
    public static final String AUDIT_ACTION = "RESTORE";

    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;

    public ExchangeRestore(CrmStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
        this.ids = IdGenerator.timeOrdered(clock, new SecureRandom());
    }

    /** One problem of the file: the line (1 is the header), the JSON path on it, and what is wrong. */
    public record Problem(long line, String field, String message) {
        @Override
        public String toString() {
            return "line " + line + ", " + field + ": " + message;
        }
    }

    /** The restore could not start: the database is not empty, the file is not an exchange file, or the admin is missing. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * What happened. When {@link #problems()} is empty every record was stored; otherwise nothing was.
     *
     * @param counts the records of each type in the file
     * @param admin  the staff user the restore ran as (from the file)
     */
    public record Result(ExchangeHeader header, Map<AggregateType<?, ?, ?>, Long> counts, List<Problem> problems, StaffUser admin) {
        public Result {
            counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts)); // in AggregateTypes.all() order
            problems = List.copyOf(problems);
        }

        public boolean restored() {
            return problems.isEmpty();
        }

        public long records() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Restores {@code file}, running as the staff user with e-mail {@code admin}, who must be an active ADMIN in the
     * file (an empty database has no users of its own to run as).
     *
     * @throws Refused when the restore cannot start (nothing is stored)
     */
    public Result restore(Path file, String admin) throws IOException {
        EmailAddress adminEmail = EmailAddress.parse(admin);
        if (!storage.read(ExchangeRestore::isEmpty)) {
            throw new Refused("the database is not empty: restore loads an export into a new, empty database");
        }
        Scan scan = scan(file, adminEmail);
        if (!scan.problems.isEmpty()) {
            return new Result(scan.header, scan.counts, scan.problems, scan.admin);
        }
        if (scan.admin == null) {
            throw new Refused(file + " has no staff user " + adminEmail + ": --as must name an ADMIN of the exported database");
        }
        if (scan.admin.role() != Role.ADMIN || !scan.admin.active()) {
            throw new Refused(adminEmail + " is " + (scan.admin.active() ? "a " + scan.admin.role() : "disabled")
                    + " in " + file + ": a restore runs as an active ADMIN");
        }
        long total = scan.counts.values().stream().mapToLong(Long::longValue).sum();
        try {
            try {
                store(file, scan, total, true);
            } catch (BatchFailed e) {
                // Rolled back: load again record by record, so that the refusal names its line.
                store(file, scan, total, false);
            }
        } catch (RuntimeException e) {
            // A storage may wrap what the work threw; what matters is which of ours is inside.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LineFailed f) {
                    return new Result(scan.header, scan.counts, List.of(f.problem), scan.admin);
                }
                if (t instanceof Refused r) {
                    throw r;
                }
            }
            throw e;
        }
        return new Result(scan.header, scan.counts, List.of(), scan.admin);
    }

    /** The whole file in one transaction, with its audit entry; {@code batched}: {@value #BATCH} records of a type per {@code saveAll}. */
    private void store(Path file, Scan scan, long total, boolean batched) {
        storage.inTransaction(tx -> {
            // Checked again inside the transaction: another process may have written since the first check.
            if (!isEmpty(tx)) {
                throw new Refused("the database is not empty: restore loads an export into a new, empty database");
            }
            load(file, tx, batched);
            tx.audit().append(new AuditEntry(new AuditId(ids.next()), clock.instant(), scan.admin.id(), scan.admin.partner(), AUDIT_ACTION,
                    "exchange", null, List.of(), total + " records from " + file.getFileName() + " (exported " + scan.header.exportedAt() + ")"));
            return null;
        });
    }

    private record Scan(ExchangeHeader header, Map<AggregateType<?, ?, ?>, Long> counts, List<Problem> problems, StaffUser admin) {
    }

    private static Scan scan(Path file, EmailAddress adminEmail) throws IOException {
        Map<AggregateType<?, ?, ?>, Long> counts = new java.util.TreeMap<>(java.util.Comparator.comparingInt(AggregateTypes.all()::indexOf));
        List<Problem> problems = new ArrayList<>();
        StaffUser admin = null;
        try (InputStream bytes = Files.newInputStream(file); ExchangeReader in = open(bytes)) {
            while (true) {
                ExchangeRecord r;
                try {
                    if (!in.hasNext()) {
                        break;
                    }
                    r = in.next();
                } catch (ValidationException e) {
                    for (FieldViolation v : e.violations()) {
                        problems.add(new Problem(in.lineNumber(), v.field(), v.message()));
                    }
                    continue;
                }
                counts.merge(r.type(), 1L, Long::sum);
                if (r.data() instanceof StaffUser u && u.email().equals(adminEmail)) {
                    admin = u;
                }
                if (r.data().id() == null || r.data().stamp() == null) {
                    problems.add(new Problem(r.line(), "data", "has no " + (r.data().id() == null ? "id" : "stamp")
                            + ": a restore keeps ids and stamps, so every record needs both (this is not a full export)"));
                }
            }
            return new Scan(in.header(), counts, problems, admin);
        }
    }

    private static ExchangeReader open(InputStream bytes) {
        try {
            return ExchangeReader.open(bytes);
        } catch (ValidationException e) {
            throw new Refused("not a SectorCRM exchange file: " + e.getMessage());
        }
    }

    /** A record the storage refused; thrown out of the transaction so that it rolls back. */
    private static final class LineFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        LineFailed(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }
    }

    /** Records per {@code saveAll} on the fast path: the batched statements of a store that has them. */
    static final int BATCH = 1000;

    /** A batch the storage refused; the restore runs again record by record to name the line. */
    private static final class BatchFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BatchFailed(Throwable cause) {
            super("a batch of the restore was refused", cause);
        }
    }

    /**
     * Stores the file's records in file order: batched, runs of one type go to the store {@value #BATCH} at a time in
     * one {@code saveAll} (a failure throws {@link BatchFailed}); otherwise one {@code save} each, a failure naming
     * the record's line.
     */
    private static void load(Path file, StorageTransaction tx, boolean batched) {
        try (InputStream bytes = Files.newInputStream(file); ExchangeReader in = ExchangeReader.open(bytes)) {
            List<ExchangeRecord> run = new ArrayList<>(BATCH);
            while (in.hasNext()) {
                ExchangeRecord r = in.next();
                if (!batched) {
                    try {
                        insert(tx, r);
                    } catch (CrmException | IllegalArgumentException e) {
                        throw new LineFailed(new Problem(r.line(), "data", r.type().key() + " " + r.data().id().asString() + " was refused: " + e.getMessage()));
                    }
                    continue;
                }
                if (!run.isEmpty() && (run.size() == BATCH || run.get(0).type() != r.type())) {
                    insertAll(tx, run);
                    run.clear();
                }
                run.add(r);
            }
            if (!run.isEmpty()) {
                insertAll(tx, run);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void insertAll(StorageTransaction tx, List<ExchangeRecord> run) {
        try {
            insertAll(tx, run.get(0).type(), run);
        } catch (CrmException | IllegalArgumentException e) {
            throw new BatchFailed(e);
        }
    }

    private static <I extends Id, T extends Aggregate<I>, F> void insertAll(StorageTransaction tx, AggregateType<I, T, F> type, List<ExchangeRecord> run) {
        List<AggregateStore.Save<T>> saves = new ArrayList<>(run.size());
        for (ExchangeRecord r : run) {
            saves.add(new AggregateStore.Save<>(type.cast(r.data()), 0));
        }
        tx.store(type).saveAll(saves);
    }

    private static void insert(StorageTransaction tx, ExchangeRecord r) {
        insert(tx, r.type(), r.data());
    }

    private static <I extends Id, T extends Aggregate<I>, F> void insert(StorageTransaction tx, AggregateType<I, T, F> type, Aggregate<?> data) {
        tx.store(type).save(type.cast(data), 0);
    }

    /** No record of any kind and no audit entry: a database nobody has used. */
    static boolean isEmpty(StorageTransaction tx) {
        for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
            if (count(tx, type) > 0) {
                return false;
            }
        }
        return tx.audit().query(AuditFilter.ALL, PageRequest.first(1)).items().isEmpty();
    }

    private static <I extends Id, T extends Aggregate<I>, F> long count(StorageTransaction tx, AggregateType<I, T, F> type) {
        return tx.store(type).count(type.all());
    }
}
