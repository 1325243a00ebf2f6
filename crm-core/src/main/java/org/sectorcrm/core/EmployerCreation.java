package org.sectorcrm.core;

import java.util.List;
import java.util.Optional;

import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.matching.LikelyDuplicate;

/**
 * What {@link EmployerOperations#createIfNew} did: either it stored the employer ({@link #created()}), or it found likely
 * duplicates among the stored employers and stored nothing ({@link #duplicates()}, best first). The caller then uses the
 * existing employer, adds the new worksite to it ({@link EmployerOperations#addAsEstablishment}) or creates anyway
 * ({@link EmployerOperations#createAnyway}, which the audit trail records with the candidates it overrode).
 *
 * @param created the stored employer, or null when duplicates were found
 * @param duplicates the likely duplicates (empty exactly when the employer was created)
 * @since 2
 */
public record EmployerCreation(Employer created, List<LikelyDuplicate> duplicates) {
    public EmployerCreation {
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
        if ((created == null) == duplicates.isEmpty()) {
            throw ValidationException.of("employer creation", created == null ? "created" : "duplicates",
                    "exactly one of created and duplicates is given");
        }
    }

    public boolean isCreated() {
        return created != null;
    }

    public Optional<Employer> employer() {
        return Optional.ofNullable(created);
    }
}
