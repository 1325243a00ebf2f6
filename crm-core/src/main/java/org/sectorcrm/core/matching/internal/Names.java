package org.sectorcrm.core.matching.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employer names as comparable word lists. A name may hold several names ("Smith Holdings LLC dba Joe's Pizza",
 * "Acme Inc (Acme Tool)"): each becomes a variant. Within a variant: legal forms at the end and a leading "the"
 * go, "and"/"of" go (so "&amp;" or no "&amp;" is the same), common abbreviations are spelled out, plurals are
 * singular, so "Acme Mfg. Co., Inc." and "ACME MANUFACTURING" are the same words.
 */
public final class Names {
    private static final Pattern ALIAS = Pattern.compile(
            "(?i)(?:\\bd\\s*/\\s*b\\s*/\\s*a\\b\\.?|\\bd\\s*\\.\\s*b\\s*\\.\\s*a\\b\\.?|\\bdba\\b|\\bdoing business as\\b|\\ba\\s*/\\s*k\\s*/\\s*a\\b"
                    + "|\\ba\\.k\\.a\\.?|\\baka\\b|\\btrading as\\b|\\bf\\s*/\\s*k\\s*/\\s*a\\b|\\bfka\\b|\\bformerly(?: known as)?\\b|[()\\[\\];|]|\\s/\\s)");
    /** "Acme Tool - Peoria Plant", "Acme Tool, Quincy Division": the company's name before a worksite qualifier. */
    private static final Pattern DASH = Pattern.compile("\\s+[-\u2013\u2014]+\\s+");
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?i)\\b(?:plant|division|div|facility|branch|location|campus|warehouse|site|office|store|yard|terminal)\\b");
    static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "incorporation", "llc", "lc", "corp", "corporation", "co", "company",
            "cos", "companies", "ltd", "limited", "lp", "llp", "lllp", "pllc", "pc", "pa", "plc", "sc", "nfp", "nonprofit", "dba", "ltdco",
            "llcs", "sa", "gmbh");
    private static final Set<String> DROPPED = Set.of("and", "of", "the", "at", "a", "an");
    private static final Map<String, String> SPELLED = Map.ofEntries(
            Map.entry("mfg", "manufacturing"), Map.entry("mfgs", "manufacturing"), Map.entry("manuf", "manufacturing"),
            Map.entry("mfr", "manufacturer"), Map.entry("mfrs", "manufacturer"), Map.entry("intl", "international"),
            Map.entry("natl", "national"), Map.entry("svc", "service"), Map.entry("svcs", "service"), Map.entry("serv", "service"),
            Map.entry("svs", "service"), Map.entry("bros", "brother"), Map.entry("bro", "brother"), Map.entry("assoc", "associate"),
            Map.entry("assocs", "associate"), Map.entry("assn", "association"), Map.entry("ctr", "center"), Map.entry("cntr", "center"),
            Map.entry("centre", "center"), Map.entry("hosp", "hospital"), Map.entry("med", "medical"), Map.entry("mgmt", "management"),
            Map.entry("mgt", "management"), Map.entry("distr", "distribution"), Map.entry("distrib", "distribution"),
            Map.entry("eng", "engineering"), Map.entry("engr", "engineering"), Map.entry("engg", "engineering"),
            Map.entry("const", "construction"), Map.entry("constr", "construction"), Map.entry("sys", "system"),
            Map.entry("grp", "group"), Map.entry("hldg", "holding"), Map.entry("hldgs", "holding"), Map.entry("ind", "industry"),
            Map.entry("inds", "industry"), Map.entry("indus", "industry"), Map.entry("prod", "product"), Map.entry("prods", "product"),
            Map.entry("equip", "equipment"), Map.entry("transp", "transportation"), Map.entry("trans", "transportation"),
            Map.entry("elec", "electric"), Map.entry("mach", "machine"), Map.entry("tech", "technology"), Map.entry("techs", "technology"),
            Map.entry("univ", "university"), Map.entry("coll", "college"), Map.entry("sch", "school"), Map.entry("soc", "society"),
            Map.entry("fdn", "foundation"), Map.entry("fndn", "foundation"), Map.entry("inst", "institute"), Map.entry("dept", "department"),
            Map.entry("st", "saint"), Map.entry("ste", "sainte"), Map.entry("mt", "mount"), Map.entry("ft", "fort"),
            Map.entry("amer", "american"), Map.entry("coop", "cooperative"), Map.entry("ins", "insurance"), Map.entry("fin", "financial"),
            Map.entry("chem", "chemical"), Map.entry("pharm", "pharmaceutical"), Map.entry("lab", "laboratory"), Map.entry("labs", "laboratory"),
            Map.entry("dev", "development"), Map.entry("supp", "supply"), Map.entry("sply", "supply"), Map.entry("mkt", "market"),
            Map.entry("mktg", "marketing"), Map.entry("contr", "contractor"), Map.entry("contrs", "contractor"), Map.entry("ent", "enterprise"),
            Map.entry("ents", "enterprise"), Map.entry("restr", "restaurant"), Map.entry("rest", "restaurant"), Map.entry("auto", "automotive"),
            Map.entry("ag", "agricultural"), Map.entry("agri", "agricultural"), Map.entry("agric", "agricultural"), Map.entry("petro", "petroleum"),
            Map.entry("hlth", "health"), Map.entry("hlthcare", "healthcare"), Map.entry("comm", "community"), Map.entry("cmty", "community"),
            Map.entry("cnty", "county"), Map.entry("twp", "township"), Map.entry("dist", "district"), Map.entry("fab", "fabrication"),
            Map.entry("metl", "metal"), Map.entry("plbg", "plumbing"), Map.entry("htg", "heating"), Map.entry("elect", "electric"),
            Map.entry("electrical", "electric"), Map.entry("technologies", "technology"), Map.entry("technological", "technology"),
            Map.entry("manufacturers", "manufacturer"), Map.entry("ctrs", "center"), Map.entry("e", "east"), Map.entry("w", "west"),
            Map.entry("n", "north"), Map.entry("s", "south"));

    private Names() {
    }

    /**
     * The words of the names worth looking up in a store's search index (the store's own tokens, 3+ letters or digits),
     * without legal forms, "and", "the" and the like, which every other employer shares.
     */
    public static Set<String> searchWords(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            for (String w : org.sectorcrm.core.search.SearchTerms.tokens(name)) {
                if (w.length() >= org.sectorcrm.core.search.SearchTerms.MIN_WORD && !LEGAL_FORMS.contains(w) && !DROPPED.contains(w)
                        && !w.equals("dba") && !w.equals("aka")) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** Every name a record goes by, as word lists, without repeats; never empty while some name has a letter or digit. */
    public static List<List<String>> variants(List<String> names) {
        Set<List<String>> out = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            add(out, name);
            company(name).ifPresent(c -> add(out, c));
            Matcher m = ALIAS.matcher(name);
            if (m.find()) {
                for (String part : ALIAS.split(name)) {
                    add(out, part);
                }
                add(out, ALIAS.matcher(name).replaceAll(" "));
            }
        }
        out.remove(List.<String>of());
        return List.copyOf(out);
    }

    /** The name without its worksite qualifier: the part before " - ", or before a comma that a qualifier word follows. */
    static java.util.Optional<String> company(String name) {
        Matcher dash = DASH.matcher(name);
        if (dash.find() && dash.start() > 0) {
            return java.util.Optional.of(name.substring(0, dash.start()));
        }
        int comma = name.indexOf(',');
        if (comma > 0 && QUALIFIER.matcher(name.substring(comma)).find()) {
            return java.util.Optional.of(name.substring(0, comma));
        }
        return java.util.Optional.empty();
    }

    private static void add(Set<List<String>> out, String part) {
        List<String> words = words(part);
        if (!words.isEmpty()) {
            out.add(words);
        }
    }

    /** The comparable words of one name. */
    public static List<String> words(String name) {
        List<String> raw = Words.joinLetters(Words.split(Words.fold(name), false));
        List<String> words = new ArrayList<>(raw.size());
        for (String w : raw) {
            words.add(w);
        }
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && LEGAL_FORMS.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            if (DROPPED.contains(w) && words.size() > 1) {
                continue;
            }
            out.add(singular(SPELLED.getOrDefault(w, w)));
        }
        return out.isEmpty() ? List.copyOf(words) : List.copyOf(out);
    }

    /** Plurals and possessives compared as singulars: Farms = Farm, Industries = Industry (never "glass" or "bus"). */
    static String singular(String w) {
        if (w.length() <= 3 || w.charAt(w.length() - 1) != 's' || !Character.isLetter(w.charAt(0))) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
            return w;
        }
        return w.substring(0, w.length() - 1);
    }
}
