package org.sectorcrm.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.BatchOptions;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmException;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.Id;
import org.sectorcrm.core.IdGenerator;
import org.sectorcrm.core.RecordBatch;
import org.sectorcrm.core.RecordOperations;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.engagement.Channel;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.need.NeedCategory;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.need.Urgency;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.Fein;
import org.sectorcrm.core.reference.NaicsCode;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.RegionKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.solution.SolutionType;
import org.sectorcrm.core.spi.CrmStorage;

/**
 * A realistic demo region, the same on every run for one seed: ids come from a fixed clock and a seeded random
 * source, every choice from one seeded {@link Random}, and everything is written through the {@link Crm} API so
 * every domain rule (access, lifecycles, references) holds. Employer names and people are invented.
 */
public final class DemoData {
    /** The instant the demo's ids and stamps are dated from. */
    public static final Instant EPOCH = Instant.parse("2026-01-05T14:00:00Z");
    public static final int EMPLOYERS = 500;
    /** The three years of engagements. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    public static final int DAYS = 3 * 365;
    /** Every demo staff user's e-mail ends with this; they get no password (an admin sets one). */
    public static final String STAFF_DOMAIN = "demo.sectorcrm.example";

    private final long seed;

    public DemoData(long seed) {
        this.seed = seed;
    }

    private record Place(String region, String county, String city, String zip) {
    }

    // The economic development regions of Illinois (official names and numbers) with counties where verified.
    private static final String[][] REGIONS = {
        {"IL-EDR-1", "Central", "Sangamon,Macon,Macoupin,Morgan,Christian,Logan,Montgomery,Shelby,Greene,Menard,Cass,Scott"},
        {"IL-EDR-2", "East Central", ""},
        {"IL-EDR-3", "North Central", "Peoria,McLean,Tazewell,Woodford,Livingston,Fulton,DeWitt,Mason,Marshall,Stark"},
        {"IL-EDR-4", "Northeast", "Cook,DuPage,Lake,Will,Kane,McHenry,Kendall,Kankakee,DeKalb,Grundy"},
        {"IL-EDR-5", "Northern Stateline", ""},
        {"IL-EDR-6", "Northwest", ""},
        {"IL-EDR-7", "Southeastern", ""},
        {"IL-EDR-8", "Southern", "Williamson,Jackson,Franklin,Jefferson,Saline,Perry,Union,Wayne,Massac,White,Johnson,Wabash,Hamilton,Edwards,Alexander,Pulaski,Gallatin,Pope,Hardin"},
        {"IL-EDR-9", "Southwestern", ""},
        {"IL-EDR-10", "West Central", ""},
    };

    private static final Place[] PLACES = {
        new Place("IL-EDR-1", "Sangamon", "Springfield", "62701"), new Place("IL-EDR-1", "Macon", "Decatur", "62521"),
        new Place("IL-EDR-1", "Morgan", "Jacksonville", "62650"), new Place("IL-EDR-3", "Peoria", "Peoria", "61602"),
        new Place("IL-EDR-3", "McLean", "Bloomington", "61701"), new Place("IL-EDR-3", "Tazewell", "Pekin", "61554"),
        new Place("IL-EDR-4", "Cook", "Chicago", "60607"), new Place("IL-EDR-4", "DuPage", "Naperville", "60540"),
        new Place("IL-EDR-4", "Kane", "Elgin", "60120"), new Place("IL-EDR-4", "Will", "Joliet", "60432"),
        new Place("IL-EDR-4", "DeKalb", "DeKalb", "60115"), new Place("IL-EDR-8", "Williamson", "Marion", "62959"),
        new Place("IL-EDR-8", "Jackson", "Carbondale", "62901"), new Place("IL-EDR-8", "Jefferson", "Mount Vernon", "62864"),
        new Place("IL-EDR-5", null, "Rockford", "61101"), new Place("IL-EDR-2", null, "Champaign", "61820"),
        new Place("IL-EDR-6", null, "Rock Island", "61201"), new Place("IL-EDR-7", null, "Effingham", "62401"),
        new Place("IL-EDR-9", null, "Belleville", "62220"), new Place("IL-EDR-10", null, "Quincy", "62301"),
    };

    private static final String[][] SECTORS = {
        {"MFG", "Advanced Manufacturing", "31,32,33"}, {"HLTH", "Healthcare", "62"}, {"TDL", "Transportation, Distribution & Logistics", "48,49"},
        {"CONS", "Construction", "23"}, {"IT", "Information Technology", "51,5415"}, {"AG", "Agriculture & Food", "11,311"},
        {"FIN", "Finance & Insurance", "52"}, {"ENRG", "Energy & Utilities", "22"},
    };

    private static final String[] NAME_A = {"Prairie", "Lincoln", "Heartland", "Riverbend", "Stateline", "Sangamon", "Illini", "Lakeshore",
        "Corn Belt", "Midwest", "Fox Valley", "Rock River", "Great Lakes", "Kaskaskia", "Wabash", "Egyptian", "Tri-County", "Blackhawk"};
    private static final String[] NAME_B = {"Precision", "Tool & Die", "Health", "Logistics", "Builders", "Systems", "Foods", "Plastics",
        "Castings", "Fabrication", "Care Partners", "Freight", "Electric", "Software", "Grain", "Machining", "Credit Union", "Energy"};
    private static final String[] SUFFIX = {"Inc.", "LLC", "Co.", "Corp.", "Group"};
    private static final String[] FIRST = {"Maria", "James", "Aisha", "Tom", "Li", "Rosa", "Kevin", "Fatima", "Dan", "Grace", "Luis", "Hannah",
        "Omar", "Emily", "Jorge", "Keisha", "Paul", "Mei", "Sam", "Ana"};
    private static final String[] LAST = {"Lopez", "Nguyen", "Johnson", "Okafor", "Schmidt", "Kowalski", "Patel", "Garcia", "Brown", "Wilson",
        "Chen", "Murphy", "Novak", "Hernandez", "Davis", "Kim"};

    /** Fills an empty store; returns its admin (e-mail {@code adminEmail}). */
    public StaffUser load(CrmStorage storage, String adminEmail) {
        Clock clock = Clock.fixed(EPOCH, ZoneOffset.UTC);
        Random random = new Random(seed);
        Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock, new Random(seed ^ 0x5EC7C4DL))).build();
        StaffUser admin = crm.bootstrap(Partner.named("Northern Illinois Workforce Board", PartnerKind.WORKFORCE_BOARD), "Demo Administrator", adminEmail);
        CrmSession root = crm.as(admin);

        for (String[] r : REGIONS) {
            List<String> counties = r[2].isEmpty() ? List.of() : List.of(r[2].split(","));
            root.reference().regions().create(Region.of(r[0], r[1], RegionKind.ECONOMIC_DEVELOPMENT_REGION, counties));
        }
        // Made-up establishment counts (not QCEW figures), so that the demo's penetration rates are defined.
        List<org.sectorcrm.core.report.EstablishmentCount> counts = new ArrayList<>();
        for (int year = 2023; year <= 2026; year++) {
            for (int q = 1; q <= 4 && !(year == 2026 && q > 2); q++) {
                org.sectorcrm.core.report.CalendarQuarter quarter = new org.sectorcrm.core.report.CalendarQuarter(year, q);
                long state = 0;
                for (int i = 0; i < REGIONS.length; i++) {
                    long n = 900 + 97L * i + 5L * (year - 2023) + q;
                    state += n;
                    counts.add(org.sectorcrm.core.report.EstablishmentCount.of(REGIONS[i][0], quarter, n).withSource("demo figure, not QCEW"));
                }
                counts.add(org.sectorcrm.core.report.EstablishmentCount.of("STATE", quarter, state).withSource("demo figure, not QCEW"));
            }
        }
        root.reports().establishmentCounts().put(counts);
        for (String[] s : SECTORS) {
            root.reference().sectors().create(Sector.of(s[0], s[1], List.of(s[2].split(","))));
        }
        Set<RegionCode> all = new TreeSet<>();
        for (String[] r : REGIONS) {
            all.add(new RegionCode(r[0]));
        }
        List<Partner> partners = new ArrayList<>();
        partners.add(root.reference().partners().get(admin.partner()));
        Object[][] others = {
            {"Stateline Economic Development Council", PartnerKind.ECONOMIC_DEVELOPMENT},
            {"Prairie State Community College", PartnerKind.COMMUNITY_COLLEGE},
            {"IDES Employment Services Region 5", PartnerKind.WIOA_TITLE_III_WAGNER_PEYSER},
            {"Rock River Adult Education Consortium", PartnerKind.WIOA_TITLE_II_ADULT_EDUCATION},
            {"Division of Rehabilitation Services", PartnerKind.WIOA_TITLE_IV_VOCATIONAL_REHABILITATION},
            {"Stateline Chamber of Commerce", PartnerKind.CHAMBER_OF_COMMERCE},
        };
        for (Object[] o : others) {
            partners.add(root.reference().partners().create(Partner.named((String) o[0], (PartnerKind) o[1]).withRegions(all)));
        }
        // Two staff users per partner (the board's admin counts for the board), one viewer at the board.
        List<List<CrmSession>> staff = new ArrayList<>();
        for (int p = 0; p < partners.size(); p++) {
            List<CrmSession> sessions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String first = FIRST[(p * 2 + i) % FIRST.length];
                String last = LAST[(p * 3 + i) % LAST.length];
                String email = (first + "." + last + "." + p).toLowerCase(Locale.ROOT) + "@" + STAFF_DOMAIN;
                StaffUser u = root.reference().staffUsers().create(StaffUser.of(partners.get(p).id(), first + " " + last, email, Role.STAFF));
                sessions.add(crm.as(u));
            }
            staff.add(sessions);
        }
        root.reference().staffUsers().create(StaffUser.of(admin.partner(), "Val Viewer", "viewer@" + STAFF_DOMAIN, Role.VIEWER));

        List<String> naics = new ArrayList<>(new TreeSet<>(NaicsCode.sixDigitCodes()));
        List<String> sectorNaics = naics.stream().filter(DemoData::inASector).toList();
        List<Employer> drafts = new ArrayList<>();
        CrmSession writer = staff.get(0).get(0);
        for (int i = 0; i < EMPLOYERS; i++) {
            Place place = PLACES[random.nextInt(PLACES.length)];
            String name = NAME_A[random.nextInt(NAME_A.length)] + " " + NAME_B[random.nextInt(NAME_B.length)] + " " + (i + 1) + " "
                    + SUFFIX[random.nextInt(SUFFIX.length)];
            // Four in five employers sit in one of the region's target sectors; the rest anywhere in NAICS.
            List<String> pool = random.nextInt(5) == 0 ? naics : sectorNaics;
            Employer e = Employer.named(name)
                    .withNaics(NaicsCode.of(pool.get(random.nextInt(pool.size()))))
                    .withRegion(new RegionCode(place.region()))
                    .withFein(Fein.parse(String.format("36-%07d", 1_000_000 + i * 7)))
                    .withEmployees(5 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 250))
                    .withStatus(random.nextInt(10) < 8 ? EmployerStatus.ACTIVE : EmployerStatus.PROSPECT)
                    .withEstablishments(List.of(Establishment.primary(place.city(), new Address((100 + random.nextInt(9000)) + " Main St",
                            place.city(), "IL", place.zip()), place.county())));
            drafts.add(e);
        }
        List<Employer> employers = createAll(writer.employers(), drafts);

        List<Contact> contactDrafts = new ArrayList<>();
        for (Employer e : employers) {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String domain = e.legalName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ".example";
                Contact c = Contact.of(e.id(), first, last).withTitle(i == 0 ? "HR Director" : "Plant Manager")
                        .withEmail(EmailAddress.parse(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@" + domain));
                contactDrafts.add(c);
            }
        }
        createAll(writer.contacts(), contactDrafts);

        // Three years of engagements, about three per employer, by every partner: each staff user's through the bulk
        // path, then the notes on a quarter of them.
        java.util.Map<CrmSession, List<Engagement>> engagements = new java.util.LinkedHashMap<>();
        record NoteDraft(CrmSession by, int index, Visibility visibility) {
        }
        List<NoteDraft> notes = new ArrayList<>();
        Channel[] channels = Channel.values();
        EseCategory[] services = EseCategory.values();
        for (Employer e : employers) {
            int n = 1 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                int p = random.nextInt(partners.size());
                CrmSession s = staff.get(p).get(random.nextInt(2));
                Channel channel = channels[random.nextInt(channels.length)];
                Set<EseCategory> delivered = EnumSet.noneOf(EseCategory.class);
                if (channel.canBeStaffAssisted()) {
                    delivered.add(services[random.nextInt(services.length)]);
                    if (random.nextBoolean()) {
                        delivered.add(services[random.nextInt(services.length)]);
                    }
                }
                LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
                Engagement g = new Engagement(null, null, e.id(), null, null, s.actor().partner(), s.actor().user(), date, channel,
                        channel.canBeStaffAssisted(), channel.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " with " + e.legalName(),
                        List.of(), Set.of(), delivered, Set.of(), null, null);
                List<Engagement> mine = engagements.computeIfAbsent(s, k -> new ArrayList<>());
                mine.add(g);
                if (random.nextInt(4) == 0) {
                    notes.add(new NoteDraft(s, mine.size() - 1, Visibility.values()[random.nextInt(3)]));
                }
            }
        }
        java.util.Map<CrmSession, List<Engagement>> logged = new java.util.HashMap<>();
        engagements.forEach((s, list) -> logged.put(s, createAll(s.engagements(), list)));
        for (NoteDraft n : notes) {
            Engagement g = logged.get(n.by()).get(n.index());
            Visibility v = n.visibility();
            n.by().engagements().addNote(g.id(), g.version(), v, v == Visibility.SHARED ? "Interested in a hiring event next quarter."
                    : v == Visibility.PARTNER ? "Considering an incumbent worker training grant; budget not yet approved."
                    : "Owner mentioned possible layoffs in the spring; follow up quietly.");
        }

        // Needs, some met or in progress; solutions for some of them.
        NeedCategory[] categories = NeedCategory.values();
        SolutionType[] types = SolutionType.values();
        for (int i = 0; i < employers.size(); i += 3) {
            Employer e = employers.get(i);
            LocalDate raised = FIRST_DAY.plusDays(random.nextInt(DAYS));
            BusinessNeed need = writer.needs().create(BusinessNeed.raised(e.id(), categories[random.nextInt(categories.length)],
                    "Needs " + (10 + random.nextInt(40)) + " skilled hires within a year", Urgency.values()[random.nextInt(4)], raised));
            int move = random.nextInt(4);
            if (move >= 1) {
                need = writer.needs().moveTo(need.id(), need.version(), NeedStatus.IN_PROGRESS, null);
            }
            if (move == 3) {
                writer.needs().moveTo(need.id(), need.version(), NeedStatus.MET, raised.plusDays(120));
            }
            if (move >= 1) {
                Partner lead = partners.get(random.nextInt(partners.size()));
                Solution s = Solution.proposed(e.id(), types[random.nextInt(types.length)], "Customized training cohort", lead.id());
                Solution stored = writer.solutions().create(s);
                SolutionStatus[] path = {SolutionStatus.AGREED, SolutionStatus.IN_DELIVERY, SolutionStatus.COMPLETED};
                int steps = random.nextInt(4);
                for (int k = 0; k < steps; k++) {
                    stored = writer.solutions().moveTo(stored.id(), stored.version(), path[k]);
                }
            }
        }

        // Sector partnerships at different stages of the playbook.
        PartnershipStage[] path = {PartnershipStage.ORGANIZING_LAUNCH, PartnershipStage.LAUNCHED, PartnershipStage.ORGANIZING_AFTERMATH,
            PartnershipStage.IMPLEMENTING, PartnershipStage.SUSTAINING};
        for (int i = 0; i < SECTORS.length; i++) {
            String region = PLACES[i * 2 % PLACES.length].region();
            SectorPartnership sp = writer.partnerships().create(SectorPartnership.convened(REGIONS[Integer.parseInt(region.substring(7)) - 1][1]
                    + " " + SECTORS[i][1] + " Partnership", new RegionCode(region), new SectorCode(SECTORS[i][0]), admin.partner()));
            for (int k = 0; k < i % (path.length + 1); k++) {
                sp = writer.partnerships().advanceTo(sp.id(), sp.version(), path[k]);
            }
        }

        // Referrals between partners, in every status.
        String[] requested = {"On-the-job training wage subsidy", "Customized training", "Hiring event", "Rapid response session",
            "Adult education bridge class", "Vocational rehabilitation placement"};
        for (int i = 0; i < 90; i++) {
            int from = random.nextInt(partners.size());
            int to = (from + 1 + random.nextInt(partners.size() - 1)) % partners.size();
            CrmSession sender = staff.get(from).get(0);
            CrmSession receiver = staff.get(to).get(0);
            Employer e = employers.get(random.nextInt(employers.size()));
            LocalDate sent = FIRST_DAY.plusDays(random.nextInt(DAYS));
            Referral r = sender.referrals().create(Referral.sent(sender.actor().partner(), sender.actor().user(), partners.get(to).id(), e.id(),
                    requested[random.nextInt(requested.length)], sent, sent.plusDays(10)));
            switch (i % 6) {
                case 0 -> { } // SENT
                case 1 -> receiver.referrals().accept(r.id(), r.version());
                case 2 -> {
                    r = receiver.referrals().accept(r.id(), r.version());
                    receiver.referrals().start(r.id(), r.version());
                }
                case 3 -> {
                    r = receiver.referrals().accept(r.id(), r.version());
                    r = receiver.referrals().start(r.id(), r.version());
                    receiver.referrals().complete(r.id(), r.version(), "Employer enrolled two workers");
                }
                case 4 -> receiver.referrals().decline(r.id(), r.version(), "Outside our service area");
                default -> sender.referrals().cancel(r.id(), r.version());
            }
        }
        return admin;
    }

    /** Creates every draft through the bulk path ({@link RecordOperations#batch}); returns what was stored, in order. */
    private static <I extends Id, T extends Aggregate<I>, F, V> List<V> createAll(RecordOperations<I, T, F, V> ops, List<T> drafts) {
        List<V> stored = new ArrayList<>(java.util.Collections.nCopies(drafts.size(), null));
        ops.<Integer>batch(BatchOptions.defaults(), new RecordBatch.Listener<>() {
            @Override
            public void stored(Integer index, RecordBatch.Outcome outcome, V record) {
                stored.set(index, record);
            }

            @Override
            public void rejected(Integer index, CrmException problem) {
                throw new IllegalStateException("demo record " + index + " was refused: " + problem.getMessage(), problem);
            }
        }, batch -> {
            for (int i = 0; i < drafts.size(); i++) {
                batch.create(i, drafts.get(i));
            }
        });
        return stored;
    }

    private static boolean inASector(String code) {
        for (String[] s : SECTORS) {
            for (String prefix : s[2].split(",")) {
                if (code.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }
}
