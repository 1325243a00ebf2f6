package org.sectorcrm.jdbc.internal;

import java.util.List;

import org.jdbi.v3.core.JdbiException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.EmployerStore;

final class JdbcEmployerStore extends JdbcAggregateStore<EmployerId, Employer, EmployerFilter> implements EmployerStore {

    JdbcEmployerStore(JdbcTransaction tx) {
        super(tx, Tables.EMPLOYER, Tables::employerFilter);
    }

    @Override
    public Page<Employer> search(SearchTerms terms, PageRequest page) {
        requireArg("terms", terms);
        requireArg("page", page);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        c.and(s.dialect().searchCondition("t", SearchTable.EMPLOYER, SearchWords.of(terms), s.hasWritten(SearchTable.EMPLOYER)));
        return page(s, c, page);
    }

    @Override
    public List<GroupCount> countByRegionAndSector(EmployerFilter filter) {
        requireArg("filter", filter);
        TxState s = tx.state();
        Conditions c = new Conditions(s.dialect());
        Tables.employerFilter(filter, c);
        // Nulls first, then code order: CASE keeps it portable (MariaDB has no NULLS FIRST).
        Sql sql = c.appendTo(new Sql("SELECT t.region, t.sector, COUNT(*) FROM crm_employer t"))
                .add(" GROUP BY t.region, t.sector ORDER BY CASE WHEN t.region IS NULL THEN 0 ELSE 1 END, t.region,"
                        + " CASE WHEN t.sector IS NULL THEN 0 ELSE 1 END, t.sector");
        try {
            return s.query(sql, (rs, ctx) -> {
                String region = rs.getString(1);
                String sector = rs.getString(2);
                return new GroupCount(region == null ? null : new RegionCode(region), sector == null ? null : new SectorCode(sector), rs.getLong(3));
            });
        } catch (JdbiException e) {
            throw s.failure("counting employers by region and sector", e);
        }
    }
}
