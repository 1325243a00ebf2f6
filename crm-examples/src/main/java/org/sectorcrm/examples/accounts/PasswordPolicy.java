package org.sectorcrm.examples.accounts;

/** What a new password must be; {@link Passwords} only hashes and checks them. */
public final class PasswordPolicy {
    /** Passwords shorter than this are refused: the hash cannot make a short password strong. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1000;

    private PasswordPolicy() {
    }

    /** Null when acceptable, else what is wrong. */
    public static String problemWith(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.length > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        char first = password[0];
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == first;
        }
        return allSame ? "must not be one repeated character" : null;
    }
}
