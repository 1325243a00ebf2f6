package org.sectorcrm.core.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.audit.FieldChange;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.internal.Diff;
import org.sectorcrm.core.search.Reader;

/**
 * The one description of an aggregate type: its key, its record, id and filter classes, how ids are parsed and
 * made, the filter that matches everything and what a filter matches, the records it references and the unique keys
 * a store enforces, the text search looks at, and how two versions differ. Every store, decorator, mapping and the
 * conformance kit take their per-type behaviour from here, so a new aggregate is one new descriptor in
 * {@link AggregateTypes} rather than an edit to every list of types.
 *
 * <p>Descriptors are compared by identity; {@link #key()} is unique among {@link AggregateTypes#all()}.
 *
 * @param <I> the id type
 * @param <T> the aggregate type
 * @param <F> the filter type
 * @since 2
 */
public final class AggregateType<I extends Id, T extends Aggregate<I>, F> {
    private final String key;
    private final String plural;
    private final Class<T> recordClass;
    private final Class<I> idClass;
    private final Class<F> filterClass;
    private final Function<String, I> parseId;
    private final Function<UUID, I> newId;
    private final F all;
    private final BiPredicate<F, T> matches;
    private final List<Reference<T>> references;
    private final List<UniqueKey<T>> uniqueKeys;
    private final BiFunction<T, Reader, String> searchableText;
    private final java.util.Set<String> personal;
    private final String notesField;
    private final Function<T, List<Note>> notes;
    private final List<Repointer<T, F>> explicitRepointers;
    private final boolean offersAttachments;
    private volatile List<Repointer<T, F>> repointers;
    private final boolean attachable;

    private AggregateType(Builder<I, T, F> b) {
        this.explicitRepointers = List.copyOf(b.repointers);
        this.offersAttachments = b.offersAttachments;
        this.attachable = b.attachable;
        if (offersAttachments && !attachable) {
            // the example application offers attachment routes only for types crm-core lets own files
            throw new IllegalStateException(b.key + " offers attachments() but is not attachable()");
        }
        this.personal = java.util.Set.copyOf(b.personal);
        this.notesField = b.notesField;
        this.notes = b.notes;
        this.key = b.key;
        this.plural = b.plural;
        this.recordClass = b.recordClass;
        this.idClass = b.idClass;
        this.filterClass = b.filterClass;
        this.parseId = b.parseId;
        this.newId = b.newId;
        this.all = b.all;
        this.matches = b.matches;
        this.references = List.copyOf(b.references);
        this.uniqueKeys = List.copyOf(b.uniqueKeys);
        this.searchableText = b.searchableText;
    }

    /** Starts a descriptor; {@code key} is the lower camel name used in messages, events, audit entries and JSON. */
    public static <I extends Id, T extends Aggregate<I>, F> Builder<I, T, F> builder(String key, Class<T> recordClass, Class<I> idClass,
            Class<F> filterClass) {
        return new Builder<>(key, recordClass, idClass, filterClass);
    }

    /** The lower camel name: {@code employer}, {@code staffUser}. */
    public String key() {
        return key;
    }

    /** The plural used in file names and URLs: {@code employers}, {@code staff-users}. */
    public String plural() {
        return plural;
    }

    public Class<T> recordClass() {
        return recordClass;
    }

    public Class<I> idClass() {
        return idClass;
    }

    public Class<F> filterClass() {
        return filterClass;
    }

    /** Parses the text form of an id ({@link Id#asString()}); invalid text throws {@link org.sectorcrm.core.ValidationException}. */
    public I parseId(String text) {
        return parseId.apply(text);
    }

    /** Whether the application assigns ids ({@link #newId}) or people choose them (codes of regions and sectors). */
    public boolean hasGeneratedIds() {
        return newId != null;
    }

    /** A new id from a generated UUID. */
    public I newId(UUID value) {
        if (newId == null) {
            throw new UnsupportedOperationException(key + " ids are codes chosen by people, not generated");
        }
        return newId.apply(value);
    }

    /** The filter that matches every record of this type. */
    public F all() {
        return all;
    }

    /** The definition of a filter every store implements: whether {@code filter} matches {@code record}. */
    public boolean matches(F filter, T record) {
        return matches.test(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(record, "record"));
    }

    /**
     * Whether records of this type own attachments (employers, engagements, referrals, ...): files are attached to them,
     * deleted with them and moved with them in a merge. Reference data, counts, reviews, merge records and attachments
     * themselves own none. @since 2
     */
    public boolean attachable() {
        return attachable;
    }

    /** The records this type references that a store enforces under {@code Capability.REFERENTIAL_INTEGRITY}. */
    public List<Reference<T>> references() {
        return references;
    }

    /**
     * How records of this type are moved from one referenced record to another (a merge of employers): one for each
     * {@link #references() reference}, derived from it (the record's and the filter's component named by the reference's
     * field, set through the canonical constructor), and those the descriptor declares for references held in lists
     * (a partnership's members). A reference whose record or filter has no such component fails here, naming it.
     *
     * @since 2
     */
    public List<Repointer<T, F>> repointers() {
        List<Repointer<T, F>> r = repointers;
        if (r == null) {
            List<Repointer<T, F>> all = new ArrayList<>(explicitRepointers);
            for (Reference<T> ref : references) {
                if (all.stream().anyMatch(x -> x.field().equals(ref.field()))) {
                    continue;
                }
                Class<?> idType = ref.target().idClass();
                if (!org.sectorcrm.core.internal.Components.has(recordClass, ref.field(), idType)
                        || !org.sectorcrm.core.internal.Components.has(filterClass, ref.field(), idType)) {
                    throw new IllegalStateException(key + "." + ref.field() + " references " + ref.target() + " but " + recordClass.getSimpleName()
                            + " or " + filterClass.getSimpleName() + " has no component " + ref.field() + ": declare a repointer for it");
                }
                String field = ref.field();
                all.add(new Repointer<>(field, ref.target(), to -> org.sectorcrm.core.internal.Components.with(this.all, field, to),
                        (record, from, to) -> from.equals(ref.of(record)) ? org.sectorcrm.core.internal.Components.with(record, field, to) : record));
            }
            r = List.copyOf(all);
            repointers = r;
        }
        return r;
    }

    /** The {@link #repointers()} of references to {@code target}. @since 2 */
    public List<Repointer<T, F>> repointersTo(AggregateType<?, ?, ?> target) {
        return repointers().stream().filter(x -> x.target() == target).toList();
    }

    /** The keys no two records of this type may share (a null value takes no key). */
    public List<UniqueKey<T>> uniqueKeys() {
        return uniqueKeys;
    }

    /** The text a search for {@code reader} looks at: only what that reader may read. */
    public String searchableText(T record, Reader reader) {
        return searchableText.apply(Objects.requireNonNull(record, "record"), Objects.requireNonNull(reader, "reader"));
    }

    /** The record with this id and stamp (the record's own self-typed {@code withId}/{@code withStamp}). */
    public T assign(T record, I id, Stamp stamp) {
        return recordClass.cast(recordClass.cast(record.withId(id)).withStamp(stamp));
    }

    /** The names of the fields that differ between two versions, id and stamp aside. */
    public List<String> changedFields(T before, T after) {
        return Diff.changedFields((Record) before, (Record) after);
    }

    /**
     * The field changes from {@code before} to {@code after}, each with its old and new value as text, id and stamp
     * aside. Personal fields carry {@link FieldChange#PII}; the notes field is listed note by note
     * ({@code notes[<noteId>]}), each restricted to the readers of that note.
     */
    public List<FieldChange> changes(T before, T after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Object[] c : Diff.components((Record) before, (Record) after)) {
            String field = (String) c[0];
            if (field.equals(notesField)) {
                changes.addAll(noteChanges(notes.apply(before), notes.apply(after)));
            } else {
                changes.add(new FieldChange(field, Diff.text(c[1]), Diff.text(c[2]), personal.contains(field) ? FieldChange.PII : null));
            }
        }
        return changes;
    }

    /** The fields holding contact PII (masked for VIEWERs), as declared by the descriptor. */
    public java.util.Set<String> personalFields() {
        return personal;
    }

    /**
     * Whether the application offers attachments on records of this type (their pages and REST routes): a subset of the
     * {@link #attachable()} types, said here so that no list of owner types is kept apart from the descriptors. @since 2
     */
    public boolean offersAttachments() {
        return offersAttachments;
    }

    private static List<FieldChange> noteChanges(List<Note> before, List<Note> after) {
        java.util.Map<String, Note> was = new java.util.LinkedHashMap<>();
        before.forEach(n -> was.put(key(n), n));
        java.util.Map<String, Note> now = new java.util.LinkedHashMap<>();
        after.forEach(n -> now.put(key(n), n));
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(was.keySet());
        ids.addAll(now.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String id : ids) {
            Note a = was.get(id);
            Note b = now.get(id);
            if (a != null && a.equals(b)) {
                continue;
            }
            // The stricter of the two versions decides who may read the change: text never leaks through a visibility change.
            Note rule = b == null ? a : a == null ? b : a.visibility().compareTo(b.visibility()) >= 0 ? a : b;
            changes.add(new FieldChange("notes[" + id + "]", a == null ? null : a.text(), b == null ? null : b.text(),
                    "NOTE " + rule.visibility().name() + " " + rule.author().asString() + " " + rule.partner().asString()));
        }
        return changes;
    }

    private static String key(Note n) {
        return n.id() == null ? "new" : n.id().asString();
    }

    /** Casts a record known to be of this type. */
    public T cast(Object record) {
        return recordClass.cast(record);
    }

    @Override
    public String toString() {
        return key;
    }

    /** A reference to another aggregate that a store enforces. */
    public record Reference<T>(String field, AggregateType<?, ?, ?> target, Function<T, ? extends Id> value) {
        public Reference {
            org.sectorcrm.core.internal.Check.of("reference").require("field", field).require("target", target).require("value", value)
                    .throwIfInvalid();
        }

        /** The referenced id in {@code record}, or null when it references none. */
        public Id of(T record) {
            return value.apply(record);
        }
    }

    /** A unique key: {@code label} names it in messages ("FEIN", "e-mail"). */
    public record UniqueKey<T>(String field, String label, Function<T, ?> value) {
        public UniqueKey {
            org.sectorcrm.core.internal.Check.of("uniqueKey").require("field", field).require("label", label).require("value", value)
                    .throwIfInvalid();
        }

        /** The key's value in {@code record}, as text compared exactly (case matters), or null when it takes no key. */
        public String of(T record) {
            Object v = value.apply(record);
            return v == null ? null : v instanceof Id id ? id.asString() : v.toString();
        }
    }

    /** Builds a descriptor; {@link #build} refuses one that lacks a required part, naming it. */
    public static final class Builder<I extends Id, T extends Aggregate<I>, F> {
        private final String key;
        private final Class<T> recordClass;
        private final Class<I> idClass;
        private final Class<F> filterClass;
        private String plural;
        private Function<String, I> parseId;
        private Function<UUID, I> newId;
        private F all;
        private BiPredicate<F, T> matches;
        private final List<Reference<T>> references = new ArrayList<>();
        private final List<UniqueKey<T>> uniqueKeys = new ArrayList<>();
        private BiFunction<T, Reader, String> searchableText;
        private final java.util.Set<String> personal = new java.util.LinkedHashSet<>();
        private String notesField;
        private Function<T, List<Note>> notes;
        private final List<Repointer<T, F>> repointers = new ArrayList<>();
        private boolean offersAttachments;
        private boolean attachable;

        private Builder(String key, Class<T> recordClass, Class<I> idClass, Class<F> filterClass) {
            this.key = Objects.requireNonNull(key, "key");
            this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
            this.idClass = Objects.requireNonNull(idClass, "idClass");
            this.filterClass = Objects.requireNonNull(filterClass, "filterClass");
            this.plural = key + "s";
        }

        public Builder<I, T, F> plural(String plural) {
            this.plural = Objects.requireNonNull(plural, "plural");
            return this;
        }

        /** Ids parsed from text; {@code newId} makes one from a generated UUID (null for codes people choose). */
        public Builder<I, T, F> ids(Function<String, I> parseId, Function<UUID, I> newId) {
            this.parseId = Objects.requireNonNull(parseId, "parseId");
            this.newId = newId;
            return this;
        }

        public Builder<I, T, F> filter(F all, BiPredicate<F, T> matches) {
            this.all = Objects.requireNonNull(all, "all");
            this.matches = Objects.requireNonNull(matches, "matches");
            return this;
        }

        public Builder<I, T, F> references(String field, AggregateType<?, ?, ?> target, Function<T, ? extends Id> value) {
            references.add(new Reference<>(field, target, value));
            return this;
        }

        /**
         * How records held in a list of ids of {@code target} (not a {@link #references} a store enforces) are found and
         * moved to another target record; a declared repointer also replaces the derived one of a reference of that field.
         */
        public Builder<I, T, F> repoints(String field, AggregateType<?, ?, ?> target, Function<Id, F> referring, Repointer.Repoint<T> repoint) {
            repointers.add(new Repointer<>(field, target, referring, repoint));
            return this;
        }

        /** Records of this type own attachments ({@link AggregateType#attachable()}). */
        public Builder<I, T, F> attachable() {
            this.attachable = true;
            return this;
        }

        public Builder<I, T, F> unique(String field, String label, Function<T, ?> value) {
            uniqueKeys.add(new UniqueKey<>(field, label, value));
            return this;
        }

        /** The searchable text, the same for every reader. */
        public Builder<I, T, F> searchable(Function<T, String> text) {
            Objects.requireNonNull(text, "text");
            this.searchableText = (t, reader) -> text.apply(t);
            return this;
        }

        /** The searchable text, depending on what the reader may read. */
        public Builder<I, T, F> searchableFor(BiFunction<T, Reader, String> text) {
            this.searchableText = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Fields that hold contact PII: their values in the audit trail are masked for VIEWERs. */
        public Builder<I, T, F> personal(String... fields) {
            personal.addAll(List.of(fields));
            return this;
        }

        /** The field holding notes whose text follows each note's visibility (also in the audit trail). */
        public Builder<I, T, F> notes(String field, Function<T, List<Note>> notes) {
            this.notesField = Objects.requireNonNull(field, "field");
            this.notes = Objects.requireNonNull(notes, "notes");
            return this;
        }

        /** Records of this type may carry attachments in the application ({@link AggregateType#offersAttachments()}). */
        public Builder<I, T, F> attachments() {
            this.offersAttachments = true;
            return this;
        }

        public AggregateType<I, T, F> build() {
            List<String> missing = new ArrayList<>();
            if (parseId == null) {
                missing.add("ids");
            }
            if (all == null) {
                missing.add("filter");
            }
            if (searchableText == null) {
                missing.add("searchable text");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("aggregate type " + key + " lacks " + String.join(", ", missing));
            }
            return new AggregateType<>(this);
        }
    }
}
