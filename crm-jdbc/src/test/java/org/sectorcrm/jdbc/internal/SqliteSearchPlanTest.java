package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.Reader;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.jdbc.Dialect;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/**
 * The search statement's SQLite plan reads each query word's index rows through the primary key of
 * {@code crm_search_word}, never every row of the type through {@code crm_search_word_record} (issue 13: the
 * earlier GROUP BY shape did that on a database without ANALYZE statistics, which is every store's, 10 times slower).
 */
class SqliteSearchPlanTest {
    private final SqlDialect sqlite = SqlDialect.of(Dialect.SQLITE, null);

    @Test
    void everyWordIsAPrimaryKeyRange(@TempDir Path dir) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("plan.db");
        JdbcCrmStorage.builder().url(url).build().close(); // migrates: the real schema, no statistics
        Reader staff = Reader.of(new StaffUserId(UUID.randomUUID()), new PartnerId(UUID.randomUUID()));
        try (Connection c = DriverManager.getConnection(url)) {
            for (Reader reader : List.of(Reader.EVERYONE, staff)) {
                for (String query : List.of("river", "river tool", "acme river tool works")) {
                    Sql cond = SearchIndex.condition(sqlite, Tables.EMPLOYER, SearchTerms.parse(query), reader);
                    List<String> plan = plan(c, "SELECT t.doc FROM crm_employer t WHERE " + cond.text() + " ORDER BY t.id LIMIT 51");
                    int words = query.split(" ").length;
                    assertThat(plan).as(query + " for " + reader).noneMatch(step -> step.contains("crm_search_word_record"))
                            .filteredOn(step -> step.contains("USING PRIMARY KEY (record_type=? AND word=? AND scope=?)")).hasSize(words);
                }
            }
        }
    }

    private static List<String> plan(Connection c, String select) throws SQLException {
        List<String> steps = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN " + select)) {
            while (rs.next()) {
                steps.add(rs.getString("detail"));
            }
        }
        return steps;
    }
}
