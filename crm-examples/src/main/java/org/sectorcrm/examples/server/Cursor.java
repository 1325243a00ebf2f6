package org.sectorcrm.examples.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.sectorcrm.core.ValidationException;

/**
 * The API's paging cursors: opaque text bound to the list that issued it. The store's cursor (the last id read)
 * travels base64url-encoded with a check of 12 bytes of SHA-256 over the list's path and that cursor, so a cursor
 * typed by hand, edited, truncated or taken from another list is a 400 naming {@code after}, never a first page or
 * an empty one. The check is not a secret (it is recomputable): it guards against mistakes, not against a client
 * choosing where its list starts, which is harmless because every row is still access-checked.
 */
final class Cursor {
    private static final int CHECK_BYTES = 12;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    /** The cursor a client sends back to {@code scope} (a list's path) for the page after {@code raw}. */
    static String encode(String scope, String raw) {
        if (raw == null) {
            return null;
        }
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(check(scope, bytes));
    }

    /** The store's cursor behind {@code cursor} sent to {@code scope}; a 400 naming {@code after} if it is not one of ours. */
    static String decode(String scope, String cursor) {
        int dot = cursor.indexOf('.');
        if (dot > 0 && dot < cursor.length() - 1 && cursor.indexOf('.', dot + 1) < 0 && cursor.length() <= 400) {
            try {
                byte[] raw = DECODER.decode(cursor.substring(0, dot));
                byte[] check = DECODER.decode(cursor.substring(dot + 1));
                if (raw.length > 0 && MessageDigest.isEqual(check, check(scope, raw)) && cursor.equals(encode(scope, new String(raw, StandardCharsets.UTF_8)))) {
                    return new String(raw, StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                // not base64url: refused below
            }
        }
        throw ValidationException.of("page", "after", "is not a cursor this list returned: send the 'next' of the previous page as it was, or leave it out for the first page");
    }

    private static byte[] check(String scope, byte[] raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("sectorcrm-cursor-1\n".getBytes(StandardCharsets.UTF_8));
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw);
            return Arrays.copyOf(sha.digest(), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
