package org.sectorcrm.tck.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.memory.InMemoryCrmStorage;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.CrmStorage;
import org.sectorcrm.core.type.AggregateType;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * The records, filters and search words of the model, for every aggregate type alike: records are the kind's own
 * fixtures (typical, full or minimal) with their search text drawn from a small vocabulary and, now and then, a
 * unique key from a pool of two (so that keys collide); filters are the type's match-all filter or one of the filters
 * of the kind's filter data set.
 *
 * <p>Pools are small on purpose: random records then share keys, regions and words (conflicts, report groups and
 * searches that hit). The vocabulary has no word that is a prefix or a stem of another, so a store that stems or
 * matches prefixes cannot return an extra record for a legitimate reason where the model checks that a result does
 * not come from text its reader may not read.
 *
 * <p>Two types get more: the report queries ({@link org.sectorcrm.core.spi.ReportQueries}) read employers' region and
 * sector and engagements' date, staff-assisted flag, establishment and services, and engagements carry notes whose
 * visibility search must respect; so those fields are drawn from the model's pools and readers, where the fixtures
 * would give every record the same values.
 */
public final class ModelData {
    static final List<String> WORDS = List.of("acme", "prairie", "forge", "orchard", "quarry", "textile", "vertex", "harbor",
            "summit", "müller", "ærø", "東京都");
    private static final Set<String> VOCABULARY = Set.copyOf(WORDS.stream().flatMap(w -> SearchTerms.tokens(w).stream()).toList());
    static final List<RegionCode> REGIONS = List.of(new RegionCode("IL-EDR-1"), new RegionCode("IL-EDR-10"), new RegionCode("IL-EDR-2"));
    static final List<SectorCode> SECTORS = List.of(new SectorCode("MFG"), new SectorCode("HEALTH"));
    static final List<String> NAICS_PREFIXES = List.of("3", "33", "3363", "62");
    static final List<String> TAGS = List.of("automotive", "food", "export", "manufacturing");
    static final List<String> ZIPS = List.of("61104", "61103", "60601");
    static final PartnerId PARTNER_A = new PartnerId(UUID.fromString("018f0000-0000-7000-8000-00000000000a"));
    static final PartnerId PARTNER_B = new PartnerId(UUID.fromString("018f0000-0000-7000-8000-00000000000b"));
    static final List<EstablishmentId> ESTABLISHMENTS = List.of(new EstablishmentId(UUID.fromString("018f0000-0000-7000-8000-0000000000e1")),
            new EstablishmentId(UUID.fromString("018f0000-0000-7000-8000-0000000000e2")));
    /** The first of the {@link #DAYS} days engagements of the model fall on. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
    static final int DAYS = 10;

    /** Staff users of the model: two of partner A (an author and a colleague), one of partner B. */
    static final List<Reader> READERS = List.of(Reader.of(new StaffUserId(UUID.fromString("018f0000-0000-7000-8000-0000000000a1")), PARTNER_A),
            Reader.of(new StaffUserId(UUID.fromString("018f0000-0000-7000-8000-0000000000a2")), PARTNER_A),
            Reader.of(new StaffUserId(UUID.fromString("018f0000-0000-7000-8000-0000000000b1")), PARTNER_B));

    /** Who searches: each staff user of the model, and {@link Reader#EVERYONE}. */
    static final List<Reader> SEARCHERS = Stream.concat(READERS.stream(), Stream.of(Reader.EVERYONE)).toList();

    /**
     * The kinds other kinds' records reference (employers, partners): every program starts with some of them, and
     * they take part in every program, so that the records that point at them can be saved from the first step.
     */
    public static final List<Kind<?, ?, ?>> PARENT_KINDS = Kinds.ALL.stream()
            .filter(k -> Kinds.ALL.stream().anyMatch(o -> o.type().references().stream().anyMatch(r -> r.target() == k.type()))).toList();

    /**
     * Every other kind, in the descriptors' order: each program works on three of them, taken in turn (see
     * {@link #othersOf(int)}), so that every type is drawn equally often whatever the number of types.
     */
    public static final List<Kind<?, ?, ?>> OTHER_KINDS = Kinds.ALL.stream().filter(k -> !PARENT_KINDS.contains(k)).toList();

    /** How many other kinds one program works on. */
    public static final int OTHERS_PER_PROGRAM = 3;

    /**
     * The other kinds of the {@code turn}-th program: {@link #OTHERS_PER_PROGRAM} consecutive ones of
     * {@link #OTHER_KINDS}, wrapping round, so that over {@code tries} programs each kind is in about
     * {@code 3 * tries / OTHER_KINDS.size()} of them. Taken in turn rather than at random: at random, a type could be
     * left out of a whole run, and a mutant of that type escape (which happened as types were added).
     */
    public static List<Kind<?, ?, ?>> othersOf(int turn) {
        int n = OTHER_KINDS.size();
        int first = Math.floorMod(turn * OTHERS_PER_PROGRAM, n);
        List<Kind<?, ?, ?>> others = new ArrayList<>();
        for (int i = 0; i < Math.min(OTHERS_PER_PROGRAM, n); i++) {
            others.add(OTHER_KINDS.get((first + i) % n));
        }
        return List.copyOf(others);
    }

    /** The filters of each kind's filter data set, harvested once from a throwaway in-memory store. */
    private static final Map<AggregateType<?, ?, ?>, List<?>> FILTERS = new ConcurrentHashMap<>();

    private final Supplier<UUID> ids;

    ModelData(Supplier<UUID> ids) {
        this.ids = ids;
    }

    /** A new record of the kind with this id and stamp, pointing at {@code parents}, its fields drawn from {@code seed}. */
    <I extends Id, T extends Aggregate<I>, F> T record(Kind<I, T, F> k, I id, Stamp stamp, Parents parents, long seed) {
        Random r = new Random(seed);
        T t = switch (r.nextInt(6)) {
            case 0 -> k.spec().full(parents);
            case 1 -> k.spec().minimal(parents);
            default -> k.spec().typical(parents);
        };
        t = k.spec().withText(t, words(r, 1, 3, true));
        t = someKey(k, t, r);
        return k.type().assign(k.type().cast(refine(t, r)), id, stamp);
    }

    /** The stored record with some field changed and new search text: what an edit saves. */
    <I extends Id, T extends Aggregate<I>, F> T edit(Kind<I, T, F> k, T stored, Stamp stamp, long seed) {
        Random r = new Random(seed);
        T t = k.spec().withText(k.spec().change(stored), words(r, 1, 3, true));
        t = someKey(k, t, r);
        return k.type().assign(r.nextBoolean() ? k.type().cast(refine(t, r)) : t, stored.id(), stamp);
    }

    /** A quarter of the time, one of the type's unique keys set to one of two values, in either letter case. */
    private static <I extends Id, T extends Aggregate<I>, F> T someKey(Kind<I, T, F> k, T t, Random r) {
        for (AggregateType.UniqueKey<T> key : k.type().uniqueKeys()) {
            if (r.nextInt(4) == 0) {
                t = k.spec().withKey(t, key.field(), r.nextInt(2), r.nextInt(4) == 0);
            }
        }
        return t;
    }

    /** What the report queries and note visibility read, drawn from the model's pools (see the class comment). */
    private Aggregate<?> refine(Aggregate<?> record, Random r) {
        if (record instanceof Employer e) {
            return e.withRegion(orNull(r, REGIONS)).withSector(orNull(r, SECTORS)).withStatus(pick(r, List.of(EmployerStatus.values())));
        }
        if (record instanceof Engagement g) {
            Reader by = pick(r, READERS);
            Channel channel = pick(r, List.of(Channel.values()));
            List<Note> notes = new ArrayList<>();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                Reader author = pick(r, READERS);
                notes.add(new Note(new NoteId(ids.get()), author.user(), author.partner(), pick(r, List.of(Visibility.values())), words(r, 1, 2, false),
                        Fixtures.NOW));
            }
            Set<EseCategory> services = EnumSet.noneOf(EseCategory.class);
            for (EseCategory c : List.of(EseCategory.TRAINING_SERVICES, EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE)) {
                if (r.nextBoolean()) {
                    services.add(c);
                }
            }
            LocalDate date = FIRST_DAY.plusDays(r.nextInt(DAYS));
            return new Engagement(g.id(), g.stamp(), g.employer(), r.nextInt(3) == 0 ? null : pick(r, ESTABLISHMENTS), g.partnership(), by.partner(),
                    by.user(), date, channel, channel.canBeStaffAssisted() && r.nextBoolean(), g.summary(), notes, g.contacts(), services, g.needs(),
                    r.nextBoolean() ? null : date.plusDays(r.nextInt(DAYS)), g.externalId());
        }
        return record;
    }

    /** Half of the time the type's match-all filter, otherwise one of the filters of the kind's filter data set. */
    <I extends Id, T extends Aggregate<I>, F> F filter(Kind<I, T, F> k, long seed) {
        Random r = new Random(seed);
        List<?> filters = FILTERS.computeIfAbsent(k.type(), t -> harvest(k));
        return filters.isEmpty() || r.nextBoolean() ? k.all() : k.type().filterClass().cast(pick(r, filters));
    }

    /**
     * The filters the kind's filter scenarios try, each setting one field. Their values are those of a data set the
     * model never saves, so some match nothing; the enum, flag and date values match records of the model as well.
     */
    private static <I extends Id, T extends Aggregate<I>, F> List<F> harvest(Kind<I, T, F> k) {
        try (CrmStorage scratch = new InMemoryCrmStorage()) {
            return k.spec().filterData(scratch).cases().stream().map(FilterScenario.Case::filter).toList();
        }
    }

    /** An employer filter for the region/sector counts: mostly all employers, otherwise one or two fields from the pools. */
    EmployerFilter employerFilter(long seed) {
        Random r = new Random(seed);
        if (r.nextBoolean()) {
            return EmployerFilter.ALL;
        }
        boolean[] set = new boolean[8];
        for (int i = 1 + r.nextInt(2); i > 0; i--) {
            set[r.nextInt(set.length)] = true;
        }
        return new EmployerFilter(set[0] ? pick(r, List.of(EmployerStatus.values())) : null, set[1] ? pick(r, REGIONS) : null,
                set[2] ? pick(r, SECTORS) : null, set[3] ? pick(r, NAICS_PREFIXES) : null, set[4] ? pick(r, TAGS) : null,
                set[5] ? (r.nextBoolean() ? PARTNER_A : PARTNER_B) : null, null, set[6] ? EmployerNames.normalize(pick(r, WORDS)) : null,
                set[7] ? pick(r, ZIPS) : null);
    }

    /**
     * Search words: mostly one or two words of a record's own text (so searches hit, and for engagements often words
     * of notes the reader may not read), often of the record the last write of the kind saved or deleted, sometimes
     * any vocabulary words.
     */
    static SearchTerms searchTerms(long seed, List<String> recent, List<String> texts) {
        Random r = new Random(seed);
        int source = r.nextInt(10);
        String text = source < 5 && !recent.isEmpty() ? recent.get(recent.size() - 1) : source < 8 && !texts.isEmpty() ? pick(r, texts) : null;
        if (text != null) {
            List<String> words = SearchTerms.tokens(text).stream().filter(w -> w.length() >= SearchTerms.MIN_WORD).toList();
            // Mostly words the model wrote, which differ between records and versions, rather than the fixtures' fixed ones.
            List<String> written = words.stream().filter(VOCABULARY::contains).toList();
            if (!written.isEmpty() && r.nextInt(4) > 0) {
                words = written;
            }
            if (!words.isEmpty()) {
                String first = pick(r, words);
                String query = r.nextBoolean() ? first : first + " " + pick(r, words);
                return SearchTerms.parse(r.nextBoolean() ? query.toUpperCase(Locale.ROOT) : query);
            }
        }
        return SearchTerms.parse(words(r, 1, 2, false));
    }

    /** One word of {@code text} as search terms, a word the model wrote if it has one; null when it has no word to search by. */
    static SearchTerms wordOf(String text) {
        List<String> words = SearchTerms.tokens(text).stream().filter(w -> w.length() >= SearchTerms.MIN_WORD).toList();
        return words.stream().filter(VOCABULARY::contains).findFirst().or(() -> words.stream().findFirst()).map(SearchTerms::parse).orElse(null);
    }

    /** {@code min..max} vocabulary words, in random letter case, joined by blanks or punctuation. */
    private static String words(Random r, int min, int max, boolean capitalise) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(pick(r, List.of(" ", " & ", "-", ", ")));
            }
            String w = pick(r, WORDS);
            sb.append(switch (r.nextInt(3)) {
                case 0 -> w.toUpperCase(Locale.ROOT);
                case 1 -> capitalise ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
                default -> w;
            });
        }
        return sb.toString();
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static <T> T orNull(Random r, List<T> values) {
        return r.nextInt(values.size() + 1) == 0 ? null : pick(r, values);
    }
}
