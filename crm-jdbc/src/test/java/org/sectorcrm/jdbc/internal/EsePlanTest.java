package org.sectorcrm.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.jdbc.Dialect;
import org.sectorcrm.jdbc.TestDatabase;

/**
 * Migrations V013 and V014 (issue 10: the ESE report over a million engagements): the statement of
 * {@code placedCountableServices}, as the store sends it, reads the engagement-service rows of the window from the
 * covering index alone (never the table), and places each triple by key lookups of the employer and its
 * establishments (never a scan of either); {@code eseEstablishments}' statement groups in the covering index's order,
 * reads a partner's entries from V014's partner index and a region's from its employers' entries. Checked on a
 * database without statistics, which is every store's.
 */
class EsePlanTest {
    private static final LocalDate FROM = LocalDate.of(2022, 7, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);
    private static final LocalDate PERIOD_FROM = LocalDate.of(2025, 7, 1);
    private static final LocalDate PERIOD_TO = LocalDate.of(2026, 6, 30);
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
                            .contains(partner == null ? "SEARCH v USING COVERING INDEX crm_engagement_service_ese_covering (staff_assisted=?)"
                                    : "SEARCH v USING COVERING INDEX crm_engagement_service_ese_partner (staff_assisted=? AND partner_id=?)")
                            .as("the distinct rows come out of the index in order").doesNotContain("TEMP B-TREE")
                            .contains("SEARCH m USING INDEX sqlite_autoindex_crm_employer_1 (id=?)")
                            .contains("SEARCH n USING PRIMARY KEY (employer_id=? AND establishment_id=?)")
                            .contains("SEARCH p USING PRIMARY KEY (employer_id=?)")
                            .doesNotContain("SCAN v").doesNotContain("SCAN m").doesNotContain("SCAN n").doesNotContain("SCAN p");
                    assertThat(plan).as("one partner's services by the service row's partner (V014): no engagement row").doesNotContain("crm_engagement e");
                  }
                }
                assertThat(plan(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crm_engagement_service'"))
                        .as("the covering index replaces V002's (staff_assisted, engaged_on)").doesNotContain("crm_engagement_service_ese\n");
            }
        }

        @Test
        void eseEstablishmentsGroupsInTheIndexOrderAndReadsOnlyTheAreasEntries() throws SQLException {
            String url = DB.url();
            DB.builderFor(url).build().close();
            SqlDialect sqlite = SqlDialect.of(Dialect.SQLITE, null);
            try (Connection c = DB.connect(url)) {
                String state = explain(c, "EXPLAIN QUERY PLAN ", JdbcReportQueries.eseSql(sqlite, ReportQueries.EseQuery.of(PERIOD_FROM, PERIOD_TO, FROM, TO, null),
                        List.of(), List.of()));
                String partner = explain(c, "EXPLAIN QUERY PLAN ", JdbcReportQueries.eseSql(sqlite, ReportQueries.EseQuery.of(PERIOD_FROM, PERIOD_TO, FROM, TO, PARTNER),
                        List.of(), List.of()));
                String region = explain(c, "EXPLAIN QUERY PLAN ", JdbcReportQueries.eseSql(sqlite, ReportQueries.EseQuery.inRegion(PERIOD_FROM, PERIOD_TO, FROM, TO,
                        new RegionCode("NE"), List.of("Cook", "DuPage")), List.of("Cook", "cook county", "DuPage"), List.of(" ")));
                for (String plan : List.of(state, partner, region)) {
                    assertThat(plan).as(plan).doesNotContain("TEMP B-TREE FOR GROUP BY").doesNotContain("SCAN v").doesNotContain("SCAN m")
                            .doesNotContain("SCAN n").doesNotContain("SCAN p").doesNotContain("crm_engagement e")
                            .containsPattern("SEARCH m USING (COVERING )?INDEX sqlite_autoindex_crm_employer_1 \\(id=\\?\\)")
                            .contains("SEARCH p USING PRIMARY KEY (employer_id=?)");
                }
                // The named establishment's county is read only where the region needs it (SQLite drops the unused LEFT JOIN otherwise).
                assertThat(region).contains("SEARCH n USING PRIMARY KEY (employer_id=? AND establishment_id=?)");
                assertThat(state).as("state: every staff-assisted entry of the covering index, in order")
                        .contains("SEARCH v USING COVERING INDEX crm_engagement_service_ese_covering (staff_assisted=?)");
                assertThat(partner).as("partner: its own entries of V014's index, no engagement row")
                        .contains("SEARCH v USING COVERING INDEX crm_engagement_service_ese_partner (staff_assisted=? AND partner_id=?)");
                assertThat(region).as("region: the entries of the region's employers only, found by region and by county")
                        .contains("SEARCH v USING COVERING INDEX crm_engagement_service_ese_covering (staff_assisted=? AND employer_id=?)")
                        .containsPattern("SEARCH r USING COVERING INDEX \\w+ \\(region=\\?\\)")
                        .contains("SEARCH c USING COVERING INDEX crm_employer_establishment_county (county=?)");
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
                    // Without statistics PostgreSQL may take V014's partner index (its second key column is the date) for
                    // this statement too: either is index-only.
                    assertThat(plan).as("partner " + partner)
                            .containsPattern("Index Only Scan using crm_engagement_service_ese_(covering|partner) on crm_engagement_service v").doesNotContain("Seq Scan");
                }
                String state = explain(c, "EXPLAIN ", JdbcReportQueries.eseSql(postgres, ReportQueries.EseQuery.of(PERIOD_FROM, PERIOD_TO, FROM, TO, null),
                        List.of(), List.of()));
                assertThat(state).as(state).containsPattern("Index Only Scan using crm_engagement_service_ese_(covering|partner) on crm_engagement_service v")
                        .doesNotContain("Seq Scan");
                String partner = explain(c, "EXPLAIN ", JdbcReportQueries.eseSql(postgres, ReportQueries.EseQuery.of(PERIOD_FROM, PERIOD_TO, FROM, TO, PARTNER),
                        List.of(), List.of()));
                assertThat(partner).as(partner).contains("Index Only Scan using crm_engagement_service_ese_partner on crm_engagement_service v")
                        .doesNotContain("Seq Scan").doesNotContain("crm_engagement e");
                String region = explain(c, "EXPLAIN ", JdbcReportQueries.eseSql(postgres, ReportQueries.EseQuery.inRegion(PERIOD_FROM, PERIOD_TO, FROM, TO,
                        new RegionCode("NE"), List.of("Cook")), List.of("Cook", "cook county"), List.of()));
                assertThat(region).as(region).contains("crm_employer_establishment_county").doesNotContain("Seq Scan");
            }
        }
    }

    /** The plan of {@code sql} with its parameters bound as the store binds them. */
    private static String explain(Connection c, String explain, Sql sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(explain + sql.text())) {
            for (int i = 0; i < sql.args().size(); i++) {
                sql.args().get(i).apply(i + 1, st, null);
            }
            try (ResultSet rs = st.executeQuery()) {
                int last = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    lines.add(rs.getString(last));
                }
            }
        }
        return String.join("\n", lines) + "\n";
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
