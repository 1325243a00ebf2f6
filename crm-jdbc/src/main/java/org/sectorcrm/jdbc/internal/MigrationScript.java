package org.sectorcrm.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sectorcrm.jdbc.Dialect;

/**
 * One versioned migration script of one dialect, named like Flyway's ({@code V001__create_schema.sql}),
 * with the SHA-256 of its text (line endings normalised, so a checkout that rewrites them does not count
 * as a change).
 */
public record MigrationScript(int version, String description, String fileName, String text, String checksum) {
    public static final String ROOT = "org/sectorcrm/jdbc/migrations/";
    public static final Pattern NAME = Pattern.compile("V(\\d{3})__([a-z0-9]+(?:_[a-z0-9]+)*)\\.sql");

    /** The statements, in order. */
    public List<String> statements(Dialect dialect) {
        try {
            return ScriptSplitter.split(text, dialect == Dialect.MARIADB);
        } catch (IllegalArgumentException e) {
            throw new org.sectorcrm.jdbc.SchemaException("migration script " + dialect.folder() + "/" + fileName + " is malformed: " + e.getMessage());
        }
    }

    public String label() {
        return String.format("V%03d (%s)", version, description);
    }

    /** Every script of {@code dialect}, in version order, as listed by the migrations index. */
    public static List<MigrationScript> all(Dialect dialect) {
        List<MigrationScript> scripts = new ArrayList<>();
        for (String line : read(ROOT + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            scripts.add(load(dialect, name));
        }
        return scripts;
    }

    static MigrationScript load(Dialect dialect, String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException("migration file name " + fileName + " does not match V<nnn>__<words>.sql");
        }
        String text = read(ROOT + dialect.folder() + "/" + fileName);
        return new MigrationScript(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, text, sha256(text));
    }

    public static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = MigrationScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from crm-jdbc");
            }
            return normalise(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
