package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.sectorcrm.core.attachment.Attachment;
import org.sectorcrm.core.attachment.AttachmentFilter;
import org.sectorcrm.core.attachment.AttachmentId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.spi.StorageTransaction;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Attachments' metadata. The content is streamed to a content store first; {@link #attach} then records what the
 * store measured (size, SHA-256, detected type), as the actor: the owning record must exist and the uploader is the
 * acting staff user of their partner. A plain {@link #create} is refused, so no metadata exists without content.
 *
 * <p>An attachment the actor may not read ({@link Attachment#readableBy}) does not exist for them: {@link #find} is
 * empty, {@link #list} leaves it out (a page may then hold fewer items than its limit), a delete is a
 * {@link NotFoundException}. Only the uploader's partner's staff delete one; only the description and the visibility
 * change. Deleting the owning record deletes its attachments in the same transaction ({@link RecordOperations#delete}).
 *
 * @since 2
 */
public final class AttachmentOperations extends RecordOperations<AttachmentId, Attachment, AttachmentFilter, Attachment> {
    AttachmentOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.ATTACHMENT);
    }

    /** Refused: an attachment is recorded by {@link #attach} once its content is stored. */
    @Override
    public Attachment create(Attachment draft) {
        throw ValidationException.of(key(), "content", "attachments are added by uploading their content (POST /{plural}/{id}/attachments), not created bare");
    }

    /**
     * Records the metadata of content a content store has just stored under {@code draft}'s id (which it chose, so
     * that the content is in place before the metadata commits). Uploader and partner are the actor's.
     */
    public Attachment attach(Attachment draft) {
        require(key(), "record", draft);
        require(key(), "id", draft.id());
        return super.create(new Attachment(draft.id(), null, draft.ownerType(), draft.ownerId(), draft.filename(), draft.contentType(), draft.size(),
                draft.sha256(), draft.visibility(), actor.partner(), actor.user(), draft.description()));
    }

    /** The owner of attachments named by its type and id, checked to exist (and to be readable) as the actor. */
    public void requireOwner(AggregateType<?, ?, ?> ownerType, Id ownerId) {
        require(key(), "ownerType", ownerType);
        require(key(), "ownerId", ownerId);
        crm.storage().read(tx -> {
            ownerParties(tx, ownerType.key(), ownerId.asString());
            return null;
        });
    }

    /** The attachments of one record the actor may read, oldest first. */
    public List<Attachment> of(AggregateType<?, ?, ?> ownerType, Id ownerId) {
        require(key(), "ownerType", ownerType);
        require(key(), "ownerId", ownerId);
        return crm.storage().read(tx -> {
            Set<PartnerId> parties = ownerParties(tx, ownerType.key(), ownerId.asString());
            List<Attachment> all = new ArrayList<>();
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Attachment> p = store(tx).query(AttachmentFilter.of(ownerType.key(), ownerId.asString()), page);
                p.items().stream().filter(a -> readable(a, parties)).forEach(all::add);
                if (!p.hasNext()) {
                    break;
                }
                page = PageRequest.after(p.nextCursor(), PageRequest.MAX_LIMIT);
            }
            all.sort(java.util.Comparator.comparing((Attachment a) -> a.stamp().createdAt()).thenComparing(a -> a.id().asString()));
            return all;
        });
    }

    /** The action of the audit entry every download writes. */
    public static final String DOWNLOAD = "DOWNLOAD_ATTACHMENT";

    /**
     * The attachment whose content is about to be sent to the actor, after recording the download in the audit trail.
     * Every download is audited: a file's content cannot be masked, so every attachment is taken to hold PII (an intake
     * form, a signed release). For the same reason VIEWERs, who see contact PII masked, list attachments but do not
     * download them.
     *
     * @throws NotFoundException when there is none the actor may read
     * @throws AccessDeniedException for a VIEWER
     */
    public Attachment download(AttachmentId id) {
        Attachment a = get(id);
        actor.require(org.sectorcrm.core.reference.Role.STAFF, "download attachments (their content may hold PII that cannot be masked)");
        crm.write(actor, changes -> {
            changes.audit(DOWNLOAD, key(), id.asString(), a.ownerType() + " " + a.ownerId() + ": " + a.filename() + " (" + a.size() + " bytes)");
            return null;
        });
        return a;
    }

    @Override
    public Optional<Attachment> find(AttachmentId id) {
        requireId(id);
        return crm.storage().read(tx -> store(tx).find(id).filter(a -> readable(tx, a)));
    }

    @Override
    public Page<Attachment> list(AttachmentFilter filter, PageRequest page) {
        Page<Attachment> all = super.list(filter, page);
        return crm.storage().read(tx -> new Page<>(all.items().stream().filter(a -> readable(tx, a)).toList(), all.nextCursor()));
    }

    @Override
    Attachment prepare(Changes changes, Attachment a, Attachment stored) {
        if (stored == null) {
            ownerParties(changes.tx, a.ownerType(), a.ownerId());
            return a;
        }
        if (!readable(changes.tx, stored)) {
            throw new NotFoundException(key(), stored.id());
        }
        Check c = Check.of(key());
        c.that(stored.partner().equals(actor.partner()), "partner", "only the staff of the uploading partner " + stored.partner() + " change an attachment");
        c.that(a.ownerType().equals(stored.ownerType()) && a.ownerId().equals(stored.ownerId()), "ownerId", "an attachment stays with its record");
        c.that(a.filename().equals(stored.filename()) && a.contentType().equals(stored.contentType()) && a.size() == stored.size()
                && a.sha256().equals(stored.sha256()), "content", "the file of an attachment does not change; upload a new one");
        c.that(a.partner().equals(stored.partner()) && a.uploadedBy().equals(stored.uploadedBy()), "uploadedBy", "cannot change");
        c.throwIfInvalid();
        return a;
    }

    @Override
    void checkDelete(Changes changes, Attachment stored) {
        if (!readable(changes.tx, stored)) {
            throw new NotFoundException(key(), stored.id());
        }
        if (!stored.partner().equals(actor.partner())) {
            throw new AccessDeniedException("only the staff of the uploading partner " + stored.partner() + " delete attachment " + stored.id());
        }
    }

    /** Deletes, inside a write, the attachments of a record being deleted (their content goes after commit, on the Deleted events). */
    static void deleteOwnedBy(Changes changes, AggregateType<?, ?, ?> ownerType, Id ownerId) {
        if (!ownerType.attachable()) {
            return; // owns none: no query for every deleted review, count or attachment
        }
        var store = changes.tx.store(AggregateTypes.ATTACHMENT);
        AttachmentFilter owned = AttachmentFilter.of(ownerType.key(), ownerId.asString());
        while (true) {
            // Each round deletes what it read, so the first page is always the next one.
            Page<Attachment> p = store.query(owned, PageRequest.first(PageRequest.MAX_LIMIT));
            for (Attachment a : p.items()) {
                store.delete(a.id(), a.version());
                changes.deleted(AggregateTypes.ATTACHMENT, a.id(), a.version());
            }
            if (!p.hasNext()) {
                break;
            }
        }
    }

    private boolean readable(StorageTransaction tx, Attachment a) {
        try {
            return readable(a, ownerParties(tx, a.ownerType(), a.ownerId()));
        } catch (NotFoundException | ValidationException gone) {
            return false;
        }
    }

    private boolean readable(Attachment a, Set<PartnerId> parties) {
        return a.readableBy(actor.user(), actor.partner(), parties);
    }

    /**
     * The partners of the owning record whose staff read its PARTNER attachments besides the uploader's (a referral's
     * sender and receiver), after checking that the record exists.
     */
    private Set<PartnerId> ownerParties(StorageTransaction tx, String ownerKey, String ownerId) {
        AggregateType<?, ?, ?> type = AggregateTypes.byKey(ownerKey).filter(AggregateType::attachable)
                .orElseThrow(() -> ValidationException.of(key(), "ownerType", "must be the key of an aggregate type that owns attachments ("
                        + String.join(", ", AggregateTypes.all().stream().filter(AggregateType::attachable).map(AggregateType::key).toList())
                        + ") but was '" + ownerKey + "'"));
        Object owner = find(tx, type, ownerId).orElseThrow(() -> new NotFoundException(type.key(), ownerId));
        if (owner instanceof org.sectorcrm.core.referral.Referral r) {
            return Set.of(r.fromPartner(), r.toPartner());
        }
        return Set.of();
    }

    private static <I extends Id> Optional<?> find(StorageTransaction tx, AggregateType<I, ?, ?> type, String id) {
        return tx.store(type).find(type.parseId(id));
    }
}
