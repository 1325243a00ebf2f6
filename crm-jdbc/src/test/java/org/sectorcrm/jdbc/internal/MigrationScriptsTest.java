package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sectorcrm.jdbc.Dialect;

/**
 * Lints the shipped migration scripts: the same versions in every dialect folder, Flyway-compatible names,
 * statements that split cleanly with nothing after the last one, and each dialect's own rules. That every
 * statement executes on its engine is checked statement by statement here for SQLite, and by running all
 * scripts on PostgreSQL and MariaDB in {@code PostgresMigrationTest} and {@code MariaDbMigrationTest}.
 */
class MigrationScriptsTest {
    private static final String ROOT = MigrationScript.ROOT;

    private static List<String> index() throws IOException {
        try (var in = MigrationScriptsTest.class.getClassLoader().getResourceAsStream(ROOT + "index.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void theIndexListsConsecutiveVersionsWithFlywayNames() throws IOException {
        List<String> names = index();
        assertThat(names).isNotEmpty();
        for (int i = 0; i < names.size(); i++) {
            Matcher m = MigrationScript.NAME.matcher(names.get(i));
            assertThat(m.matches()).as("%s is named V<nnn>__<lower_case_words>.sql", names.get(i)).isTrue();
            // Increasing; numbers are handed out per branch, so one branch alone may skip another's (V012 before V010 lands).
            int version = Integer.parseInt(m.group(1));
            assertThat(version).as("version of %s", names.get(i)).isGreaterThan(i == 0 ? 0 : Integer.parseInt(names.get(i - 1).substring(1, 4)));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyDialectFolderHoldsExactlyTheIndexedScripts(Dialect dialect) throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource(ROOT + dialect.folder());
        assertThat(folder).as("folder %s", dialect.folder()).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).as("scripts of %s", dialect).containsExactlyElementsOf(index());
        }
        assertThat(MigrationScript.all(dialect)).extracting(MigrationScript::fileName).containsExactlyElementsOf(index());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyScriptSplitsIntoStatementsWithNothingLeftOver(Dialect dialect) {
        for (MigrationScript script : MigrationScript.all(dialect)) {
            List<String> statements = script.statements(dialect);
            assertThat(statements).as("%s/%s", dialect.folder(), script.fileName()).isNotEmpty();
            for (String s : statements) {
                assertThat(s).as("a statement of %s/%s", dialect.folder(), script.fileName()).isNotBlank().doesNotEndWith(";");
            }
            assertThat(script.text()).as("%s/%s is plain text", dialect.folder(), script.fileName()).doesNotContain("\r", "\t", "\uFEFF");
        }
    }

    @Test
    void sqliteTablesAreStrictAndEveryStatementExecutes(@TempDir Path dir) throws SQLException {
        Pattern createTable = Pattern.compile("^CREATE TABLE\\b", Pattern.CASE_INSENSITIVE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("lint.db")); Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            for (MigrationScript script : MigrationScript.all(Dialect.SQLITE)) {
                for (String s : script.statements(Dialect.SQLITE)) {
                    if (createTable.matcher(s).find()) {
                        assertThat(s).as("%s: tables are STRICT, so a value of the wrong type fails instead of being stored", script.fileName())
                                .endsWith("STRICT");
                    }
                    st.execute(s);
                }
            }
        }
    }

    @Test
    void mariaDbScriptsAreIdempotentAndKeepStopwordsOutOfFulltextIndexes() {
        for (MigrationScript script : MigrationScript.all(Dialect.MARIADB)) {
            List<String> statements = script.statements(Dialect.MARIADB);
            assertThat(statements.get(0)).as("%s starts by disabling stopwords for the FULLTEXT indexes it may create or rebuild", script.fileName())
                    .isEqualTo("SET SESSION innodb_ft_enable_stopword = OFF");
            for (String s : statements) {
                String u = s.toUpperCase(Locale.ROOT);
                if (u.startsWith("CREATE TABLE")) {
                    assertThat(u).as("%s: %s", script.fileName(), first(s)).startsWith("CREATE TABLE IF NOT EXISTS").contains("ENGINE = INNODB");
                }
                if (u.startsWith("CREATE INDEX") || u.startsWith("CREATE UNIQUE INDEX") || u.startsWith("CREATE FULLTEXT INDEX")) {
                    assertThat(u).as("%s: %s", script.fileName(), first(s)).contains("INDEX IF NOT EXISTS");
                }
                if (u.contains("ADD COLUMN")) {
                    assertThat(u).as("%s: %s", script.fileName(), first(s)).doesNotContainPattern("ADD COLUMN (?!IF NOT EXISTS)");
                }
                if (u.startsWith("INSERT")) {
                    assertThat(u).as("%s: %s", script.fileName(), first(s)).startsWith("INSERT IGNORE");
                }
                assertThat(u).as("%s: MariaDB's UUID type orders differently from Id.asString()", script.fileName()).doesNotContainPattern("\\bUUID\\b");
            }
        }
    }

    @Test
    void postgresScriptsRunInsideOneTransaction() {
        for (MigrationScript script : MigrationScript.all(Dialect.POSTGRESQL)) {
            for (String s : script.statements(Dialect.POSTGRESQL)) {
                String u = s.toUpperCase(Locale.ROOT);
                assertThat(u).as("%s: %s", script.fileName(), first(s)).doesNotContain("CONCURRENTLY").doesNotStartWith("COMMIT").doesNotStartWith("BEGIN")
                        .doesNotStartWith("VACUUM").doesNotContain("JSONB");
            }
        }
    }

    private static String first(String statement) {
        return statement.lines().findFirst().orElse("");
    }
}
