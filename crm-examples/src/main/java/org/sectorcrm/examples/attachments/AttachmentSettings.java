package org.sectorcrm.examples.attachments;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Where attachment content is kept and what is accepted: the directory (default: beside the SQLite file, or
 * {@code ./sectorcrm-attachments} for a database server; every node of one database must see the same directory),
 * the size limit (default 100 MiB) and the allow-list of content types, as detected from the content.
 *
 * @param directory    the content directory (created when missing)
 * @param maxBytes     the largest file accepted
 * @param allowedTypes the media types accepted (as Apache Tika names them)
 */
public record AttachmentSettings(Path directory, long maxBytes, Set<String> allowedTypes) {
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    /**
     * Documents, spreadsheets, scans and photos an intake form, a job description or a signed release comes as.
     * No HTML, SVG, scripts, archives or executables: a download must never be a page or a program.
     */
    public static final Set<String> DEFAULT_TYPES = Set.of("application/pdf", "text/plain", "text/csv", "image/png", "image/jpeg", "image/tiff",
            "application/rtf", "application/msword", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

    public AttachmentSettings {
        Objects.requireNonNull(directory, "directory");
        allowedTypes = Set.copyOf(allowedTypes);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the attachment size limit must be at least 1 byte but was " + maxBytes);
        }
        if (allowedTypes.isEmpty()) {
            throw new IllegalArgumentException("the attachment type allow-list is empty: no file could be attached");
        }
    }

    /** The defaults for a database: beside a SQLite file ({@code crm.db} keeps files in {@code crm.db-attachments/}). */
    public static AttachmentSettings defaults(Path sqliteFile) {
        Path dir = sqliteFile == null ? Path.of("sectorcrm-attachments")
                : sqliteFile.resolveSibling(sqliteFile.getFileName() + "-attachments");
        return new AttachmentSettings(dir.toAbsolutePath().normalize(), DEFAULT_MAX_BYTES, DEFAULT_TYPES);
    }

    public AttachmentSettings inDirectory(Path directory) {
        return new AttachmentSettings(directory.toAbsolutePath().normalize(), maxBytes, allowedTypes);
    }

    public AttachmentSettings limitedTo(long maxBytes) {
        return new AttachmentSettings(directory, maxBytes, allowedTypes);
    }

    public AttachmentSettings allowing(Set<String> types) {
        return new AttachmentSettings(directory, maxBytes, types);
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return bytes >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0) : bytes + " bytes";
    }
}
