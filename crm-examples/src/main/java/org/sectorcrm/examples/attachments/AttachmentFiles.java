package org.sectorcrm.examples.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.sectorcrm.core.NotFoundException;
import org.sectorcrm.core.attachment.AttachmentId;

/**
 * Attachment content in a directory, one file per attachment named by its id (never by the uploader's file name, so
 * no name can reach outside the directory). A file is written under a temporary name while it streams in, measured
 * and hashed on the way through a fixed 64 KiB buffer, and renamed to its id only once it is complete and accepted:
 * a half-written or refused upload never shows under an attachment's id.
 */
final class AttachmentFiles {
    private static final int BUFFER = 64 * 1024;
    private final Path directory;

    AttachmentFiles(Path directory) {
        this.directory = directory; // created with the first upload, so a server that never gets one leaves no directory behind
    }

    Path directory() {
        return directory;
    }

    /** What streamed in: where it waits, how long it is and its SHA-256 (hex). */
    record Received(Path temporary, long size, String sha256) {
    }

    /**
     * Streams {@code in} to a temporary file, at most {@code limit} bytes: one byte more stops the copy, removes the
     * file and throws 413 (the rest of the body is never read).
     */
    Received receive(AttachmentId id, InputStream in, long limit, String field) throws IOException {
        Files.createDirectories(directory);
        Path temporary = directory.resolve(".upload-" + id.asString());
        MessageDigest sha = sha256();
        long size = 0;
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                size += n;
                if (size > limit) {
                    throw UploadRefusedException.tooLarge(field, limit);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
        return new Received(temporary, size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Puts a received file under its attachment's id. */
    void keep(Received received, AttachmentId id) throws IOException {
        Files.move(received.temporary(), file(id), StandardCopyOption.ATOMIC_MOVE);
    }

    void discard(Received received) {
        try {
            Files.deleteIfExists(received.temporary());
        } catch (IOException e) {
            System.getLogger(AttachmentFiles.class.getName()).log(System.Logger.Level.WARNING, "cannot remove " + received.temporary(), e);
        }
    }

    /** The content, to be streamed out and closed by the caller. */
    InputStream open(AttachmentId id) throws IOException {
        try {
            return Files.newInputStream(file(id));
        } catch (NoSuchFileException e) {
            throw new NotFoundException("attachment content", id);
        }
    }

    /** Removes the content of a deleted attachment; a file already gone is fine. */
    void delete(AttachmentId id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            System.getLogger(AttachmentFiles.class.getName()).log(System.Logger.Level.WARNING, "cannot remove the content of attachment " + id, e);
        }
    }

    boolean exists(AttachmentId id) {
        return Files.exists(file(id));
    }

    private Path file(AttachmentId id) {
        return directory.resolve(id.asString()); // a UUID's text: never a path of its own
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
