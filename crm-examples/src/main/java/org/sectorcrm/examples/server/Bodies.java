package org.sectorcrm.examples.server;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.sectorcrm.core.engagement.EngagementId;
import org.sectorcrm.core.engagement.Visibility;
import org.sectorcrm.core.need.NeedStatus;
import org.sectorcrm.core.partnership.PartnershipStage;
import org.sectorcrm.core.solution.SolutionStatus;

/** The small request and response bodies of the API that are not domain records. */
public final class Bodies {
    private Bodies() {
    }

    public record Login(String email, String password) {
    }

    public record LoggedIn(String user, String partner, String role, String name) {
    }

    public record NewToken(String name) {
    }

    public record IssuedToken(String token, String name, String note) {
    }

    public record NewPassword(String currentPassword, String password) {
    }

    public record Reason(String reason) {
    }

    public record Outcome(String outcome) {
    }

    public record Text(String text) {
    }

    public record NewNote(Visibility visibility, String text) {
    }

    public record NeedMove(NeedStatus status, LocalDate on) {
    }

    /** {@code agreedOn}: the day the employer agreed (optional; crm-core records today on a move to AGREED or later without one). */
    public record SolutionMove(SolutionStatus status, LocalDate agreedOn) {
    }

    public record StageMove(PartnershipStage stage) {
    }

    /** The meeting took place; {@code produced} names the engagement recorded for it (optional). */
    public record Held(EngagementId produced) {
    }

    /** Names the engagement a held meeting produced. */
    public record Produced(EngagementId produced) {
    }

    /** Another time, as wall-clock times in {@code zone}. */
    public record Reschedule(LocalDateTime start, LocalDateTime end, ZoneId zone) {
    }

    public record NewFeed(String name) {
    }

    /** A new calendar feed: subscribe to {@code url}; the token in it is shown only now. */
    public record IssuedFeed(String id, String name, String url, String note) {
    }

    public record Feeds(List<Feed> feeds) {
    }

    /** A calendar feed without its token (which is never shown again). */
    public record Feed(String id, String name, java.time.Instant createdAt) {
    }

    /** {@code next} is written even when null: clients loop until it is. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PageOf(List<?> items, String next) {
    }

    /** The query of {@code GET /reports/employers-by-region-sector}. */
    public record StatusQuery(org.sectorcrm.core.employer.EmployerStatus status) {
    }

    /** The query of {@code GET /reports/overdue-referrals}. */
    public record OnQuery(LocalDate on) {
    }

    public record FieldError(String field, String message) {
    }
}
