package org.sectorcrm.tck.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactFilter;
import org.sectorcrm.core.contact.ContactId;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.employer.RelationshipLead;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Note;
import org.sectorcrm.core.engagement.NoteId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.partnership.PartnershipId;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EmployerNames;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.tck.fixtures.Fixtures;

/**
 * The small value pools the model draws records, filters and search words from. Pools are small on purpose:
 * random records then share FEINs and external ids (unique-key conflicts), regions, tags and words (filters and
 * searches that hit). The search vocabulary has no word that is a prefix or a stem of another, so a store that
 * stems or matches prefixes cannot return an extra record for a legitimate reason where the model checks that a
 * result does not come from a note its reader may not read.
 */
public final class ModelData {
    static final List<String> WORDS = List.of("acme", "prairie", "forge", "orchard", "quarry", "textile", "vertex", "harbor",
            "summit", "müller", "ærø", "東京都");
    static final List<Fein> FEINS = List.of(new Fein("360000001"), new Fein("360000002"), new Fein("360000003"));
    static final List<String> EXTERNAL_IDS = List.of("LEGACY-1", "LEGACY-2");
    static final List<RegionCode> REGIONS = List.of(new RegionCode("IL-EDR-1"), new RegionCode("IL-EDR-10"), new RegionCode("IL-EDR-2"));
    static final List<SectorCode> SECTORS = List.of(new SectorCode("MFG"), new SectorCode("HEALTH"));
    static final List<String> NAICS = List.of("336390", "336110", "622110", "311811");
    static final List<String> NAICS_PREFIXES = List.of("3", "33", "3363", "62");
    static final List<String> TAGS = List.of("automotive", "food", "export");
    static final List<String> ZIPS = List.of("61104", "61103-1234", "60601");
    static final List<EmailAddress> EMAILS = List.of(new EmailAddress("ana@acme.example"), new EmailAddress("bo@forge.example"));
    static final PartnerId PARTNER_A = new PartnerId(UUID.fromString("018f0000-0000-7000-8000-00000000000a"));
    static final PartnerId PARTNER_B = new PartnerId(UUID.fromString("018f0000-0000-7000-8000-00000000000b"));
    static final List<PartnershipId> PARTNERSHIPS = List.of(new PartnershipId(UUID.fromString("018f0000-0000-7000-8000-0000000000c1")));
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    /** Staff users of the model: two of partner A (an author and a colleague), one of partner B. */
    public record Reader(StaffUserId id, PartnerId partner) {
    }

    static final List<Reader> READERS = List.of(new Reader(new StaffUserId(UUID.fromString("018f0000-0000-7000-8000-0000000000a1")), PARTNER_A),
            new Reader(new StaffUserId(UUID.fromString("018f0000-0000-7000-8000-0000000000a2")), PARTNER_A),
            new Reader(new StaffUserId(UUID.fromString("018f0000-0000-7000-8000-0000000000b1")), PARTNER_B));

    private final Supplier<UUID> ids;

    ModelData(Supplier<UUID> ids) {
        this.ids = ids;
    }

    Employer employer(EmployerId id, Stamp stamp, long seed) {
        Random r = new Random(seed);
        List<Establishment> sites = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            sites.add(new Establishment(new EstablishmentId(ids.get()), "Site " + i, new Address(null, "Rockford", "IL", pick(r, ZIPS)), null, null,
                    null, i == 0));
        }
        Set<String> tags = new java.util.TreeSet<>();
        TAGS.forEach(t -> {
            if (r.nextInt(3) == 0) {
                tags.add(t);
            }
        });
        return new Employer(id, stamp, words(r, 1, 3, true) + (r.nextBoolean() ? " Inc." : ""), r.nextBoolean() ? List.of(words(r, 1, 2, true)) : List.of(),
                orNull(r, FEINS), r.nextInt(4) == 0 ? null : NaicsCode.of(pick(r, NAICS)), orNull(r, SECTORS), orNull(r, REGIONS), sites,
                r.nextBoolean() ? r.nextInt(500) : null, null, pick(r, List.of(EmployerStatus.values())), tags,
                r.nextInt(3) == 0 ? null : new RelationshipLead(r.nextBoolean() ? PARTNER_A : PARTNER_B, null), java.util.Map.of());
    }

    Contact contact(ContactId id, Stamp stamp, EmployerId employer, long seed) {
        Random r = new Random(seed);
        Set<ContactRole> roles = EnumSet.noneOf(ContactRole.class);
        for (ContactRole role : List.of(ContactRole.HR, ContactRole.CHAMPION, ContactRole.EXECUTIVE)) {
            if (r.nextInt(3) == 0) {
                roles.add(role);
            }
        }
        return new Contact(id, stamp, employer, r.nextBoolean() ? words(r, 1, 1, true) : null, words(r, 1, 2, true),
                r.nextBoolean() ? words(r, 1, 2, false) : null, orNull(r, EMAILS), null, roles, List.of(), r.nextBoolean());
    }

    Engagement engagement(EngagementId id, Stamp stamp, EmployerId employer, long seed) {
        Random r = new Random(seed);
        Reader by = pick(r, READERS);
        Channel channel = pick(r, List.of(Channel.values()));
        List<Note> notes = new ArrayList<>();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            Reader author = pick(r, READERS);
            notes.add(new Note(new NoteId(ids.get()), author.id(), author.partner(), pick(r, List.of(Visibility.values())), words(r, 1, 2, false),
                    Fixtures.NOW));
        }
        Set<EseCategory> services = EnumSet.noneOf(EseCategory.class);
        for (EseCategory c : List.of(EseCategory.TRAINING_SERVICES, EseCategory.WORKFORCE_RECRUITMENT_ASSISTANCE)) {
            if (r.nextBoolean()) {
                services.add(c);
            }
        }
        return new Engagement(id, stamp, employer, null, orNull(r, PARTNERSHIPS), by.partner(), by.id(), FIRST_DAY.plusDays(r.nextInt(10)),
                channel, channel.canBeStaffAssisted() && r.nextBoolean(), words(r, 1, 2, true), notes, java.util.Set.of(), services,
                java.util.Set.of(), null, r.nextInt(3) == 0 ? pick(r, EXTERNAL_IDS) : null);
    }

    EmployerFilter employerFilter(long seed) {
        Random r = new Random(seed);
        boolean[] set = someOf(r, 9);
        return new EmployerFilter(set[0] ? pick(r, List.of(EmployerStatus.values())) : null, set[1] ? pick(r, REGIONS) : null,
                set[2] ? pick(r, SECTORS) : null, set[3] ? pick(r, NAICS_PREFIXES) : null, set[4] ? pick(r, TAGS) : null,
                set[5] ? (r.nextBoolean() ? PARTNER_A : PARTNER_B) : null, set[6] ? pick(r, FEINS) : null,
                set[7] ? EmployerNames.normalize(pick(r, WORDS)) : null, set[8] ? pick(r, ZIPS).substring(0, 5) : null);
    }

    ContactFilter contactFilter(long seed, List<EmployerId> employers) {
        Random r = new Random(seed);
        boolean[] set = someOf(r, 4);
        return new ContactFilter(set[0] && !employers.isEmpty() ? pick(r, employers) : null, set[1] ? pick(r, EMAILS) : null,
                set[2] ? pick(r, List.of(ContactRole.HR, ContactRole.CHAMPION, ContactRole.EXECUTIVE)) : null, set[3] ? r.nextBoolean() : null);
    }

    EngagementFilter engagementFilter(long seed, List<EmployerId> employers) {
        Random r = new Random(seed);
        boolean[] set = someOf(r, 9);
        LocalDate from = set[3] ? FIRST_DAY.plusDays(r.nextInt(10)) : null;
        return new EngagementFilter(set[0] && !employers.isEmpty() ? pick(r, employers) : null, set[1] ? (r.nextBoolean() ? PARTNER_A : PARTNER_B) : null,
                set[2] ? PARTNERSHIPS.get(0) : null, from, set[4] ? (from == null ? FIRST_DAY : from).plusDays(r.nextInt(10)) : null,
                set[5] ? r.nextBoolean() : null, set[6] ? pick(r, List.of(Channel.values())) : null, set[7] ? EseCategory.TRAINING_SERVICES : null,
                set[8] ? pick(r, EXTERNAL_IDS) : null);
    }

    /**
     * Search words: mostly one or two words of a record's own text (so searches hit, and for engagements often
     * words of notes the reader may not read), sometimes any vocabulary words.
     */
    static SearchTerms searchTerms(long seed, List<String> texts) {
        Random r = new Random(seed);
        if (!texts.isEmpty() && r.nextInt(10) < 7) {
            List<String> words = SearchTerms.tokens(pick(r, texts)).stream().filter(w -> w.length() >= SearchTerms.MIN_WORD).toList();
            if (!words.isEmpty()) {
                String first = pick(r, words);
                String query = r.nextBoolean() ? first : first + " " + pick(r, words);
                return SearchTerms.parse(r.nextBoolean() ? query.toUpperCase(Locale.ROOT) : query);
            }
        }
        return SearchTerms.parse(words(r, 1, 2, false));
    }

    /** Which of {@code n} filter fields to set: none (a third of the time), one, or two. */
    private static boolean[] someOf(Random r, int n) {
        boolean[] set = new boolean[n];
        int k = r.nextInt(3);
        for (int i = 0; i < k; i++) {
            set[r.nextInt(n)] = true;
        }
        return set;
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
