package org.sectorcrm.examples.accounts;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sectorcrm.core.reference.StaffUserId;

/**
 * The column mapping each user last chose per kind of import, so the web import's mapping step is pre-filled with it
 * next time, also after a restart and on another node. Stored beside the user's other settings in the accounts tables,
 * one row per user and kind, as {@code field=column} pairs, each side URL-encoded (column names hold any character).
 * A mapping is a convenience, not a record: nothing else reads it, and a damaged row reads as no mapping.
 */
final class ImportMappings {
    /** A mapping longer than this (hundreds of columns of long names) is not remembered; the import itself is unaffected. */
    static final int MAX_CHARS = 16_000;
    private final AccountsDatabase db;
    private final Clock clock;

    ImportMappings(AccountsDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Map<String, String> of(StaffUserId user, String kind) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String text : db.query("SELECT mapping FROM import_mappings WHERE user_id = ? AND kind = ?", List.of(user.asString(), kind))) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    mapping.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return mapping;
    }

    void remember(StaffUserId user, String kind, Map<String, String> mapping) {
        StringBuilder text = new StringBuilder();
        mapping.forEach((field, column) -> {
            if (field != null && column != null) {
                text.append(text.length() == 0 ? "" : "&").append(encode(field)).append('=').append(encode(column));
            }
        });
        if (text.length() > MAX_CHARS) {
            return;
        }
        String at = AccountsDatabase.time(clock.instant());
        // update, else insert: the accounts database is used under one lock (Accounts is synchronized), so no second writer interleaves
        if (db.update("UPDATE import_mappings SET mapping = ?, updated_at = ? WHERE user_id = ? AND kind = ?", text.toString(), at, user.asString(),
                kind) == 0) {
            db.update("INSERT INTO import_mappings (user_id, kind, mapping, updated_at) VALUES (?, ?, ?, ?)", user.asString(), kind, text.toString(), at);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException damaged) {
            return s;
        }
    }
}
