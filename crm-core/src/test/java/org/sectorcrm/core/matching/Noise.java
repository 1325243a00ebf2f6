package org.sectorcrm.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** How people write the same employer differently: the noise of {@link LabelledEmployers}. */
final class Noise {
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("Manufacturing", "Mfg."),
            Map.entry("Company", "Co."), Map.entry("Services", "Svcs"), Map.entry("Brothers", "Bros."), Map.entry("International", "Intl"),
            Map.entry("Engineering", "Eng."), Map.entry("Center", "Ctr"), Map.entry("Corporation", "Corp."), Map.entry("Associates", "Assoc."),
            Map.entry("Distribution", "Distr."), Map.entry("Technologies", "Tech"), Map.entry("Construction", "Const."),
            Map.entry("Medical", "Med."), Map.entry("Management", "Mgmt"), Map.entry("Incorporated", "Inc."));
    private static final Map<String, String> STREET_FORMS = Map.ofEntries(Map.entry("Street", "St."), Map.entry("Avenue", "Ave"),
            Map.entry("Road", "Rd."), Map.entry("Drive", "Dr"), Map.entry("Boulevard", "Blvd."), Map.entry("Lane", "Ln"),
            Map.entry("Court", "Ct."), Map.entry("Parkway", "Pkwy"), Map.entry("Highway", "Hwy"), Map.entry("North", "N."),
            Map.entry("South", "S"), Map.entry("East", "E."), Map.entry("West", "W"), Map.entry("Suite", "Ste"), Map.entry("County", "Co."));
    private final Random random;

    Noise(Random random) {
        this.random = random;
    }

    MatchRecord record(String key, String legal, String suffix, String trade, String fein, String naics, String domain, String street,
            String city, String state, String zip, String phone) {
        String name = name(legal, suffix);
        List<String> tradeNames = new ArrayList<>();
        if (trade != null) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    String dba = pick(" dba ", " d/b/a ", " DBA ", " (dba ");
                    name = name + dba + name(trade, "") + (dba.equals(" (dba ") ? ")" : "");
                }
                case 1 -> tradeNames.add(name(trade, ""));
                case 2 -> {
                    tradeNames.add(name);
                    name = name(trade, "");
                }
                default -> name = name(trade, ""); // only the brand: the legal name is not known to this partner
            }
        }
        return MatchRecord.builder(key).names(all(name, tradeNames)).fein(chance(0.68) ? fein(fein) : null).naics(chance(0.6) ? naics(naics) : null)
                .address(chance(0.9) ? street(street) : null, chance(0.93) ? city(city) : null, state, chance(0.88) ? zip(zip) : null)
                .phone(chance(0.65) ? phone(phone) : null).website(domain != null && chance(0.55) ? website(domain, city) : null).build();
    }

    private static List<String> all(String name, List<String> trades) {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(trades);
        return all;
    }

    String name(String base, String suffix) {
        String s = base;
        if (chance(0.3)) {
            s = s.replace(" & ", " and ");
        } else if (chance(0.1)) {
            s = s.replace(" and ", " & ");
        }
        if (chance(0.25)) {
            for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        if (chance(0.06)) {
            List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
            if (words.size() >= 3) {
                words.add(words.remove(0)); // "Tool & Die Kowalski"
                s = String.join(" ", words);
            }
        }
        if (chance(0.15)) {
            s = typo(s);
        }
        String form = suffix;
        if (chance(0.35)) {
            form = pick("", "Inc", "Inc.", "LLC", "Co", "Corp", "Company", "Incorporated", "Ltd");
        }
        if (!form.isEmpty()) {
            s = s + (chance(0.5) ? ", " : " ") + form;
        }
        if (chance(0.2)) {
            s = s.toUpperCase(Locale.ROOT);
        } else if (chance(0.04)) {
            s = s.toLowerCase(Locale.ROOT);
        }
        if (chance(0.2)) {
            s = s.replace(".", "").replace(",", "");
        }
        if (chance(0.05) && !s.startsWith("The ")) {
            s = "The " + s;
        }
        return s;
    }

    /** One keying error in one word of four or more letters: a letter replaced, dropped, doubled, or two swapped. */
    String typo(String s) {
        List<Integer> starts = new ArrayList<>();
        String[] words = s.split(" ");
        int at = 0;
        for (String w : words) {
            if (w.length() >= 4 && w.chars().allMatch(Character::isLetter)) {
                starts.add(at);
            }
            at += w.length() + 1;
        }
        if (starts.isEmpty()) {
            return s;
        }
        int start = starts.get(random.nextInt(starts.size()));
        int end = s.indexOf(' ', start) < 0 ? s.length() : s.indexOf(' ', start);
        int i = start + 1 + random.nextInt(end - start - 2);
        char c = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + c + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + s.charAt(i) + s.substring(i);
            default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        };
    }

    private String fein(String fein) {
        String f = fein;
        if (chance(0.03)) {
            int i = 2 + random.nextInt(7);
            f = f.substring(0, i) + (char) ('0' + (f.charAt(i) - '0' + 1 + random.nextInt(8)) % 10) + f.substring(i + 1);
        }
        return chance(0.6) ? f.substring(0, 2) + "-" + f.substring(2) : f;
    }

    private String naics(String naics) {
        return chance(0.1) ? naics.substring(0, 4) : naics;
    }

    private String street(String street) {
        String s = street;
        if (chance(0.6)) {
            for (Map.Entry<String, String> e : STREET_FORMS.entrySet()) {
                s = s.replace(e.getKey(), e.getValue());
            }
        }
        if (s.contains("Suite") || s.contains("Ste")) {
            if (chance(0.3)) {
                s = s.replaceAll(",? (Suite|Ste) ", " #");
            } else if (chance(0.2)) {
                s = s.replaceAll(",? (Suite|Ste) \\w+", "");
            }
        }
        if (chance(0.05)) {
            s = typo(s);
        }
        return chance(0.15) ? s.toUpperCase(Locale.ROOT) : s;
    }

    private String city(String city) {
        String c = city;
        if (c.startsWith("St. ") && chance(0.5)) {
            c = "Saint " + c.substring(4);
        }
        if (chance(0.03)) {
            c = typo(c);
        }
        return chance(0.15) ? c.toUpperCase(Locale.ROOT) : c;
    }

    private String zip(String zip) {
        return chance(0.25) ? zip + "-" + String.format("%04d", random.nextInt(10000)) : zip;
    }

    private String phone(String digits) {
        String a = digits.substring(0, 3);
        String b = digits.substring(3, 6);
        String c = digits.substring(6);
        String p = switch (random.nextInt(5)) {
            case 0 -> "(" + a + ") " + b + "-" + c;
            case 1 -> a + "-" + b + "-" + c;
            case 2 -> a + "." + b + "." + c;
            case 3 -> pick("+1 ", "1-", "+1-") + a + pick(" ", "-") + b + pick(" ", "-") + c;
            default -> digits;
        };
        return chance(0.1) ? p + pick(" x", " ext. ", " #") + (1 + random.nextInt(300)) : p;
    }

    private String website(String domain, String city) {
        if (chance(0.08)) { // the company's social-media page: no evidence of which company it is
            return pick("https://www.facebook.com/", "facebook.com/", "https://www.linkedin.com/company/") + domain.replace(".com", "");
        }
        String path = chance(0.3) ? "/locations/" + city.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "-") : "";
        return pick("", "http://", "https://") + pick("", "www.") + domain + path;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
