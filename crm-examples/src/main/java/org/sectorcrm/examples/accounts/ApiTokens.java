package org.sectorcrm.examples.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sectorcrm.core.FieldViolation;
import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * API tokens for integrations: named, listed and revoked one by one, optionally expiring, optionally limited to a
 * lower role than their user's ({@code maxRole}: a reporting job gets a VIEWER token from a MANAGER). A token acts with
 * the lower of its role and its user's role at the time of the request, so a demoted user's tokens are demoted with
 * them, and a token can only issue tokens of at most its own role.
 */
public final class ApiTokens {
    public static final String PREFIX = "scrm_";
    public static final int MAX_NAME = 200;

    private final AccountsDatabase db;
    private final Clock clock;

    ApiTokens(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A token as listed (never the secret): {@code maxRole} and {@code expiresAt} may be null (the user's role; no expiry). */
    public record TokenInfo(String id, String name, StaffUserId user, Role maxRole, Instant createdAt, Instant expiresAt) {
    }

    /** A new token with its secret, the only time the secret is visible. */
    public record Issued(TokenInfo info, String token) {
    }

    /** What a presented token stands for: its holder and the highest role it may act with (null: its user's). */
    public record Use(Accounts.Holder holder, Role maxRole, String id) {
    }

    /**
     * Issues a token for {@code holder}. {@code issuerRole} is the role the request that asks acts with (a token's
     * own cap included): the new token's role can be no higher, so no credential mints a stronger one.
     */
    public Issued issue(Accounts.Holder holder, Role issuerRole, String name, Role maxRole, Instant expiresAt) {
        String stripped = name == null ? null : name.strip();
        List<FieldViolation> problems = new java.util.ArrayList<>();
        if (stripped == null || stripped.isEmpty() || stripped.length() > MAX_NAME) {
            problems.add(new FieldViolation("token", "name", "is required (1-" + MAX_NAME + " characters)"));
        }
        if (maxRole != null && !issuerRole.atLeast(maxRole)) {
            problems.add(new FieldViolation("token", "role", "must be at most " + issuerRole + ", the role this request acts with"));
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add(new FieldViolation("token", "expiresAt", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        // a token issued by a capped request carries that cap even when none is asked for
        Role role = maxRole != null ? maxRole : issuerRole;
        String token = PREFIX + Accounts.randomSecret();
        TokenInfo info = new TokenInfo(UUID.randomUUID().toString(), stripped, holder.user(), role, now, expiresAt);
        db.update("INSERT INTO api_tokens (token_sha256, id, user_id, name, created_at, max_role, expires_at, bound_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Accounts.sha256(token), info.id(), holder.user().asString(), stripped, AccountsDatabase.time(now), role.name(),
                expiresAt == null ? null : AccountsDatabase.time(expiresAt), holder.bound());
        return new Issued(info, token);
    }

    /** What a token opens; empty for an unknown, revoked or expired one. */
    public Optional<Use> use(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return db.rows("SELECT user_id, bound_to, max_role, id FROM api_tokens WHERE token_sha256 = ? AND (expires_at IS NULL OR expires_at > ?)",
                List.of(Accounts.sha256(token), AccountsDatabase.time(clock.instant()))).stream().findFirst()
                .map(r -> new Use(Accounts.holder(r), r[2] == null ? null : Role.valueOf(r[2]), r[3]));
    }

    /** A user's tokens, oldest first (expired ones included, marked by their expiry, until revoked). */
    public List<TokenInfo> of(StaffUserId user) {
        return db.rows("SELECT id, name, max_role, created_at, expires_at FROM api_tokens WHERE user_id = ? ORDER BY created_at, id",
                List.of(user.asString())).stream()
                .map(r -> new TokenInfo(r[0], r[1], user, r[2] == null ? null : Role.valueOf(r[2]), Instant.parse(r[3]),
                        r[4] == null ? null : Instant.parse(r[4])))
                .toList();
    }

    /** Revokes one of the user's own tokens; false when they have none with this id. */
    public boolean revoke(StaffUserId user, String id) {
        return id != null && db.update("DELETE FROM api_tokens WHERE id = ? AND user_id = ?", id, user.asString()) > 0;
    }

    void revokeAll(StaffUserId user) {
        db.update("DELETE FROM api_tokens WHERE user_id = ?", user.asString());
    }
}
