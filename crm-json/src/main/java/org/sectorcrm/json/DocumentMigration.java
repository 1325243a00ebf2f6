package org.sectorcrm.json;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sectorcrm.core.ValidationException;
import org.sectorcrm.json.internal.DocumentTrees;
import org.sectorcrm.json.internal.JsonErrors;

/**
 * One rewrite of stored JSON documents from the shape an earlier release wrote into the current one: what renaming or
 * removing a field, or changing how a value is written, needs (adding a field needs none). A store applies every
 * migration of {@link StoredDocuments#migrations()} to its documents once, when it upgrades its schema, so that
 * readers never carry code for old shapes; see {@code docs/storage-documents.md}.
 *
 * <p>A rewrite is idempotent: a document already in the current shape (or one the migration does not concern) comes
 * back as the same string, so a store can skip writing it.
 *
 * @since 2
 */
public final class DocumentMigration {
    private final String id;
    private final String description;
    private final List<Class<?>> documentTypes;
    private final BiFunction<Class<?>, ObjectNode, Boolean> rewrite;

    /**
     * @param rewrite changes the document in place and says whether it changed anything; called only for documents of
     *                one of {@code documentTypes} (or their subtypes)
     */
    DocumentMigration(String id, String description, List<Class<?>> documentTypes, BiFunction<Class<?>, ObjectNode, Boolean> rewrite) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.documentTypes = List.copyOf(documentTypes);
        this.rewrite = Objects.requireNonNull(rewrite, "rewrite");
    }

    /** A stable name, for a store's record of which migrations it has run: {@code 2-event-record-type-key}. */
    public String id() {
        return id;
    }

    /** What the migration changes, for people. */
    public String description() {
        return description;
    }

    /** Whether documents read as {@code documentType} ({@code DomainEvent.class}, {@code Employer.class}, ...) may need this migration. */
    public boolean appliesTo(Class<?> documentType) {
        return documentTypes.stream().anyMatch(t -> t.isAssignableFrom(documentType));
    }

    /**
     * The document in the current shape: {@code json} itself when nothing changes (also when the migration does not
     * apply to {@code documentType}).
     *
     * @throws ValidationException when {@code json} is not a JSON object (record {@code "json"}, field {@code "$"})
     */
    public String rewrite(Class<?> documentType, String json) {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(json, "json");
        if (!appliesTo(documentType)) {
            return json;
        }
        try {
            ObjectNode tree = DocumentTrees.parse(json);
            return rewrite.apply(documentType, tree) ? DocumentTrees.write(tree) : json;
        } catch (JsonProcessingException e) {
            throw JsonErrors.translate(e, CrmJson.RECORD, "", false);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
