package org.sectorcrm.examples.accounts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256 password hashes (OWASP Password Storage Cheat Sheet: 600,000 iterations), per-user random salt. */
public final class Passwords {
    /** OWASP's recommended iteration count for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public record Hash(byte[] salt, byte[] hash, int iterations) {
    }

    public static Hash hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new Hash(salt, derive(password, salt, ITERATIONS), ITERATIONS);
    }

    /** Constant-time comparison: the time taken does not tell how many leading bytes matched. */
    public static boolean verify(char[] password, Hash stored) {
        return MessageDigest.isEqual(derive(password, stored.salt(), stored.iterations()), stored.hash());
    }

    /** Spends the same work as a real check, so an unknown e-mail answers no faster than a wrong password. */
    public static void burn(char[] password) {
        derive(password, new byte[SALT_BYTES], ITERATIONS);
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
