package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migration V008: a region-filtered employer page, in the shape {@code JdbcAggregateStore.page} writes it (filter,
 * keyset bound, {@code ORDER BY t.id LIMIT n}), is read through an index in id order, with no sort of the whole region.
 */
class RegionPageIndexTest {
    private static final String REGION_PAGE = "SELECT t.doc FROM crm_employer t WHERE t.region = 'IL-EDR-4' AND t.id > %s ORDER BY t.id LIMIT 51";
    private static final String REGION_SECTOR_PAGE = "SELECT t.doc FROM crm_employer t WHERE t.region = 'IL-EDR-4' AND t.sector = 'MFG' AND t.id > %s"
            + " ORDER BY t.id LIMIT 51";

    @Nested
    class OnSqlite {
        @RegisterExtension
        static final TestDatabase DB = TestDatabase.sqlite();

        @Test
        void theRegionPagesAreSearchedInIdOrderWithoutATemporarySort() throws SQLException {
            String url = DB.url();
            DB.builderFor(url).build().close(); // migrates the new file
            try (Connection c = DB.connect(url)) {
                String region = plan(c, "EXPLAIN QUERY PLAN " + String.format(REGION_PAGE, "'0'"));
                String regionSector = plan(c, "EXPLAIN QUERY PLAN " + String.format(REGION_SECTOR_PAGE, "'0'"));
                assertThat(region).contains("USING INDEX crm_employer_region_keyset (region=? AND id>?)").doesNotContain("TEMP B-TREE");
                assertThat(regionSector).contains("USING INDEX crm_employer_region_sector_keyset (region=? AND sector=? AND id>?)")
                        .doesNotContain("TEMP B-TREE");
                assertThat(plan(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crm_employer'"))
                        .as("(region, sector) is replaced by (region, sector, id)").doesNotContain("crm_employer_region_sector\n");
            }
        }
    }

    @Nested
    class OnPostgres {
        @RegisterExtension
        static final TestDatabase DB = TestDatabase.postgres();

        @Test
        void theRegionPagesAreReadFromTheIndexWithoutASort() throws SQLException {
            DB.fresh().close();
            try (Connection c = DB.connect(); Statement st = c.createStatement()) {
                st.execute("SET enable_seqscan = off");
                String region = plan(c, "EXPLAIN " + String.format(REGION_PAGE, "'00000000-0000-7000-8000-000000000000'::uuid"));
                String regionSector = plan(c, "EXPLAIN " + String.format(REGION_SECTOR_PAGE, "'00000000-0000-7000-8000-000000000000'::uuid"));
                assertThat(region).contains("crm_employer_region_keyset").doesNotContain("Sort");
                assertThat(regionSector).contains("crm_employer_region_sector_keyset").doesNotContain("Sort");
            }
        }
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
