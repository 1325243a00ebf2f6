package org.sectorcrm.examples.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens. A signed-in form carries a token derived from the login session id ({@code SHA-256("csrf:" + id)}):
 * the session cookie is HttpOnly, so another site can neither read the cookie nor compute the token, and every server
 * process on one database derives the same token (no per-node secret). The sign-in form, before any session exists,
 * uses a double-submit cookie instead.
 */
final class Csrf {
    static final String FIELD = "_csrf";
    static final String LOGIN_COOKIE = "sectorcrm_login_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    static String forSession(String sessionId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Constant-time comparison, so the time an answer takes says nothing about how much of a guess was right. */
    static boolean same(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
