package org.sectorcrm.examples.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throttles password checks (logins and the current password of a password change) so that guessing is slow but a
 * stranger cannot keep the real user out. Failures are counted three ways over {@link #MEMORY}:
 * <ul>
 * <li>per account <em>and</em> client address: {@link #FREE_PER_PAIR} free failures, then a back-off after the last
 * failure that doubles with each further one (1, 2, 4 ... minutes, at most {@link #MAX_BACKOFF});</li>
 * <li>per account from every address (a guesser spreading over many addresses): past {@link #FREE_PER_ACCOUNT}
 * the same back-off, but not for an address the account logged in from in the last {@link #KNOWN_FOR}, so the
 * admin at their usual desk still gets in while a botnet guesses;</li>
 * <li>per address over every account (one address trying many accounts): past {@link #FREE_PER_ADDRESS} the same
 * back-off, again not for an account's known address.</li>
 * </ul>
 * A success clears that account's failures from that address only (not a guesser's from elsewhere). Accounts and
 * addresses are stored as SHA-256 only, and rows older than {@code MEMORY} are purged on every check, so the table
 * stays small whatever is sent. Attempts still being checked count as failures until decided: the count is checked and
 * the attempt reserved under one lock, so parallel guesses cannot all slip past before any failure is recorded.
 * <p>The store is also capped at {@link #MAX_ROWS} failures: a flood of junk logins from very many addresses in one day
 * (each address gets only its free failures before the back-off, so growth needs addresses) drops the oldest failures
 * first, so the table never outgrows the cap. The back-off of a recent guesser is kept: it depends on the latest failures.
 */
final class LoginThrottle {
    static final Duration MEMORY = Duration.ofHours(24);
    static final int FREE_PER_PAIR = 5;
    static final int FREE_PER_ACCOUNT = 20;
    static final int FREE_PER_ADDRESS = 50;
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration KNOWN_FOR = Duration.ofDays(30);
    /** The most failed checks kept (about 200 bytes each: two SHA-256 and a time), whatever is sent in a day. */
    static final int MAX_ROWS = 100_000;

    private final AccountsDatabase db;
    private final Clock clock;
    /** Checks being decided right now, per key ("p:" pair, "a:" account, "d:" address). Guarded by {@code db}. */
    private final Map<String, Integer> inFlight = new HashMap<>();

    private final int maxRows;

    LoginThrottle(AccountsDatabase db, Clock clock, int maxRows) {
        this.db = db;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** A check that was allowed: {@link #finish} it with its result. */
    final class Attempt {
        private final String account;
        private final String address;
        private final Instant at;

        private Attempt(String account, String address, Instant at) {
            this.account = account;
            this.address = address;
            this.at = at;
        }

        void finish(boolean ok) {
            synchronized (db) {
                release("p:" + account + address);
                release("a:" + account);
                release("d:" + address);
                if (ok) {
                    db.update("DELETE FROM login_attempts WHERE account = ? AND address = ?", account, address);
                    db.update("DELETE FROM login_known WHERE account = ? AND address = ?", account, address);
                    db.update("INSERT INTO login_known (account, address, at) VALUES (?, ?, ?)", account, address, AccountsDatabase.time(at));
                } else {
                    db.update("INSERT INTO login_attempts (account, address, at) VALUES (?, ?, ?)", account, address, AccountsDatabase.time(at));
                    cap();
                }
            }
        }
    }

    /** Drops the oldest failures beyond {@link #maxRows} (the cut-off time first: MariaDB refuses a DELETE reading its own table). */
    private void cap() {
        List<String> cut = db.query("SELECT at FROM login_attempts ORDER BY at DESC LIMIT 1 OFFSET " + maxRows, List.of());
        if (!cut.isEmpty()) {
            db.update("DELETE FROM login_attempts WHERE at <= ?", cut.get(0));
        }
    }

    /** Reserves a check of {@code account}'s password from {@code address}, or throws when it must wait. */
    Attempt begin(String account, String address) {
        String a = Accounts.sha256("account:" + account.strip().toLowerCase(Locale.ROOT));
        String d = Accounts.sha256("address:" + (address == null ? "" : address));
        Instant now = clock.instant();
        synchronized (db) {
            db.update("DELETE FROM login_attempts WHERE at < ?", AccountsDatabase.time(now.minus(MEMORY)));
            db.update("DELETE FROM login_known WHERE at < ?", AccountsDatabase.time(now.minus(KNOWN_FOR)));
            String since = AccountsDatabase.time(now.minus(MEMORY));
            check(now, db.query("SELECT at FROM login_attempts WHERE account = ? AND address = ? AND at > ? ORDER BY at",
                    List.of(a, d, since)), inFlight("p:" + a + d), FREE_PER_PAIR);
            boolean known = !db.query("SELECT at FROM login_known WHERE account = ? AND address = ?", List.of(a, d)).isEmpty();
            if (!known) {
                check(now, db.query("SELECT at FROM login_attempts WHERE account = ? AND at > ? ORDER BY at", List.of(a, since)),
                        inFlight("a:" + a), FREE_PER_ACCOUNT);
                check(now, db.query("SELECT at FROM login_attempts WHERE address = ? AND at > ? ORDER BY at", List.of(d, since)),
                        inFlight("d:" + d), FREE_PER_ADDRESS);
            }
            inFlight.merge("p:" + a + d, 1, Integer::sum);
            inFlight.merge("a:" + a, 1, Integer::sum);
            inFlight.merge("d:" + d, 1, Integer::sum);
        }
        return new Attempt(a, d, now);
    }

    /** Forgets every failure of an account (the operator set a new password). */
    void clear(String account) {
        synchronized (db) {
            db.update("DELETE FROM login_attempts WHERE account = ?", Accounts.sha256("account:" + account.strip().toLowerCase(Locale.ROOT)));
        }
    }

    /** The back-off after {@code n} failures beyond the free ones: 1, 2, 4 ... minutes, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(int beyond) {
        if (beyond >= 20) {
            return MAX_BACKOFF;
        }
        Duration d = FIRST_BACKOFF.multipliedBy(1L << beyond);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static void check(Instant now, List<String> failures, int pending, int free) {
        if (failures.size() + pending < free) {
            return;
        }
        if (failures.size() < free) {
            // the free ones are used up by checks still running: decided within a second
            throw new Accounts.ThrottledException(Duration.ofSeconds(1));
        }
        Instant last = Instant.parse(failures.get(failures.size() - 1));
        Instant until = last.plus(backoff(failures.size() - free));
        if (now.isBefore(until) || pending > 0) {
            throw new Accounts.ThrottledException(pending > 0 && !now.isBefore(until) ? Duration.ofSeconds(1) : Duration.between(now, until));
        }
    }

    private int inFlight(String key) {
        return inFlight.getOrDefault(key, 0);
    }

    private void release(String key) {
        inFlight.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
    }
}
