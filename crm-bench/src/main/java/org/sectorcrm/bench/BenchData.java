package org.sectorcrm.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.contact.ContactRole;
import org.sectorcrm.core.employer.Address;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EmployerStatus;
import org.sectorcrm.core.employer.Establishment;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.PhoneNumber;
import org.sectorcrm.core.reference.RegionCode;

/**
 * The deterministic data set of the benchmarks: the same seed gives the same employers, establishments and engagement
 * counts, so the library and the raw-JDBC baseline store exactly the same records. Regions are skewed (the first
 * regions hold most employers), establishments per employer 1-3, engagements per employer follow a heavy tail
 * (most employers have a few, some have dozens), over three program years.
 */
public final class BenchData {
    /** The region codes every data set uses; {@link Fixture} creates them. */
    public static final List<String> REGIONS = List.of("R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08");
    static final String[] WORDS = {"Acme", "Prairie", "River", "Summit", "Lakeside", "Northern", "Precision", "Tool", "Die",
            "Foods", "Logistics", "Health", "Plastics", "Metal", "Works", "Castings", "Machine", "Valley", "Harbor", "Granite",
            "Cedar", "Pioneer", "Allied", "Heritage", "Midwest", "Quality", "United", "Advanced", "Fabrication", "Systems"};
    static final String[] SUFFIX = {"Inc.", "LLC", "Co.", "Corp.", "Group"};
    static final String[] CITIES = {"Rockford", "Freeport", "Belvidere", "Dixon", "Sterling", "Elgin", "Aurora", "Joliet"};
    static final String[] TAGS = {"manufacturing", "hiring", "apprenticeship", "expansion", "layoff-risk", "veteran-friendly"};
    static final String[] FIRST = {"Maria", "James", "Aisha", "Wei", "Carlos", "Emily", "Dmitri", "Grace", "Tomás", "Priya", "Noah", "Fatima"};
    static final String[] LAST = {"Johnson", "Garcia", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Patel", "Rossi", "Haddad", "Lindqvist"};
    static final String[] TITLES = {"HR Director", "Plant Manager", "Owner", "Training Coordinator", "Operations Lead", "Recruiter"};
    /** The first id's millisecond: ids are UUID v7 from here on, one millisecond apart, like a store's append. */
    static final long ID_EPOCH_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private final Random random;
    private int serial;
    private long idSerial;

    public BenchData(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code n} employer drafts (no ids: the store assigns them). */
    public List<Employer> employers(int n) {
        List<Employer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(employer());
        }
        return out;
    }

    /** One employer draft; the serial number makes the legal name (and so the natural key) unique. */
    public Employer employer() {
        int k = serial++;
        String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + k + " "
                + SUFFIX[random.nextInt(SUFFIX.length)];
        int sites = 1 + (random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0);
        List<Establishment> establishments = new ArrayList<>(sites);
        for (int s = 0; s < sites; s++) {
            String city = CITIES[random.nextInt(CITIES.length)];
            String zip = String.valueOf(60000 + random.nextInt(2000));
            Address address = new Address((100 + random.nextInt(9900)) + " " + WORDS[random.nextInt(WORDS.length)] + " St", city, "IL", zip);
            establishments.add(new Establishment(null, s == 0 ? name : city + " plant", address, city + " County", null, null, s == 0));
        }
        Set<String> tags = new TreeSet<>();
        int tagCount = random.nextInt(3);
        for (int t = 0; t < tagCount; t++) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        EmployerStatus status = EmployerStatus.values()[random.nextDouble() < 0.6 ? 1 : random.nextInt(3)];
        return Employer.named(name).withRegion(region()).withEstablishments(establishments).withTags(tags).withStatus(status)
                .withEmployees(5 + (int) Math.abs(random.nextGaussian() * 120));
    }

    /**
     * The next id: a UUID v7 (time-ordered, so inserts append to the indexes as the store's own ids do) whose time and
     * random bits come from the seed, so that a seeded data set with ids is the same on every run. Drafts given an id
     * keep it in both the library ({@code create} keeps a given id) and the baseline, which lets contacts name their
     * employer before either side stored it.
     */
    public UUID nextId() {
        long millis = ID_EPOCH_MILLIS + idSerial++;
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** {@code n} employers with their ids given ({@link #nextId}). */
    public List<Employer> employersWithIds(int n) {
        List<Employer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(employer().withId(new EmployerId(nextId())));
        }
        return out;
    }

    /**
     * The contacts of {@code employer}: three on average (region scale: 150,000 for 50,000 employers), skewed: a fifth
     * of employers have one, a few have up to eight. Every contact has a last name and a title; most have an e-mail
     * address and a phone number (both PII) and one or two roles.
     */
    public List<Contact> contacts(EmployerId employer) {
        double u = random.nextDouble();
        int n = u < 0.2 ? 1 : u < 0.5 ? 2 : u < 0.8 ? 3 : u < 0.95 ? 5 : 8;
        List<Contact> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            Contact c = Contact.of(employer, first, last).withTitle(TITLES[random.nextInt(TITLES.length)]);
            if (random.nextDouble() < 0.85) {
                c = c.withEmail(EmailAddress.parse(first.toLowerCase(java.util.Locale.ROOT).replace('á', 'a') + "." + last.toLowerCase(java.util.Locale.ROOT)
                        + (idSerial + i) + "@example.com"));
            }
            if (random.nextDouble() < 0.7) {
                c = c.withPhone(PhoneNumber.parse("+1815" + (2_000_000 + random.nextInt(7_999_999))));
            }
            Set<ContactRole> roles = new TreeSet<>();
            int k = 1 + random.nextInt(2);
            for (int r = 0; r < k; r++) {
                roles.add(ContactRole.values()[random.nextInt(ContactRole.values().length)]);
            }
            out.add(c.withRoles(roles).withId(new org.sectorcrm.core.contact.ContactId(nextId())));
        }
        return out;
    }

    /** A skewed region: about half of the employers in the first two regions. */
    public RegionCode region() {
        double u = random.nextDouble();
        int r = (int) Math.floor(REGIONS.size() * u * u);
        return new RegionCode(REGIONS.get(Math.min(r, REGIONS.size() - 1)));
    }

    /** How many engagements an employer has: a heavy tail, 0 for a third of employers, dozens for a few. */
    public int engagementCount() {
        double u = random.nextDouble();
        return u < 0.33 ? 0 : (int) Math.min(200, Math.floor(1 / (1.0001 - u)));
    }

    /** An engagement date in one of the three program years (July to June) 2023-24 to 2025-26. */
    public LocalDate engagementDate() {
        return LocalDate.of(2023, 7, 1).plusDays(random.nextInt(3 * 365));
    }

    /** Two words a search finds in many employers' names. */
    public String twoWordQuery() {
        return WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
    }
}
