package org.sectorcrm.examples.web.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.examples.csv.ImportReport;

/**
 * The uploads of this server process and the imports run from them. An upload is a temporary file owned by one staff
 * user (nobody else's request finds it), read by the mapping, the dry run and the run; the file is deleted when the
 * run has finished or when the user's older uploads make way (at most {@link #PER_USER} each). Imports run one at a
 * time on one daemon thread, so a large file never takes the server's request threads; the page polls their progress.
 * Uploads live in this process: a restart forgets them (the file is uploaded again). The column mapping each user last
 * used per kind of record is not kept here but in the accounts tables ({@code Accounts.importMapping}), so it survives
 * restarts and is the same on every node.
 */
final class ImportJobs {
    static final int PER_USER = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** One upload and what became of it. */
    static final class Job {
        final String id;
        final long seq = SEQUENCE.incrementAndGet();
        final StaffUserId owner;
        final String kind;
        final String fileName;
        final Path file;
        final List<String> header;
        final long lines;
        final AtomicLong done = new AtomicLong();
        volatile Map<String, String> mapping = Map.of();
        volatile ImportReport preview;
        volatile ImportReport result;
        volatile String failure;
        volatile boolean running;
        /** Set once, by the one request that starts the run: two clicks (or two tabs) on "Run" must not import the file twice. */
        final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

        Job(String id, StaffUserId owner, String kind, String fileName, Path file, List<String> header, long lines) {
            this.id = id;
            this.owner = owner;
            this.kind = kind;
            this.fileName = fileName;
            this.file = file;
            this.header = header;
            this.lines = lines;
        }

        boolean finished() {
            return result != null || failure != null;
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sectorcrm-web-import");
        t.setDaemon(true);
        return t;
    });

    Job add(StaffUserId owner, String kind, String fileName, Path file, List<String> header, long lines) {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        Job job = new Job(HexFormat.of().formatHex(b), owner, kind, fileName, file, header, lines);
        List<Job> mine = jobs.values().stream().filter(j -> j.owner.equals(owner) && !j.running).sorted(java.util.Comparator.comparingLong((Job x) -> x.seq)).toList();
        if (mine.size() >= PER_USER) {
            mine.stream().limit(mine.size() - PER_USER + 1L).forEach(this::forget);
        }
        jobs.put(job.id, job);
        return job;
    }

    /** The job, only for its owner. */
    Optional<Job> find(String id, StaffUserId owner) {
        Job j = id == null ? null : jobs.get(id);
        return j != null && j.owner.equals(owner) ? Optional.of(j) : Optional.empty();
    }

    /** Starts the job's one run; false when it was already started (by another request), and then nothing is done. */
    boolean run(Job job, Runnable work) {
        if (!job.started.compareAndSet(false, true)) {
            return false;
        }
        job.running = true;
        runner.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                job.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                job.running = false;
                delete(job.file);
            }
        });
        return true;
    }

    private void forget(Job j) {
        jobs.remove(j.id);
        delete(j.file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file the system cleans up anyway
        }
    }
}
