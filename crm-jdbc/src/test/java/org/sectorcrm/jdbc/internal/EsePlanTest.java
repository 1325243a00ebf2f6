package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.jdbc.Dialect;
import org.sectorcrm.jdbc.TestDatabase;

/**
 * Migration V013 (issue 10: the ESE report over a million engagements): the statement of
 * {@code placedCountableServices}, as the store sends it, reads the engagement-service rows of the window from the
 * covering index alone (never the table), and places each triple by key lookups of the employer and its
 * establishments (never a scan of either). Checked on a database without statistics, which is every store's.
 */
class EsePlanTest {
    private static final LocalDate FROM = LocalDate.of(2022, 7, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);
    private static final PartnerId PARTNER = new PartnerId(UUID.fromString("01a23c14-8eb6-7000-a2bf-cc2c0e93b9a4"));

    @Nested
    class OnSqlite {
        @RegisterExtension
        static final TestDatabase DB = TestDatabase.sqlite();

        @Test
        void theWindowIsReadFromTheCoveringIndexAndEachTripleIsPlacedByKey() throws SQLException {
            String url = DB.url();
            DB.builderFor(url).build().close(); // migrates the new file
            SqlDialect sqlite = SqlDialect.of(Dialect.SQLITE, null);
            try (Connection c = DB.connect(url)) {
                for (PartnerId partner : new PartnerId[] {null, PARTNER}) {
                  for (boolean byCategory : new boolean[] {true, false}) {
                    String plan = plan(c, "EXPLAIN QUERY PLAN " + inline(JdbcReportQueries.placedCountableSql(sqlite, FROM, TO, partner, byCategory), partner, "'", "'"));
                    assertThat(plan).as("partner " + partner + ", by category " + byCategory)
                            .contains("SEARCH v USING COVERING INDEX crm_engagement_service_ese_covering (staff_assisted=?)")
                            .as("the distinct rows come out of the index in order").doesNotContain("TEMP B-TREE")
                            .contains("SEARCH m USING INDEX sqlite_autoindex_crm_employer_1 (id=?)")
                            .contains("SEARCH n USING PRIMARY KEY (employer_id=? AND establishment_id=?)")
                            .contains("SEARCH p USING PRIMARY KEY (employer_id=?)")
                            .doesNotContain("SCAN v").doesNotContain("SCAN m").doesNotContain("SCAN n").doesNotContain("SCAN p");
                    if (partner != null) {
                        assertThat(plan).as("one partner's services: the engagement by its key").containsPattern("SEARCH e USING (COVERING )?INDEX \\w+ \\((partner_id=\\? AND )?id=\\?\\)");
                    }
                  }
                }
                assertThat(plan(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crm_engagement_service'"))
                        .as("the covering index replaces V002's (staff_assisted, engaged_on)").doesNotContain("crm_engagement_service_ese\n");
            }
        }
    }

    @Nested
    class OnPostgres {
        @RegisterExtension
        static final TestDatabase DB = TestDatabase.postgres();

        @Test
        void theWindowIsAnIndexOnlyScanOfTheCoveringIndex() throws SQLException {
            DB.fresh().close();
            SqlDialect postgres = SqlDialect.of(Dialect.POSTGRESQL, null);
            try (Connection c = DB.connect(); Statement st = c.createStatement()) {
                // an empty table would be read sequentially or through a bitmap: ask for what the index alone can do
                st.execute("SET enable_seqscan = off");
                st.execute("SET enable_bitmapscan = off");
                for (PartnerId partner : new PartnerId[] {null, PARTNER}) {
                    String plan = plan(c, "EXPLAIN " + inline(JdbcReportQueries.placedCountableSql(postgres, FROM, TO, partner, true), partner, "DATE '", "'"));
                    assertThat(plan).as("partner " + partner)
                            .contains("Index Only Scan using crm_engagement_service_ese_covering on crm_engagement_service v").doesNotContain("Seq Scan");
                }
            }
        }
    }

    /** The statement with its parameters written as literals (from, to and the partner, in that order). */
    private static String inline(Sql sql, PartnerId partner, String dateOpen, String dateClose) {
        List<String> values = new ArrayList<>(List.of(dateOpen + FROM + dateClose, dateOpen + TO + dateClose));
        if (partner != null) {
            values.add("'" + partner.asString() + "'" + (dateOpen.startsWith("DATE") ? "::uuid" : ""));
        }
        assertThat(sql.args()).hasSize(values.size());
        String text = sql.text();
        for (String v : values) {
            int at = text.indexOf('?');
            text = text.substring(0, at) + v + text.substring(at + 1);
        }
        return text;
    }

    /** Every row of the query's last column, one a line. */
    private static String plan(Connection c, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int last = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                lines.add(rs.getString(last));
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
