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
            List<String> coreWords = new ArrayList<>();
            for (String w : words) {
                String v = SPELLING.getOrDefault(w, w);
                spelled.add(v);
                if (!DIRECTIONALS.contains(v) && !STREET_TYPES.contains(v)) {
                    coreWords.add(v);
                }
            }
            street = spelled.isEmpty() ? null : String.join(" ", spelled);
            core = coreWords.isEmpty() ? street : String.join(" ", coreWords);
        }
        return new Site(number, street, core, box, town(city), zip5(zip), state == null || state.isBlank() ? null : state.strip().toUpperCase(java.util.Locale.ROOT));
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
