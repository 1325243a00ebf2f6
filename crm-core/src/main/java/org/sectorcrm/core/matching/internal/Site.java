package org.sectorcrm.core.matching.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An establishment's place, parsed for comparison: street number ("1200", "N1234" in Wisconsin's grid), street words
 * with directionals and street types in one spelling (North = N, Street = St, Avenue = Ave, Route = Hwy), the suite
 * kept apart (Suite 200 = Ste 200 = #200; not compared: one record often drops it), a PO box as its own key, the
 * folded town and the five-digit ZIP (ZIP+4 and nine bare digits read as their ZIP5).
 */
public final class Site {
    private static final Pattern PO_BOX = Pattern.compile(
            "\\b(?:p\\s*o\\s*box|p\\s*o\\s*b|pob|post\\s+office\\s+box|box|drawer|p\\s*o)\\s*#?\\s*([0-9]+[a-z]?)\\b");
    private static final Pattern SUITE = Pattern.compile(
            "(?:\\b(?:suite|ste|unit|apt|apartment|rm|room|fl|floor|bldg|building|dept|spc|trlr|pmb)\\b|#)\\s*#?\\s*([0-9][0-9a-z-]*|[a-z])\\s*$");
    private static final Pattern NUMBER = Pattern.compile("^(?:[nsew]\\d+[nsew]?\\d*|\\d+[a-z]?|\\d+-\\d+[a-z]?)$");
    private static final Set<String> DIRECTIONALS = Set.of("n", "s", "e", "w", "ne", "nw", "se", "sw");
    private static final Map<String, String> SPELLING = Map.ofEntries(
            Map.entry("north", "n"), Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"),
            Map.entry("northeast", "ne"), Map.entry("northwest", "nw"), Map.entry("southeast", "se"), Map.entry("southwest", "sw"),
            Map.entry("street", "st"), Map.entry("str", "st"), Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("aven", "ave"),
            Map.entry("road", "rd"), Map.entry("boulevard", "blvd"), Map.entry("blv", "blvd"), Map.entry("drive", "dr"), Map.entry("drv", "dr"),
            Map.entry("lane", "ln"), Map.entry("court", "ct"), Map.entry("place", "pl"), Map.entry("parkway", "pkwy"), Map.entry("pky", "pkwy"),
            Map.entry("highway", "hwy"), Map.entry("hiway", "hwy"), Map.entry("route", "hwy"), Map.entry("rte", "hwy"), Map.entry("rt", "hwy"),
            Map.entry("sr", "hwy"), Map.entry("circle", "cir"), Map.entry("terrace", "ter"), Map.entry("trail", "trl"), Map.entry("square", "sq"),
            Map.entry("expressway", "expy"), Map.entry("freeway", "fwy"), Map.entry("plaza", "plz"), Map.entry("center", "ctr"),
            Map.entry("centre", "ctr"), Map.entry("turnpike", "tpke"), Map.entry("point", "pt"), Map.entry("crossing", "xing"),
            Map.entry("county", "co"), Map.entry("cnty", "co"), Map.entry("mount", "mt"), Map.entry("saint", "st"), Map.entry("fort", "ft"),
            Map.entry("first", "1st"), Map.entry("second", "2nd"), Map.entry("third", "3rd"), Map.entry("fourth", "4th"), Map.entry("fifth", "5th"),
            Map.entry("sixth", "6th"), Map.entry("seventh", "7th"), Map.entry("eighth", "8th"), Map.entry("ninth", "9th"), Map.entry("tenth", "10th"),
            Map.entry("way", "way"), Map.entry("wy", "way"), Map.entry("park", "park"), Map.entry("pk", "park"), Map.entry("heights", "hts"),
            Map.entry("junction", "jct"), Map.entry("mountain", "mtn"), Map.entry("alley", "aly"), Map.entry("hollow", "holw"));
    private static final Set<String> STREET_TYPES = Set.of("st", "ave", "rd", "blvd", "dr", "ln", "ct", "pl", "pkwy", "cir", "ter", "trl", "sq",
            "expy", "fwy", "plz", "tpke", "xing", "way", "hts", "aly");

    /**
     * Who names a route in Illinois and its neighbours: the state (IL-9, Illinois Route 9, IN-37, KY 80, MO-Z, WI-33,
     * Iowa Highway 1), "state" (State Road 37 in Indiana, State Highway Z in Missouri) or the United States (US-41,
     * U.S. Hwy 41). Before a route word or a route number they all mean "hwy": one road, written many ways.
     */
    private static final Set<String> ROUTE_OWNERS = Set.of("il", "ill", "illinois", "in", "ind", "indiana", "wi", "wis", "wisc", "wisconsin",
            "ia", "iowa", "mo", "missouri", "ky", "kentucky", "state", "us", "usa", "u");
    private static final Set<String> ROUTE_WORDS = Set.of("hwy", "rd", "trunk", "sth", "stateroute");
    /** County roads: County Road K, Co Rd K, Cty Rd K, CR K, CTH K (Wisconsin's county trunk highway), County Hwy K. */
    private static final Set<String> COUNTY = Set.of("co", "cty", "cnty");
    private static final Set<String> COUNTY_ROADS = Set.of("cr", "cth", "ctyrd", "cord");

    final String number;
    final String street;
    final String streetCore;
    final String poBox;
    final String city;
    final String zip5;
    final String state;

    private Site(String number, String street, String streetCore, String poBox, String city, String zip5, String state) {
        this.number = number;
        this.street = street;
        this.streetCore = streetCore;
        this.poBox = poBox;
        this.city = city;
        this.zip5 = zip5;
        this.state = state;
    }

    public static Site of(String streetLine, String city, String state, String zip) {
        String number = null;
        String street = null;
        String core = null;
        String box = null;
        if (streetLine != null && !streetLine.isBlank()) {
            String s = " " + Words.fold(streetLine).replace('.', ' ').replace(',', ' ') + " ";
            Matcher m = PO_BOX.matcher(s);
            if (m.find()) {
                box = m.group(1);
                s = s.substring(0, m.start()) + " " + s.substring(m.end());
            }
            List<String> words = Words.split(s.strip(), true);
            String joined = String.join(" ", words);
            Matcher suite = SUITE.matcher(joined);
            while (suite.find()) {
                joined = joined.substring(0, suite.start()).strip();
                suite = SUITE.matcher(joined);
            }
            words = new ArrayList<>(List.of(joined.replace('#', ' ').replace('/', ' ').split("\\s+")));
            words.removeIf(String::isEmpty);
            if (!words.isEmpty() && NUMBER.matcher(words.get(0)).matches()) {
                number = words.remove(0);
            }
            List<String> spelled = new ArrayList<>();
            for (String w : words) {
                if (w.length() > 1 && w.matches("\\d+[nsew]")) { // Illinois grid roads: "2000E Rd" = "2000 East Rd"
                    spelled.add(w.substring(0, w.length() - 1));
                    spelled.add(w.substring(w.length() - 1));
                } else {
                    spelled.add(SPELLING.getOrDefault(w, w));
                }
            }
            spelled = routes(spelled);
            List<String> coreWords = new ArrayList<>();
            for (String v : spelled) {
                if (!DIRECTIONALS.contains(v) && !STREET_TYPES.contains(v) && !v.equals("hwy") && !v.equals("cord")) {
                    coreWords.add(v);
                }
            }
            street = spelled.isEmpty() ? null : String.join(" ", spelled);
            core = coreWords.isEmpty() ? street : String.join(" ", coreWords);
        }
        return new Site(number, street, core, box, town(city), zip5(zip), state == null || state.isBlank() ? null : state.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Routes in one spelling: a state's or the nation's route ("IL-9", "Illinois Route 9", "State Road 37", "US Hwy 41",
     * "STH 33", "Route Z") becomes {@code hwy 9}, a county road ("County Road K", "Cty Rd K", "CTH K", "CR 300")
     * {@code cord K}. The words are already spelled ({@code route} = {@code hwy}, {@code county} = {@code co}).
     */
    static List<String> routes(List<String> w) {
        List<String> out = new ArrayList<>(w.size());
        int i = 0;
        while (i < w.size()) {
            int j = i;
            boolean owner = false;
            while (j < w.size() && (ROUTE_OWNERS.contains(w.get(j)) || w.get(j).equals("s") && j > i && w.get(j - 1).equals("u"))) {
                owner = true;
                j++;
            }
            boolean county = false;
            if (!owner && j < w.size() && COUNTY.contains(w.get(j)) && j + 1 < w.size() && (w.get(j + 1).equals("rd") || w.get(j + 1).equals("hwy") || w.get(j + 1).equals("trunk"))) {
                county = true;
                j++;
            } else if (!owner && j < w.size() && COUNTY_ROADS.contains(w.get(j))) {
                county = true;
            }
            int words = j;
            while (j < w.size() && (ROUTE_WORDS.contains(w.get(j)) || COUNTY_ROADS.contains(w.get(j)) && county)) {
                j++;
            }
            boolean routeWord = j > words;
            // a letter route needs a route word ("Route Z"): "State Ct" is a street named State
            boolean named = j < w.size() && (routeWord ? designator(w.get(j)) : w.get(j).chars().allMatch(Character::isDigit));
            if ((owner || routeWord) && named && (routeWord || owner && j > i)
                    && !(owner && !routeWord && w.get(i).equals("u") && j - i < 2)) {
                out.add(county ? "cord" : "hwy");
                out.add(w.get(j));
                i = j + 1;
            } else {
                out.add(w.get(i));
                i++;
            }
        }
        return out;
    }

    /** A route's number or letters: 9, 41, 300, Z, KK (not a word such as "main"). */
    private static boolean designator(String w) {
        return !w.isEmpty() && (w.chars().allMatch(Character::isDigit)
                || w.length() <= 2 && w.chars().allMatch(Character::isLetter) && !DIRECTIONALS.contains(w) && !STREET_TYPES.contains(w));
    }

    /** The route numbers and letters and other numbered words of the street: two streets that differ in them are two roads. */
    List<String> designators() {
        List<String> out = new ArrayList<>();
        if (street == null) {
            return out;
        }
        String[] w = street.split(" ");
        for (int i = 0; i < w.length; i++) {
            boolean numbered = w[i].chars().anyMatch(Character::isDigit);
            boolean routeLetter = i > 0 && (w[i - 1].equals("hwy") || w[i - 1].equals("cord")) && designator(w[i]);
            if (numbered || routeLetter) {
                out.add(w[i]);
            }
        }
        return out;
    }

    /** A grid road's direction after its number ("300 S"), or null: 300 S and 300 N are two roads. */
    String postDirectional() {
        if (street == null) {
            return null;
        }
        String[] w = street.split(" ");
        return w.length > 1 && DIRECTIONALS.contains(w[w.length - 1]) && w[w.length - 2].chars().anyMatch(Character::isDigit) ? w[w.length - 1] : null;
    }

    /** Whether the street is a numbered or lettered route ({@link #routes}). */
    boolean isRoute() {
        return street != null && (street.startsWith("hwy ") || street.contains(" hwy ") || street.startsWith("cord ") || street.contains(" cord "));
    }

    static String zip5(String zip) {
        if (zip == null) {
            return null;
        }
        String digits = zip.replaceAll("[^0-9]", "");
        if (digits.length() == 4 && zip.strip().length() == 4) {
            digits = "0" + digits; // a spreadsheet dropped the leading zero
        }
        return digits.length() == 5 || digits.length() == 9 ? digits.substring(0, 5) : null;
    }

    /** Town names folded so that "St. Charles" = "Saint Charles" and "E. Moline" = "East Moline". */
    static String town(String city) {
        if (city == null || city.isBlank()) {
            return null;
        }
        List<String> words = Words.split(Words.fold(city), false);
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(switch (w) {
                case "st", "saint" -> "saint";
                case "ste", "sainte" -> "sainte";
                case "mt", "mount" -> "mount";
                case "ft", "fort" -> "fort";
                case "n", "no" -> "north";
                case "s", "so" -> "south";
                case "e" -> "east";
                case "w" -> "west";
                case "hts" -> "heights";
                case "vlg", "vill" -> "village";
                case "twp" -> "township";
                default -> w;
            });
        }
        return out.isEmpty() ? null : String.join("", out);
    }

    boolean hasStreet() {
        return number != null || poBox != null;
    }

    boolean sameTown(Site o) {
        return city != null && o.city != null && (city.equals(o.city) || city.length() > 4 && Similarity.ratio(city, o.city) >= 0.85);
    }

    /** Site key for keeping two different addresses out of one establishment cluster. */
    String key() {
        if (zip5 == null && city == null) {
            return null;
        }
        String place = zip5 != null ? zip5 : city;
        return number != null ? place + "|" + number : poBox != null ? place + "|box" + poBox : null;
    }
}
