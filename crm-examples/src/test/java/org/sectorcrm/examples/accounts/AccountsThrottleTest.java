package org.sectorcrm.examples.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUserId;

/** The login throttle's back-off, its purge and token expiry on a real SQLite file, with a clock the test moves (no sleeps). */
class AccountsThrottleTest {
    private static final String EMAIL = "ann@board.example";
    private static final String PASSWORD = "correct horse battery staple";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));
    @TempDir
    Path dir;
    private String url;
    private Accounts accounts;
    private final StaffUserId ann = StaffUserId.of(new UUID(0x0190a6b0_0000_7000L, 0x8000_0000_0000_0001L).toString());

    @BeforeEach
    void open() {
        url = "jdbc:sqlite:" + dir.resolve("accounts.db");
        accounts = new Accounts(url, clock);
        accounts.setPassword(ann, EMAIL, PASSWORD.toCharArray());
    }

    @AfterEach
    void close() {
        accounts.close();
    }

    private Optional<StaffUserId> login(String password, String from) {
        return accounts.login(EMAIL, Optional.of(ann), password.toCharArray(), from);
    }

    private void fail(String from) {
        assertThat(login("a wrong guess of a password", from)).isEmpty();
    }

    private Duration throttled(String password, String from) {
        try {
            login(password, from);
        } catch (Accounts.ThrottledException e) {
            return e.retryAfter();
        }
        throw new AssertionError("not throttled");
    }

    @Test
    void theBackOffDoublesWithEachFailureAfterTheFreeOnes() {
        for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
            fail("203.0.113.5");
        }
        assertThat(throttled(PASSWORD, "203.0.113.5")).isEqualTo(Duration.ofMinutes(1));
        clock.move(Duration.ofMinutes(1));
        fail("203.0.113.5");
        assertThat(throttled(PASSWORD, "203.0.113.5")).isEqualTo(Duration.ofMinutes(2));
        clock.move(Duration.ofMinutes(2));
        fail("203.0.113.5");
        assertThat(throttled(PASSWORD, "203.0.113.5")).isEqualTo(Duration.ofMinutes(4));
        assertThat(LoginThrottle.backoff(30)).isEqualTo(LoginThrottle.MAX_BACKOFF);
        // another address is not held back by this one's failures
        assertThat(login(PASSWORD, "198.51.100.7")).contains(ann);
        clock.move(Duration.ofMinutes(4));
        assertThat(login(PASSWORD, "203.0.113.5")).contains(ann);
    }

    @Test
    void aKnownAddressGetsInWhileManyAddressesGuess() {
        assertThat(login(PASSWORD, "198.51.100.7")).contains(ann);
        for (int i = 0; i < LoginThrottle.FREE_PER_ACCOUNT; i++) {
            fail("203.0.113." + i);
        }
        assertThat(throttled(PASSWORD, "192.0.2.99")).as("a new address waits").isPositive();
        assertThat(login(PASSWORD, "198.51.100.7")).as("the known address does not").contains(ann);
    }

    @Test
    void oldAttemptsArePurgedAndNoRowHoldsTheEmail() throws Exception {
        for (int i = 0; i < 3; i++) {
            fail("203.0.113.5");
        }
        assertThat(count("SELECT COUNT(*) FROM login_attempts")).isEqualTo(3);
        clock.move(LoginThrottle.MEMORY.plusMinutes(1));
        fail("203.0.113.6");
        assertThat(count("SELECT COUNT(*) FROM login_attempts")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login_attempts WHERE account LIKE '%ann%' OR address LIKE '%203%'")).isZero();
    }

    @Test
    void junkLoginsFromManyAddressesDoNotGrowTheStoreBeyondItsCap() throws Exception {
        accounts.close();
        accounts = new Accounts(url, clock, 30);
        for (int i = 0; i < 120; i++) {
            clock.move(Duration.ofSeconds(1));
            String junk = "junk-" + i + "-" + "x".repeat(200) + "@example.org";
            assertThat(accounts.login(junk, Optional.empty(), "a wrong guess of a password".toCharArray(), "198.51.100." + i)).isEmpty();
        }
        assertThat(count("SELECT COUNT(*) FROM login_attempts")).isBetween(1L, 30L);
        // the latest failure is among those kept: a guesser's back-off depends on the newest ones
        assertThat(count("SELECT COUNT(*) FROM login_attempts WHERE at = (SELECT MAX(at) FROM login_attempts)")).isEqualTo(1);
        // and the real user still gets in
        assertThat(login(PASSWORD, "203.0.113.9")).contains(ann);
    }

    @Test
    void theOperatorsResetLetsALockedOutUserIn() {
        for (int i = 0; i < LoginThrottle.FREE_PER_PAIR; i++) {
            fail("local");
        }
        assertThatThrownBy(() -> login(PASSWORD, "local")).isInstanceOf(Accounts.ThrottledException.class);
        accounts.setPassword(ann, EMAIL, "a fresh operator-set password".toCharArray());
        assertThat(login("a fresh operator-set password", "local")).contains(ann);
    }

    @Test
    void tokensExpireAndAreRevokedOneByOne() {
        Accounts.Holder holder = new Accounts.Holder(ann, Instant.parse("2026-12-01T00:00:00Z"));
        ApiTokens.Issued soon = accounts.tokens().issue(holder, Role.STAFF, "soon", Role.VIEWER, clock.instant().plus(Duration.ofHours(1)));
        ApiTokens.Issued kept = accounts.tokens().issue(holder, Role.STAFF, "kept", null, null);
        assertThat(accounts.tokens().use(soon.token())).hasValueSatisfying(u -> assertThat(u.maxRole()).isEqualTo(Role.VIEWER));
        clock.move(Duration.ofHours(1));
        assertThat(accounts.tokens().use(soon.token())).isEmpty();
        assertThat(accounts.tokens().of(ann)).extracting(ApiTokens.TokenInfo::name).containsExactlyInAnyOrder("soon", "kept");
        assertThat(accounts.tokens().revoke(ann, kept.info().id())).isTrue();
        assertThat(accounts.tokens().use(kept.token())).isEmpty();
        assertThatThrownBy(() -> accounts.tokens().issue(holder, Role.STAFF, "up", Role.MANAGER, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void anOlderDatabaseGetsTheNewColumnsAndLosesItsStoredEmails() throws Exception {
        accounts.close();
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE api_tokens (token_sha256 VARCHAR(64) PRIMARY KEY, user_id VARCHAR(36) NOT NULL, name VARCHAR(200) NOT NULL,"
                    + " created_at VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO api_tokens VALUES ('" + Accounts.sha256("scrm_legacy") + "', '" + ann.asString() + "', 'legacy', '2026-01-01T00:00:00.000000000Z')");
            s.execute("CREATE TABLE login_failures (email VARCHAR(320) NOT NULL, at VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO login_failures VALUES ('ann@board.example', '2026-01-01T00:00:00.000000000Z')");
        }
        url = "jdbc:sqlite:" + old;
        accounts = new Accounts(url, clock);
        assertThat(accounts.token("scrm_legacy")).contains(ann);
        assertThat(accounts.tokens().of(ann)).singleElement().satisfies(t -> assertThat(t.id()).isNotBlank());
        assertThat(count("SELECT COUNT(*) FROM sqlite_master WHERE name = 'login_failures'")).isZero();
        assertThat(Files.exists(old)).isTrue();
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
