package org.sectorcrm.examples.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.core.reference.StaffUserId;

/**
 * Calendar feed tokens: the secret in the URL a calendar program subscribes to, which opens only that user's
 * calendar, read-only. A credential of its own (programs cannot send a bearer token), stored as its SHA-256 like the
 * others, revoked one by one, with a password change, or with the user.
 */
final class CalendarFeeds {
    private final AccountsDatabase db;
    private final Clock clock;

    CalendarFeeds(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Accounts.IssuedFeed issue(Accounts.Holder holder, String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ValidationException.of("calendarFeed", "name", "is required (1-200 characters)");
        }
        String token = "scal_" + Accounts.randomSecret();
        Accounts.CalendarFeed feed = new Accounts.CalendarFeed(UUID.randomUUID().toString(), name.strip(), clock.instant());
        db.update("INSERT INTO calendar_feeds (id, token_sha256, user_id, name, created_at, bound_to) VALUES (?, ?, ?, ?, ?, ?)",
                feed.id(), Accounts.sha256(token), holder.user().asString(), feed.name(), AccountsDatabase.time(feed.createdAt()), holder.bound());
        return new Accounts.IssuedFeed(feed, token);
    }

    /** The holder a feed token was issued to; empty for an unknown or revoked one. */
    Optional<Accounts.Holder> holder(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return db.rows("SELECT user_id, bound_to FROM calendar_feeds WHERE token_sha256 = ?", List.of(Accounts.sha256(token))).stream().findFirst()
                .map(Accounts::holder);
    }

    /** A user's calendar feeds, oldest first. */
    List<Accounts.CalendarFeed> of(StaffUserId user) {
        return db.rows("SELECT id, name, created_at FROM calendar_feeds WHERE user_id = ? ORDER BY created_at, id", List.of(user.asString())).stream()
                .map(r -> new Accounts.CalendarFeed(r[0], r[1], Instant.parse(r[2]))).toList();
    }

    boolean revoke(StaffUserId user, String feedId) {
        return feedId != null && db.update("DELETE FROM calendar_feeds WHERE id = ? AND user_id = ?", feedId, user.asString()) > 0;
    }

    void revokeAll(StaffUserId user) {
        db.update("DELETE FROM calendar_feeds WHERE user_id = ?", user.asString());
    }
}
