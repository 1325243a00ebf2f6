package org.sectorcrm.examples.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Removes attachment content files that no attachment record owns: an upload whose metadata was never committed (the
 * server stopped between keeping the file and the commit), content whose record was deleted while its node was down
 * (the after-commit listener never ran), and temporary {@code .upload-<id>} files of uploads cut off mid-stream.
 *
 * <p>Several nodes share one directory, so a file younger than {@code grace} is left alone whatever it looks like: it
 * may be an upload another node is still streaming in, or one it has kept and is about to commit. Files whose names
 * are not ours (no attachment id) are never touched, so a directory shared by mistake loses nothing else.
 */
public final class AttachmentSweep {
    /** Longer than any upload takes from its first byte to its commit on a sane link (100 MiB at 1 Mbit/s is ~15 min). */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    private static final String TEMPORARY = ".upload-";

    private AttachmentSweep() {
    }

    /** What a sweep found: the files it removed (or would remove, on a dry run), and how many it kept and why. */
    public record Report(List<Path> removed, int owned, int young, int foreign) {
        public Report {
            removed = List.copyOf(removed);
        }
    }

    /**
     * Sweeps {@code directory} (a missing directory has nothing to sweep).
     *
     * @param dryRun only report what would go
     */
    public static Report sweep(Crm crm, Path directory, Duration grace, Clock clock, boolean dryRun) {
        if (!Files.isDirectory(directory)) {
            return new Report(List.of(), 0, 0, 0);
        }
        Instant cutoff = clock.instant().minus(grace);
        List<Path> removed = new ArrayList<>();
        int owned = 0;
        int young = 0;
        int foreign = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean temporary = name.startsWith(TEMPORARY);
                AttachmentId id = idOf(temporary ? name.substring(TEMPORARY.length()) : name);
                if (id == null || !Files.isRegularFile(file)) {
                    foreign++;
                    continue;
                }
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(file).toInstant();
                } catch (NoSuchFileException gone) {
                    continue; // kept or discarded by its upload meanwhile
                }
                if (modified.isAfter(cutoff)) {
                    young++;
                    continue;
                }
                if (!temporary && crm.storage().read(tx -> tx.store(AggregateTypes.ATTACHMENT).find(id)).isPresent()) {
                    owned++;
                    continue;
                }
                if (!dryRun) {
                    Files.deleteIfExists(file);
                }
                removed.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sweeping the attachment directory " + directory + " failed", e);
        }
        return new Report(removed, owned, young, foreign);
    }

    private static AttachmentId idOf(String name) {
        try {
            UUID uuid = UUID.fromString(name);
            return uuid.toString().equals(name) ? new AttachmentId(uuid) : null; // only the form AttachmentFiles writes
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
