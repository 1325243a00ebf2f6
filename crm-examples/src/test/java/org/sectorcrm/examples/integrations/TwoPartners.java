package org.sectorcrm.examples.integrations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.sectorcrm.core.Crm;
import org.sectorcrm.core.CrmSession;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerKind;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.jdbc.JdbcCrmStorage;
import org.sectorcrm.jdbc.outbox.Backoff;
import org.sectorcrm.jdbc.outbox.OutboxDispatcher;

/**
 * A region for integration tests on a real SQL store: the workforce board (an admin and a staff member) and a community
 * college (two staff members), a clock the test moves, and an outbox dispatcher on it.
 */
public final class TwoPartners implements AutoCloseable {
    public final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    public final JdbcCrmStorage storage;
    public final String jdbcUrl;
    public final Crm crm;
    public final StaffUser admin;
    public final StaffUser boardStaff;
    public final StaffUser collegeStaff;
    public final StaffUser collegeManager;
    public final Partner board;
    public final Partner college;

    public TwoPartners(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
        this.storage = JdbcCrmStorage.builder().url(jdbcUrl).build();
        this.crm = Crm.builder().storage(storage).clock(clock).build();
        this.admin = crm.bootstrap(Partner.named("Northeast Workforce Board", PartnerKind.WORKFORCE_BOARD), "Ada Admin", "ada@board.example");
        CrmSession ada = crm.as(admin);
        this.board = ada.reference().partners().get(admin.partner());
        this.college = ada.reference().partners().create(Partner.named("Prairie Community College", PartnerKind.COMMUNITY_COLLEGE));
        this.boardStaff = ada.reference().staffUsers().create(StaffUser.of(board.id(), "Bo Board", "bo@board.example", Role.STAFF));
        this.collegeStaff = ada.reference().staffUsers().create(StaffUser.of(college.id(), "Cy College", "cy@college.example", Role.STAFF));
        this.collegeManager = ada.reference().staffUsers().create(StaffUser.of(college.id(), "Meg Manager", "meg@college.example", Role.MANAGER));
    }

    public OutboxDispatcher dispatcher(String node) {
        return OutboxDispatcher.builder().storage(storage).node(node).clock(clock).lease(Duration.ofMinutes(1))
                .backoff(Backoff.exponential(Duration.ofSeconds(10), Duration.ofMinutes(10))).build();
    }

    public CrmSession as(StaffUser user) {
        return crm.as(user);
    }

    /** Bo (board) refers an employer to the college. */
    public Referral referral(String employerName) {
        CrmSession bo = as(boardStaff);
        Employer e = bo.employers().create(Employer.named(employerName));
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        return bo.referrals().create(Referral.sent(board.id(), boardStaff.id(), college.id(), e.id(), "customized training for welders", today,
                today.plusDays(5)));
    }

    @Override
    public void close() {
        storage.close();
    }
}
