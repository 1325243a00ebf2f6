package org.sectorcrm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sectorcrm.core.Crm;
import org.sectorcrm.core.PageRequest;
import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.employer.EstablishmentId;
import org.sectorcrm.core.reference.EmailAddress;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.solution.Solution;
import org.sectorcrm.jdbc.JdbcCrmStorage;

/** The data set generator: deterministic, at the scale's counts, and written whole through the bulk path. */
class GenerateTest {
    private static NetworkData network(long seed) {
        BenchData data = new BenchData(1);
        EmployerId[] ids = new EmployerId[200];
        EstablishmentId[][] sites = new EstablishmentId[200][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new EmployerId(data.nextId());
            sites[i] = new EstablishmentId[] {new EstablishmentId(data.nextId())};
        }
        List<NetworkData.Staff> staff = List.of(new NetworkData.Staff(new PartnerId(data.nextId()), new StaffUserId(data.nextId())),
                new NetworkData.Staff(new PartnerId(data.nextId()), new StaffUserId(data.nextId())));
        return new NetworkData(seed, new NetworkData.Employers(ids, sites), staff);
    }

    @Test
    void sameSeedSameNeedsSolutionsReferralsAndEngagements() {
        NetworkData a = network(5);
        NetworkData b = network(5);
        assertThat(a.needs(500).toList()).isEqualTo(b.needs(500).toList());
        List<Solution> solutions = java.util.stream.Stream.generate(a::solution).limit(300).toList();
        assertThat(java.util.stream.Stream.generate(b::solution).limit(300).toList()).isEqualTo(solutions);
        List<Referral> referrals = java.util.stream.Stream.generate(a::referral).limit(300).toList();
        assertThat(java.util.stream.Stream.generate(b::referral).limit(300).toList()).isEqualTo(referrals);
        assertThat(network(6).needs(500).toList()).isNotEqualTo(network(5).needs(500).toList());
        // realistic spreads: every status occurs, most solutions agreed or later, answered referrals have moments
        assertThat(solutions.stream().map(Solution::status).distinct().count()).isEqualTo(6);
        assertThat(solutions.stream().filter(Solution::agreedOrLater).count()).isBetween(150L, 260L);
        assertThat(solutions.stream().filter(Solution::agreedOrLater).allMatch(s -> s.agreedOn() != null)).isTrue();
        assertThat(referrals.stream().map(Referral::status).collect(Collectors.toSet())).hasSize(6);
        assertThat(referrals.stream().filter(r -> r.respondedAt() != null).allMatch(r -> !r.respondedAt().isBefore(r.stamp().createdAt()))).isTrue();
        assertThat(referrals).allMatch(r -> !r.fromPartner().equals(r.toPartner()));
    }

    @Test
    void aTinyDataSetIsWrittenWholeAndTheReportsAgreeWithTheScanningReference(@TempDir Path dir) {
        Path db = dir.resolve("tiny.db");
        String summary = Generate.run(Scale.TINY, db.toString(), 3);
        assertThat(summary).contains("50 employers", "1,000 engagements", "100 needs", "50 solutions", "50 referrals");
        try (JdbcCrmStorage storage = JdbcCrmStorage.builder().url("jdbc:sqlite:" + db).build()) {
            assertThat(storage.<Long>read(tx -> tx.employers().count(EmployerFilter.ALL))).isEqualTo(50);
            assertThat(storage.<Long>read(tx -> tx.referrals().count(tx.referrals().type().all()))).isEqualTo(50);
            assertThat(storage.<Long>read(tx -> tx.needs().count(tx.needs().type().all()))).isEqualTo(100);
            var admin = storage.read(tx -> tx.staffUsers().query(StaffUserFilter.byEmail(EmailAddress.parse("admin@bench.example")), PageRequest.first(1)))
                    .items().get(0);
            var sql = Crm.builder().storage(storage).build().as(admin).reports();
            var scanning = Crm.builder().storage(new NetworkBench.Scanning(storage)).build().as(admin).reports();
            LocalDate on = LocalDate.of(2026, 6, 30);
            assertThat(sql.referrals(on)).isEqualTo(scanning.referrals(on));
            assertThat(sql.needsFunnel()).isEqualTo(scanning.needsFunnel());
            assertThat(sql.needsFunnel().total().daysToAgreedSolution().count()).isPositive();
        }
        assertThatThrownBy(() -> Generate.run(Scale.TINY, db.toString(), 3)).hasMessageContaining("holds employers already");
        assertThatThrownBy(() -> Generate.run(Scale.STATE, dir.resolve("x.db").toString(), 3)).hasMessageContaining("PostgreSQL only");
    }
}
