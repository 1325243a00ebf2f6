package org.sectorcrm.json;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sectorcrm.core.event.DomainEvent;
import org.sectorcrm.core.event.StoredEvent;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Brings JSON documents that an earlier release stored into the shape {@link CrmJson} reads today. The policy
 * ({@code docs/storage-documents.md}): an added field needs nothing (an old document without it reads as null or
 * empty); a renamed or removed field, or a value written differently, gets a {@link DocumentMigration} here, which a
 * store runs over its stored documents once when it upgrades. Readers stay strict and know only the current shape.
 *
 * <pre>{@code
 * for each stored event document doc:
 *     String current = StoredDocuments.upgrade(DomainEvent.class, doc);
 *     if (!current.equals(doc)) { write current back }
 * }</pre>
 *
 * @since 2
 */
public final class StoredDocuments {
    /**
     * SPI 1 wrote an event's {@code recordType} as the constant of the {@code RecordType} enum ({@code "STAFF_USER"});
     * SPI 2 writes the descriptor's key ({@code "staffUser"}). The old names are the keys in upper snake case.
     */
    static final DocumentMigration EVENT_RECORD_TYPE_KEY = new DocumentMigration("2-event-record-type-key",
            "an event's recordType: the RecordType constant of SPI 1 (STAFF_USER) becomes the AggregateType key (staffUser)",
            List.of(DomainEvent.class, StoredEvent.class), (type, doc) -> {
                ObjectNode event = StoredEvent.class.isAssignableFrom(type) && doc.get("event") instanceof ObjectNode nested ? nested : doc;
                JsonNode recordType = event.get("recordType");
                String key = recordType != null && recordType.isTextual() ? LegacyNames.KEYS.get(recordType.textValue()) : null;
                if (key == null) {
                    return false; // already a key, or not ours to guess: the reader names it
                }
                event.put("recordType", key);
                return true;
            });

    private static final List<DocumentMigration> MIGRATIONS = List.of(EVENT_RECORD_TYPE_KEY);

    private StoredDocuments() {
    }

    /** Every migration, oldest first. */
    public static List<DocumentMigration> migrations() {
        return MIGRATIONS;
    }

    /**
     * {@code json}, a document stored as {@code documentType} by any earlier release, in the current shape: every
     * migration that applies, in order. The same string when nothing changes.
     *
     * @throws org.sectorcrm.core.ValidationException when a migration applies and {@code json} is not a JSON object
     */
    public static String upgrade(Class<?> documentType, String json) {
        Objects.requireNonNull(documentType, "documentType");
        String current = Objects.requireNonNull(json, "json");
        for (DocumentMigration m : MIGRATIONS) {
            current = m.rewrite(documentType, current);
        }
        return current;
    }

    /** SPI 1's {@code RecordType} constant names, derived from the keys so that no list of types is repeated here. */
    private static final class LegacyNames {
        static final Map<String, String> KEYS = new HashMap<>();

        static {
            for (AggregateType<?, ?, ?> type : AggregateTypes.all()) {
                KEYS.put(type.key().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT), type.key());
            }
        }
    }
}
