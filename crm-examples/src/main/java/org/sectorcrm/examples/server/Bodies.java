package org.sectorcrm.examples.server;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.sectorcrm.core.contact.ContactView;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
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

    public record SolutionMove(SolutionStatus status) {
    }

    public record StageMove(PartnershipStage stage) {
    }

    public record SearchResults(List<Employer> employers, List<ContactView> contacts, List<Engagement> engagements) {
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
