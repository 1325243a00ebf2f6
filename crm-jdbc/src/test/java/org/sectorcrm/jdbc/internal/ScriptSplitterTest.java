package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    @Test
    void splitsAtTerminatingSemicolonsOnly() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (x TEXT DEFAULT 'semi;colon', "odd;name" INT); /* block; comment */
                INSERT INTO a VALUES ('it''s; fine');
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    INSERT INTO b VALUES (CASE WHEN new.x = 'a' THEN 1 ELSE 2 END);
                    DELETE FROM c;
                END;
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                SELECT $$a;b$$;
                """;
        assertThat(ScriptSplitter.split(script, false)).containsExactly(
                "CREATE TABLE a (x TEXT DEFAULT 'semi;colon', \"odd;name\" INT)",
                "INSERT INTO a VALUES ('it''s; fine')",
                """
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    INSERT INTO b VALUES (CASE WHEN new.x = 'a' THEN 1 ELSE 2 END);
                    DELETE FROM c;
                END""",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                "SELECT $$a;b$$");
    }

    @Test
    void mariaDbStringsMayEscapeQuotesWithBackslashes() {
        assertThat(ScriptSplitter.split("INSERT INTO a VALUES ('it\\'s; fine');\nSELECT 1;", true))
                .containsExactly("INSERT INTO a VALUES ('it\\'s; fine')", "SELECT 1");
    }

    @Test
    void commentsAndBlanksAfterTheLastStatementAreFineAnythingElseIsNot() {
        assertThat(ScriptSplitter.split("SELECT 1;\n-- the end\n/* really */\n\n", false)).containsExactly("SELECT 1");
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptSplitter.split("SELECT 1;\nSELECT 2", false))
                .withMessageContaining("not a statement terminated by ';': SELECT 2");
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptSplitter.split("SELECT 'open;\n", false)).withMessageContaining("never closed");
        assertThatIllegalArgumentException().isThrownBy(() -> ScriptSplitter.split("SELECT 1; /* open", false)).withMessageContaining("never closed");
    }
}
