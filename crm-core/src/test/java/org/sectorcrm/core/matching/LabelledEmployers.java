package org.sectorcrm.core.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, labelled set of employer records the way partners' spreadsheets hold them: several records per
 * establishment with typos, legal suffixes, abbreviations, swapped words, DBAs and dropped fields; companies with several
 * establishments; franchisees of one brand (one name, own FEINs); unrelated companies at one address; a family farm and
 * the family's trucking LLC at one farmstead; one name in two towns. Each record knows its company and establishment.
 */
final class LabelledEmployers {
    record Labelled(MatchRecord record, String company, String establishment) {
    }

    /** One establishment as the truth knows it; records are noisy copies. */
    private record Site(String street, Places.Town town, String phone, String poBox) {
        Site(String street, Places.Town town, String phone) {
            this(street, town, phone, null);
        }
    }

    private record Company(String legalName, String suffix, String tradeName, String fein, String naics, String domain) {
        Company withNaics(String code) {
            return new Company(legalName, suffix, tradeName, fein, code, domain);
        }
    }

    private static final List<String> SURNAMES = List.of("Kowalski", "Hernandez", "Miller", "Johnson", "Schmidt", "Novak", "Olson",
            "Peterson", "Garcia", "Nguyen", "Anderson", "Brennan", "Fitzgerald", "Mueller", "Wagner", "Becker", "Hoffman", "Sullivan",
            "Ramirez", "Kaminski", "Lindqvist", "Dvorak", "Patel", "Okafor", "Jablonski", "Vandermeer", "Schultz", "Krueger", "Meyer",
            "Larsen", "Bauer", "Kelly", "Murphy", "OBrien", "Castillo", "Wisniewski", "Zimmerman", "Hartman", "Lorenz", "Kessler",
            "Thornton", "Whitfield", "Abernathy", "Holloway", "Pruitt", "Stanfield", "Brandt", "Eckert", "Gallagher", "Halvorsen");
    private static final List<String> PLACES = List.of("Prairie State", "Midwest", "Heartland", "Lakeshore", "Riverbend", "Illini",
            "Fox Valley", "Rock River", "Sangamon", "Kaskaskia", "Wabash Valley", "Great Lakes", "Tri-County", "Gateway", "Heritage",
            "Pioneer", "Liberty", "Cardinal", "Blackhawk", "Lincoln Land", "Mississippi Valley", "Quad City", "Hoosier", "Badger",
            "Bluegrass", "Ozark", "Northern Illinois", "Little Egypt", "Kishwaukee", "Starved Rock", "Shawnee", "Embarras");
    private static final List<String> ADJECTIVES = List.of("Precision", "Quality", "Advanced", "Superior", "Premier", "Reliable",
            "Allied", "United", "American", "Modern", "Classic", "Custom", "Integrated", "Dynamic", "Apex", "Summit", "Keystone",
            "Cornerstone", "Pinnacle", "Ironclad", "Evergreen", "Northstar", "Blue Ribbon", "Golden Grain", "Red Barn", "Silver Creek");
    private static final String[][] INDUSTRIES = {{"Tool & Die", "333514"}, {"Manufacturing", "332710"}, {"Machine Works", "332710"},
        {"Plumbing & Heating", "238220"}, {"Electric", "238210"}, {"Construction", "236220"}, {"Trucking", "484121"},
        {"Logistics", "488510"}, {"Grain Company", "424510"}, {"Dental Associates", "621210"}, {"Medical Center", "621111"},
        {"Insurance Agency", "524210"}, {"Restaurant", "722511"}, {"Auto Repair", "811111"}, {"Engineering Services", "541330"},
        {"Metal Fabrication", "332312"}, {"Plastics", "326199"}, {"Printing", "323111"}, {"Bakery", "311811"}, {"Foods", "311999"},
        {"Landscaping", "561730"}, {"Staffing Services", "561320"}, {"Technologies", "541512"}, {"Welding", "811310"},
        {"Concrete", "327320"}, {"Hardware", "444140"}, {"Credit Union", "522130"}, {"Veterinary Clinic", "541940"},
        {"Child Care Center", "624410"}, {"Home Health Care", "621610"}, {"Distribution", "423840"}, {"Packaging", "322211"},
        {"Electronics", "334419"}, {"Nursing Home", "623110"}, {"Seed Company", "424910"}, {"Excavating", "238910"},
        {"Brothers Manufacturing", "332999"}, {"International", "423830"}, {"Hospital", "622110"}, {"Sheet Metal", "332322"}};
    private static final List<String> BRANDS = List.of("Hometown Pizza", "Golden Spoon Diner", "QuickLube Express", "Sunrise Senior Care",
            "Handy Hardware", "Tri-State Tire", "Kwik Print Center", "Little Acorns Daycare", "Prairie Fresh Market", "Lube Stop",
            "Corner Bakery Cafe", "Mister Car Wash", "Brightsmile Dental", "Ace Staffing");
    private static final List<String> SUFFIXES = List.of("Inc.", "Inc", "LLC", "L.L.C.", "Corp.", "Corporation", "Co.", "Company",
            "Ltd.", "S.C.", "NFP", "", "", "");

    private final Random random;
    private final List<Labelled> out = new ArrayList<>();
    private final Noise noise;
    private int companies;
    private int sites;

    private LabelledEmployers(long seed) {
        this.random = new Random(seed);
        this.noise = new Noise(random);
    }

    /** About {@code size} records (a few more: scenarios are emitted whole), the same for the same seed. */
    static List<Labelled> generate(long seed, int size) {
        LabelledEmployers g = new LabelledEmployers(seed);
        while (g.out.size() < size) {
            double roll = g.random.nextDouble();
            if (roll < 0.52) {
                g.plain();
            } else if (roll < 0.64) {
                g.multiSite();
            } else if (roll < 0.74) {
                g.franchise();
            } else if (roll < 0.82) {
                g.sharedAddress();
            } else if (roll < 0.87) {
                g.farmAndTrucking();
            } else if (roll < 0.92) {
                g.parentAndSubsidiary();
            } else {
                g.sameNameOtherTowns();
            }
        }
        return g.out;
    }

    private void plain() {
        Company c = company(name(), random.nextDouble() < 0.2 ? pick(SURNAMES) + "'s " + pick(INDUSTRIES)[0] : null, null);
        emitSite(c, newCompanyLabel(), site(town()), 1 + random.nextInt(3));
    }

    private void multiSite() {
        Company c = company(name(), null, null);
        String label = newCompanyLabel();
        Places.Town home = town();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            emitSite(c, label, site(random.nextDouble() < 0.3 ? home : town()), 1 + random.nextInt(2));
        }
    }

    private void franchise() {
        String brand = pick(BRANDS) + (random.nextBoolean() ? "" : " " + pick(List.of("of " + pick(PLACES), "Express", "Plus")));
        String domain = brand.toLowerCase().replaceAll("[^a-z]", "") + ".com";
        String naics = pick(INDUSTRIES)[1];
        int n = 2 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String owner = pick(SURNAMES) + " " + pick(List.of("Enterprises", "Holdings", "Ventures", "Group", "Management"));
            Company c = company(owner, brand, domain).withNaics(naics);
            emitSite(c, newCompanyLabel(), site(town()), 1 + random.nextInt(2));
        }
    }

    private void sharedAddress() {
        Places.Town t = town();
        String street = street();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            Company c = company(name(), null, null);
            emitSite(c, newCompanyLabel(), new Site(street + ", Suite " + (100 + 10 * i + random.nextInt(9)), t, phone()), 1 + random.nextInt(2));
        }
    }

    private void farmAndTrucking() {
        String family = pick(SURNAMES);
        Places.Town t = town();
        String farmstead = (1000 + random.nextInt(8000)) + " County Road " + (100 * (1 + random.nextInt(20))) + " " + pick(List.of("N", "E", "North", "East"));
        String phone = phone();
        Company farm = new Company(family + pick(List.of(" Family Farms", " Farms", " Acres", " Grain Farm")), pick(SUFFIXES), null, fein(), "111150", null);
        Company trucks = new Company(family + pick(List.of(" Trucking", " Transport", " Hauling")), "LLC", null, fein(), "484220", null);
        emitSite(farm, newCompanyLabel(), new Site(farmstead, t, phone), 1 + random.nextInt(2));
        emitSite(trucks, newCompanyLabel(), new Site(farmstead, t, random.nextBoolean() ? phone : phone()), 1 + random.nextInt(2));
    }

    /**
     * A company with a division named after its plant ("X - Peoria Plant", same FEIN: one company) and a subsidiary with
     * its own FEIN and name at the parent's address ("X Logistics LLC": another company, as the FEIN says).
     */
    private void parentAndSubsidiary() {
        String core = pick(SURNAMES) + (random.nextBoolean() ? "" : " " + pick(ADJECTIVES));
        String[] industry = pick(INDUSTRIES);
        Company parent = company(core + " " + industry[0], null, null).withNaics(industry[1]);
        String label = newCompanyLabel();
        Site home = site(town());
        emitSite(parent, label, home, 1 + random.nextInt(2));
        Places.Town plant = town();
        Company division = new Company(parent.legalName + pick(List.of(" - " + plant.city() + " Plant", ", " + plant.city() + " Division",
                " " + plant.city() + " Works")), parent.suffix, null, parent.fein, parent.naics, parent.domain);
        emitSite(division, label, site(plant), 1 + random.nextInt(2));
        String[] other = pick(INDUSTRIES);
        while (other[0].equals(industry[0])) {
            other = pick(INDUSTRIES);
        }
        Company subsidiary = new Company(core + " " + other[0], "LLC", null, fein(), other[1], null);
        emitSite(subsidiary, newCompanyLabel(), new Site(home.street + ", Suite " + (2 + random.nextInt(8)) + "00", home.town, phone(), home.poBox),
                1 + random.nextInt(2));
    }

    private void sameNameOtherTowns() {
        String name = name();
        Places.Town first = town();
        for (int i = 0; i < 2; i++) {
            Places.Town t = town();
            while (i == 1 && t.city().equals(first.city())) {
                t = town();
            }
            Company c = company(name, null, null);
            if (i == 1 && c.domain != null) {
                // Two employers cannot both own the name's domain: the second has its town in it, or none at all.
                String own = random.nextBoolean() ? null : c.domain.replace(".com", t.city().toLowerCase().replaceAll("[^a-z]", "") + ".com");
                c = new Company(c.legalName, c.suffix, c.tradeName, c.fein, c.naics, own);
            }
            emitSite(c, newCompanyLabel(), site(i == 0 ? first : t), 1 + random.nextInt(2));
        }
    }

    private void emitSite(Company c, String companyLabel, Site s, int records) {
        String siteLabel = "S" + (++sites);
        for (int i = 0; i < records; i++) {
            out.add(new Labelled(noise.record("r" + (out.size() + 1), c.legalName, c.suffix, c.tradeName, c.fein, c.naics, c.domain,
                    s.poBox != null && random.nextDouble() < 0.3 ? s.poBox : s.street, s.town.city(), s.town.state(), s.town.zip(), s.phone),
                    companyLabel, siteLabel));
        }
    }

    private Company company(String legal, String trade, String domain) {
        String site = domain != null ? domain : random.nextDouble() < 0.5 ? legal.toLowerCase().replaceAll("[^a-z]", "") + ".com" : null;
        return new Company(legal, pick(SUFFIXES), trade, fein(), pick(INDUSTRIES)[1], site);
    }

    private String newCompanyLabel() {
        return "C" + (++companies);
    }

    private String name() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(SURNAMES) + " " + pick(INDUSTRIES)[0];
            case 1 -> pick(PLACES) + " " + pick(INDUSTRIES)[0];
            case 2 -> pick(SURNAMES) + " & " + pick(SURNAMES) + " " + pick(INDUSTRIES)[0];
            case 3 -> pick(ADJECTIVES) + " " + pick(INDUSTRIES)[0] + " of " + pick(PLACES);
            default -> pick(ADJECTIVES) + " " + pick(SURNAMES) + " " + pick(INDUSTRIES)[0];
        };
    }

    /** A worksite; a quarter of them also get mail at a PO box, which some partners write instead of the street. */
    private Site site(Places.Town t) {
        String box = random.nextDouble() < 0.25 ? pick(List.of("PO Box ", "P.O. Box ", "P O Box ", "POB ")) + (1 + random.nextInt(2999)) : null;
        return new Site(street(t), t, phone(), box);
    }

    /** Town streets, and the rural and state-route styles of the region (IL Route 47, US Hwy 51, Wisconsin's N1234 County Rd K). */
    private String street(Places.Town t) {
        double roll = random.nextDouble();
        if (roll < 0.08) {
            return (100 + random.nextInt(9800)) + " " + pick(List.of("IL Route ", "US Highway ", "State Route ", "US Hwy ", "Route "))
                    + (2 + random.nextInt(150));
        }
        if (roll < 0.12 && t.state().equals("WI")) {
            return pick(List.of("N", "W", "S", "E")) + (1000 + random.nextInt(8999)) + " County Road " + (char) ('A' + random.nextInt(26));
        }
        if (roll < 0.16) {
            return (100 + random.nextInt(2900)) + " " + pick(List.of("N ", "E ", "")) + (100 * (1 + random.nextInt(30))) + " "
                    + pick(List.of("East Rd", "North Ave", "E", "N"));
        }
        return street();
    }

    private String street() {
        String dir = pick(Places.DIRECTIONS);
        return (1 + random.nextInt(9899)) + " " + (dir.isEmpty() ? "" : dir + " ") + pick(Places.STREETS) + " " + pick(Places.TYPES);
    }

    private Places.Town town() {
        return pick(Places.TOWNS);
    }

    private String phone() {
        return (200 + random.nextInt(700)) + "" + (200 + random.nextInt(700)) + String.format("%04d", random.nextInt(10000));
    }

    private String fein() {
        List<Integer> prefixes = List.of(20, 26, 27, 30, 32, 33, 35, 36, 37, 38, 39, 41, 42, 45, 46, 47, 61, 82, 83, 84, 87, 88, 90, 91);
        return pick(prefixes) + String.format("%07d", random.nextInt(10_000_000));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private String[] pick(String[][] items) {
        return items[random.nextInt(items.length)];
    }
}
