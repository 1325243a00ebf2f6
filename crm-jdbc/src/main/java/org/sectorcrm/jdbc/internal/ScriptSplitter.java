package org.sectorcrm.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements at the semicolons that end them, skipping comments and
 * the insides of string literals, quoted identifiers, PostgreSQL dollar quotes and SQLite trigger
 * bodies ({@code CREATE TRIGGER ... BEGIN ...; END;}). A script must end with a terminated statement:
 * anything but blanks and comments after the last semicolon is an error, so a truncated or garbled
 * script is never half-applied silently.
 */
public final class ScriptSplitter {
    private ScriptSplitter() {
    }

    /** The statements of {@code script}, without their final semicolons. */
    public static List<String> split(String script, boolean backslashEscapes) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        List<String> words = new ArrayList<>();
        int depth = 0;
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '-' && next == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue;
            }
            if (c == '/' && next == '*') {
                int end = script.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("a /* comment is never closed");
                }
                current.append(' ');
                i = end + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = quoted(script, i, c, backslashEscapes && c == '\'');
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == '$') {
                int tagEnd = dollarTagEnd(script, i);
                if (tagEnd > 0) {
                    String tag = script.substring(i, tagEnd);
                    int close = script.indexOf(tag, tagEnd);
                    if (close < 0) {
                        throw new IllegalArgumentException("the dollar quote " + tag + " is never closed");
                    }
                    current.append(script, i, close + tag.length());
                    i = close + tag.length();
                    continue;
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_')) {
                    end++;
                }
                String word = script.substring(i, end).toUpperCase(Locale.ROOT);
                words.add(word);
                if (isTrigger(words)) {
                    if (word.equals("BEGIN") || word.equals("CASE")) {
                        depth++;
                    } else if (word.equals("END")) {
                        depth--;
                    }
                }
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == ';' && depth <= 0) {
                String statement = current.toString().strip();
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                current.setLength(0);
                words.clear();
                depth = 0;
                i++;
                continue;
            }
            current.append(c);
            i++;
        }
        String rest = current.toString().strip();
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("the script ends with text that is not a statement terminated by ';': "
                    + (rest.length() > 80 ? rest.substring(0, 80) + "…" : rest));
        }
        return statements;
    }

    /** CREATE [TEMP|TEMPORARY] TRIGGER ...: its body holds semicolons up to the closing END. */
    private static boolean isTrigger(List<String> words) {
        if (words.size() < 2 || !words.get(0).equals("CREATE")) {
            return false;
        }
        return words.get(1).equals("TRIGGER") || words.size() > 2 && words.get(2).equals("TRIGGER")
                && (words.get(1).equals("TEMP") || words.get(1).equals("TEMPORARY"));
    }

    private static int quoted(String s, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("a " + quote + " quote opened here is never closed: "
                + s.substring(start, Math.min(s.length(), start + 40)));
    }

    /** The end of a dollar-quote tag ($$ or $name$) starting at i, or -1. */
    private static int dollarTagEnd(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            return j + 1;
        }
        return -1;
    }
}
