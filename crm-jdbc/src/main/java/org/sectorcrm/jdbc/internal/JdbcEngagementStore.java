package org.sectorcrm.jdbc.internal;

import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.core.JdbiException;
import org.sectorcrm.core.Page;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.engagement.EngagementFilter;
import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.reference.EseCategory;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.search.SearchTerms;
import org.sectorcrm.core.spi.EngagementStore;

final class JdbcEngagementStore extends JdbcAggregateStore<EngagementId, Engagement, EngagementFilter> implements EngagementStore {

    JdbcEngagementStore(JdbcTransaction tx) {
        super(tx, Tables.ENGAGEMENT, Tables::engagementFilter);
    }

    @Override
    protected void afterWrite(TxState s, Engagement aggregate) {
        s.wrote(SearchTable.NOTE);
    }

    /**
     * Every query word must occur in the summary or in a note the reader may read: words may come from
     * different places, so each word is its own condition. Note visibility is applied in SQL, next to the
     * word match, so that the text of a note the reader may not read can never make a row match.
     */
    @Override
    public Page<Engagement> search(SearchTerms terms, StaffUserId reader, PartnerId readerPartner, PageRequest page) {
        requireArg("terms", terms);
        requireArg("page", page);
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        Conditions c = new Conditions(d);
        boolean ownSummaries = s.hasWritten(SearchTable.ENGAGEMENT);
        boolean ownNotes = s.hasWritten(SearchTable.NOTE);
        for (String word : SearchWords.of(terms)) {
            Sql clause = new Sql("(").add(d.searchCondition("t", SearchTable.ENGAGEMENT, List.of(word), ownSummaries))
                    .add(" OR t.id IN (SELECT n.engagement_id FROM crm_note n WHERE ")
                    .add(d.searchCondition("n", SearchTable.NOTE, List.of(word), ownNotes))
                    .add(" AND (n.visibility = " + d.param(ColumnType.TEXT), d.arg(ColumnType.TEXT, Visibility.SHARED.name()))
                    .add(" OR n.visibility = " + d.param(ColumnType.TEXT) + " AND n.partner_id = " + d.param(ColumnType.UUID),
                            d.arg(ColumnType.TEXT, Visibility.PARTNER.name()), d.arg(ColumnType.UUID, Tables.uuid(readerPartner)))
                    .add(" OR n.visibility = " + d.param(ColumnType.TEXT) + " AND n.author_id = " + d.param(ColumnType.UUID) + ")))",
                            d.arg(ColumnType.TEXT, Visibility.PRIVATE.name()), d.arg(ColumnType.UUID, Tables.uuid(reader)));
            c.and(clause);
        }
        return page(s, c, page);
    }

    @Override
    public List<ServedEstablishment> servedEstablishments(LocalDate from, LocalDate to) {
        requireArg("from", from);
        requireArg("to", to);
        TxState s = tx.state();
        SqlDialect d = s.dialect();
        // One indexed table (V002): the service rows carry the engagement's date, staff-assisted flag, employer
        // and establishment. TRUE as a literal, so that PostgreSQL's partial index on staff-assisted rows applies.
        Sql sql = new Sql("SELECT DISTINCT v.employer_id, v.establishment_id, v.category FROM crm_engagement_service v"
                + " WHERE v.staff_assisted = TRUE AND v.engaged_on >= " + d.param(ColumnType.DATE) + " AND v.engaged_on <= " + d.param(ColumnType.DATE),
                d.arg(ColumnType.DATE, from), d.arg(ColumnType.DATE, to));
        try {
            return s.query(sql, (rs, ctx) -> {
                String establishment = rs.getString(2);
                return new ServedEstablishment(EmployerId.of(rs.getString(1)), establishment == null ? null : EstablishmentId.of(establishment),
                        EseCategory.valueOf(rs.getString(3)));
            });
        } catch (JdbiException e) {
            throw s.failure("listing served establishments", e);
        }
    }
}
