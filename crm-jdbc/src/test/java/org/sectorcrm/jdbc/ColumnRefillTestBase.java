package org.sectorcrm.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.referral.ReferralStatus;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.core.solution.SolutionStatus;
import org.sectorcrm.core.spi.ReportQueries;
import org.sectorcrm.tck.fixtures.Fixtures;
import org.sectorcrm.tck.fixtures.Needs;
import org.sectorcrm.tck.fixtures.Outcomes;
import org.sectorcrm.tck.fixtures.Referrals;
import org.sectorcrm.tck.fixtures.Solutions;

/**
 * V015's and V017's refill: rows written before the report columns existed (here: columns emptied and child rows removed, as a
 * database migrated from V014 has them) are filled from their documents when the store next starts, so the report
 * queries answer for them as for rows written since.
 */
abstract class ColumnRefillTestBase {
    /** The database of the concrete class (its own file or schema). */
    abstract TestDatabase db();

    @Test
    void theReportColumnsOfOldRowsAreFilledFromTheirDocumentsOnStart() throws Exception {
        TestDatabase db = db();
        String url = db.url(); // SQLite: one new file, opened twice below; the servers: the class's schema
        Employer e = StoreTestBase.anEmployer().build();
        LocalDate raised = LocalDate.of(2026, 1, 1);
        BusinessNeed need = Needs.aNeed().of(e.id()).raisedOn(raised).build();
        Solution solution = Solutions.aSolution().forEmployer(e.id()).addressing(need.id()).inStatus(SolutionStatus.AGREED).agreedOn(raised.plusDays(4)).build();
        Instant sent = Instant.parse("2026-02-02T10:00:00.000000700Z");
        Referral referral = Referrals.aReferral().withStamp(Stamp.first(sent, Fixtures.partnerId())).about(e.id()).sentOn(raised, null).declined("full")
                .respondedAt(sent.plusMillis(1234)).build();
        OutcomeMeasure outcome = Outcomes.aMinimalOutcome().at(e.id()).withBaseline(raised, new BigDecimal("1.50")).observed(raised.plusDays(1), new BigDecimal("2.0"))
                .build();
        List<Object> before;
        db.fresh().close(); // the servers: the class's schema, migrated, every row deleted (SQLite starts from the new file anyway)
        try (JdbcCrmStorage store = db.builderFor(url).build()) {
            store.inTransaction(tx -> {
                tx.employers().save(e, 0);
                tx.needs().save(need, 0);
                tx.solutions().save(solution, 0);
                tx.referrals().save(referral, 0);
                tx.outcomes().save(outcome, 0);
                return null;
            });
            before = facts(store);
        }
        try (Connection c = connect(db, url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE crm_referral SET decline_reason = NULL, response_ms = NULL, completion_ms = NULL");
            s.executeUpdate("UPDATE crm_need SET raised_on = NULL");
            s.executeUpdate("UPDATE crm_solution SET start_date = NULL, agreed_on = NULL");
            s.executeUpdate("DELETE FROM crm_solution_need");
            s.executeUpdate("UPDATE crm_outcome SET metric_name = NULL, metric_unit = NULL, direction = 'HIGHER_IS_BETTER', baseline = '0', latest_value = NULL");
            s.executeUpdate("UPDATE crm_employer SET legal_name = NULL"); // V017
            s.executeUpdate("INSERT INTO crm_column_refill (record_type) VALUES ('need'), ('solution'), ('referral'), ('outcome'), ('employer')");
        }
        try (JdbcCrmStorage store = db.builderFor(url).build()) {
            assertThat(facts(store)).isEqualTo(before);
            assertThat(store.<List<ReportQueries.ReferralFact>>read(tx -> tx.reports().referralFacts()))
                    .containsExactly(new ReportQueries.ReferralFact(referral.fromPartner(), referral.toPartner(), ReferralStatus.DECLINED, null, "full", 1234L, null));
            assertThat(store.<List<ReportQueries.NeedFact>>read(tx -> tx.reports().needFacts())).extracting(ReportQueries.NeedFact::agreedOn)
                    .containsExactly(raised.plusDays(4));
            assertThat(store.<List<ReportQueries.CadenceFact>>read(tx -> tx.reports().cadenceFacts())).extracting(ReportQueries.CadenceFact::legalName)
                    .containsExactly(e.legalName());
        }
        try (Connection c = connect(db, url); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM crm_column_refill")) {
            rs.next();
            assertThat(rs.getInt(1)).as("requests left after the refill").isZero();
        }
    }

    private static Connection connect(TestDatabase db, String url) throws java.sql.SQLException {
        return db.dialect() == Dialect.SQLITE ? DriverManager.getConnection(url) : db.connect();
    }

    private static List<Object> facts(JdbcCrmStorage store) {
        return store.read(tx -> List.of(tx.reports().referralFacts(), tx.reports().needFacts(), tx.reports().outcomeFacts(), tx.reports().cadenceFacts()));
    }
}
