package org.sectorcrm.examples.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook delivery is signed, and how a receiver checks it. The signature is HMAC-SHA256 with the endpoint's
 * secret over {@code <timestamp>.<body>} (the timestamp header's text, a full stop, the body's bytes as sent), written
 * as {@code v1=<64 lowercase hex digits>}. Signing the timestamp with the body means a captured delivery cannot be
 * replayed later with a fresh timestamp; a receiver refuses timestamps outside its window ({@link #REPLAY_WINDOW},
 * five minutes either way) and events whose {@link #EVENT_ID} it has already handled (a retry has the same event id
 * and a new timestamp and signature).
 */
public final class WebhookSignature {
    /** The event's id (the same on every retry): receivers handle each id once. */
    public static final String EVENT_ID = "SectorCRM-Event-Id";
    /** The event's type, such as {@code referral.status_changed}. */
    public static final String EVENT_TYPE = "SectorCRM-Event-Type";
    /** When this attempt was signed, in seconds since 1970-01-01T00:00:00Z. */
    public static final String TIMESTAMP = "SectorCRM-Timestamp";
    /** {@code v1=} and the hex HMAC-SHA256 of {@code <timestamp>.<body>}. */
    public static final String SIGNATURE = "SectorCRM-Signature";
    /** How far a timestamp may be from the receiver's clock. */
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** The {@link #SIGNATURE} header for {@code body} signed at {@code timestamp} (epoch seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        return "v1=" + HexFormat.of().formatHex(hmac(secret, Long.toString(timestamp), body));
    }

    // tag::verify[]
    /**
     * The receiver's check: true only if the signature is the endpoint secret's HMAC of this timestamp and body, and the
     * timestamp is within {@code window} of {@code now}. Compares in constant time.
     */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body, Instant now, Duration window) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith("v1=")) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return false; // too old (a replay) or from a clock far off
        }
        byte[] expected = hmac(secret, timestampHeader, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHeader.substring(3));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
    // end::verify[]
}
