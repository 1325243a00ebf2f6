package org.sectorcrm.examples.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;

/**
 * What a new password must be: the rules of NIST SP 800-63B-4 section 3.1.1.2 for passwords used as the only
 * factor. At least {@link #MIN_LENGTH} characters and at most {@link #MAX_LENGTH} (far above the 64 it asks to allow);
 * any printable character and spaces, no composition rules; not one of the {@code common-passwords.txt} list shipped
 * with the server (30,000 passwords of leaked sets), not the account's e-mail or its local part, not the current
 * password, not one repeated character. A NUL or a lone UTF-16 surrogate is refused rather than silently turned into
 * {@code ?} when the password is encoded as UTF-8 for hashing (which would make {@code "a\uD800b"} and {@code "a?b"}
 * the same password). {@link Passwords} only hashes and checks.
 */
public final class PasswordPolicy {
    /** NIST SP 800-63B-4: at least 15 characters when the password is the only factor, as it is here. */
    public static final int MIN_LENGTH = 15;
    public static final int MAX_LENGTH = 1000;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Throws a 400-style {@link ValidationException} listing every rule {@code password} breaks ({@code email}, {@code current} may be null). */
    public static void require(char[] password, String email, char[] current) {
        List<String> problems = problemsWith(password, email, current);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems.stream().map(p -> new FieldViolation("credentials", "password", p)).toList());
        }
    }

    /** The first problem of a password without an account (the first admin's, checked before the account exists), or null. */
    public static String problemWith(char[] password) {
        List<String> problems = problemsWith(password, null, null);
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** Every rule the password breaks, empty when it is acceptable. */
    public static List<String> problemsWith(char[] password, String email, char[] current) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters");
            if (password == null) {
                return problems;
            }
        }
        if (password.length > MAX_LENGTH) {
            problems.add("must be at most " + MAX_LENGTH + " characters");
            return problems;
        }
        if (!wellFormed(password)) {
            problems.add("must not contain NUL or unpaired UTF-16 surrogates (text that is not Unicode)");
        }
        if (password.length > 0 && allSame(password)) {
            problems.add("must not be one repeated character");
        }
        String folded = new String(password).toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded)) {
            problems.add("is one of the most common passwords; choose a longer phrase of your own");
        }
        if (email != null) {
            String e = email.strip().toLowerCase(Locale.ROOT);
            int at = e.indexOf('@');
            if (folded.equals(e) || at > 0 && folded.equals(e.substring(0, at))) {
                problems.add("must not be your e-mail address");
            }
        }
        if (current != null && Arrays.equals(password, current)) {
            problems.add("must differ from the current password");
        }
        return problems;
    }

    /** Whether the characters are Unicode text without NUL: every surrogate in a pair. */
    public static boolean wellFormed(char[] password) {
        for (int i = 0; i < password.length; i++) {
            char c = password[i];
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= password.length || !Character.isLowSurrogate(password[i + 1])) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allSame(char[] password) {
        for (char c : password) {
            if (c != password[0]) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the accounts package");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    common.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
