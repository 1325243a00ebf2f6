package org.sectorcrm.core.matching.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** FEIN, phone, website and UI account as lenient comparison keys: what a file holds, typos and odd formats included. */
public final class Identifiers {
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(?:x|ext\\.?|extension|#)\\s*\\d{1,6}\\s*$");
    private static final Set<String> PLACEHOLDER_FEINS = Set.of("000000000", "111111111", "999999999", "123456789", "987654321");
    /** Pages about a business on someone else's site say nothing about who owns the business. */
    private static final Set<String> NOT_THE_BUSINESS = Set.of("facebook.com", "fb.com", "fb.me", "instagram.com", "twitter.com", "x.com",
            "linkedin.com", "youtube.com", "youtu.be", "tiktok.com", "yelp.com", "pinterest.com", "nextdoor.com", "google.com", "goo.gl",
            "g.page", "business.site", "bbb.org", "yellowpages.com", "manta.com", "mapquest.com", "angi.com", "angieslist.com", "houzz.com",
            "indeed.com", "glassdoor.com", "tripadvisor.com", "foursquare.com", "thumbtack.com", "homeadvisor.com", "gmail.com", "yahoo.com",
            "aol.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "icloud.com", "comcast.net", "att.net", "sbcglobal.net",
            "ameritech.net", "frontier.com", "frontiernet.net", "mchsi.com", "charter.net", "earthlink.net", "verizon.net", "bellsouth.net",
            "windstream.net", "centurytel.net", "mail.com", "protonmail.com", "example.com", "none", "na", "n/a");
    /** Hosts where each customer has a subdomain: the subdomain is the site. */
    private static final Set<String> SHARED_HOSTS = Set.of("wixsite.com", "squarespace.com", "weebly.com", "wordpress.com", "blogspot.com",
            "godaddysites.com", "square.site", "webs.com", "myshopify.com", "site123.me", "jimdosite.com", "ueniweb.com", "wix.com");
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "org", "net", "gov", "edu", "ac", "k12", "state", "ci", "co.us");

    private Identifiers() {
    }

    /** Nine digits, or null for empty, malformed or placeholder values; eight digits get back the leading zero a spreadsheet dropped. */
    public static String fein(String text) {
        if (text == null) {
            return null;
        }
        String d = text.replaceAll("[^0-9]", "");
        if (d.length() == 8 && text.strip().matches("\\d{8}")) {
            d = "0" + d;
        }
        return d.length() == 9 && !PLACEHOLDER_FEINS.contains(d) ? d : null;
    }

    /** Ten NANP digits without the extension (a switchboard's extensions are the same business), or null. */
    public static String phone(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = EXTENSION.matcher(text).replaceFirst("");
        String d = s.replaceAll("[^0-9]", "");
        if (d.length() == 11 && d.charAt(0) == '1') {
            d = d.substring(1);
        }
        if (d.length() != 10 || d.charAt(0) < '2' || d.charAt(3) < '2' || d.chars().distinct().count() == 1) {
            return null;
        }
        return d;
    }

    /**
     * The registrable domain a website or e-mail address belongs to ("https://www.acme.com/locations/peoria-il" is
     * "acme.com"), or null for social-media and directory pages and free mailboxes, which belong to someone else.
     */
    public static String domain(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        s = s.replaceFirst("^[a-z][a-z0-9+.-]*://", "").replaceFirst("^//", "");
        int end = s.length();
        for (char c : new char[] {'/', '?', '#', ':', ' '}) {
            int i = s.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String host = s.substring(0, end).replaceAll("\\.+$", "");
        host = host.replaceFirst("^(?:www\\d*|m|mobile|web|home)\\.", "");
        if (!host.contains(".") || !host.matches("[a-z0-9.-]+")) {
            return null;
        }
        String[] labels = host.split("\\.");
        String two = labels.length >= 2 ? labels[labels.length - 2] + "." + labels[labels.length - 1] : host;
        if (NOT_THE_BUSINESS.contains(two) || NOT_THE_BUSINESS.contains(host)) {
            return null;
        }
        if (SHARED_HOSTS.contains(two)) {
            return labels.length >= 3 ? labels[labels.length - 3] + "." + two : null;
        }
        int keep = 2;
        if (labels[labels.length - 1].equals("us") && labels.length >= 4) {
            keep = 4; // springfield.k12.il.us, ci.peoria.il.us
        } else if (labels.length >= 3 && labels[labels.length - 1].length() == 2 && SECOND_LEVEL.contains(labels[labels.length - 2])) {
            keep = 3;
        }
        keep = Math.min(keep, labels.length);
        StringBuilder b = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            b.append(b.length() == 0 ? "" : ".").append(labels[i]);
        }
        return b.toString();
    }

    /** A state UI account number as letters and digits, or null when it has no digit. */
    public static String uiAccount(String text) {
        if (text == null) {
            return null;
        }
        String s = text.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT).replaceFirst("^0+(?=\\d)", "");
        return s.chars().anyMatch(Character::isDigit) ? s : null;
    }

    /** NAICS digits (2 to 6), or null. */
    public static String naics(String text) {
        if (text == null) {
            return null;
        }
        String d = text.strip();
        int dash = d.indexOf('-');
        if (dash == 2) {
            d = d.substring(0, 2); // "31-33"
        }
        d = d.replaceAll("[^0-9]", "");
        return d.length() >= 2 && d.length() <= 6 ? d : null;
    }

    /** How many leading NAICS digits agree, reading the sector ranges 31-33, 44-45 and 48-49 as one sector each. */
    public static int naicsAgreement(String a, String b) {
        if (a == null || b == null) {
            return -1;
        }
        if (!sector(a).equals(sector(b))) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        int same = 2;
        for (int i = 2; i < n && a.charAt(i) == b.charAt(i); i++) {
            same++;
        }
        if (!a.substring(0, 2).equals(b.substring(0, 2))) {
            same = 2;
        }
        return same;
    }

    private static String sector(String code) {
        String two = code.substring(0, 2);
        return switch (two) {
            case "31", "32", "33" -> "31";
            case "44", "45" -> "44";
            case "48", "49" -> "48";
            default -> two;
        };
    }
}
