package org.sectorcrm.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.report.EstablishmentCount;
import org.sectorcrm.core.report.EstablishmentCountFilter;
import org.sectorcrm.core.report.EstablishmentCountId;
import org.sectorcrm.core.type.AggregateTypes;

/**
 * Establishment counts per area and calendar quarter (labour-market data, the penetration rate's denominator). Writes
 * need MANAGER: the figure goes into a report to the state. A count's area must be {@code STATE} or a stored region.
 *
 * @since 2
 */
public final class EstablishmentCountOperations
        extends RecordOperations<EstablishmentCountId, EstablishmentCount, EstablishmentCountFilter, EstablishmentCount> {
    EstablishmentCountOperations(Crm crm, Actor actor) {
        super(crm, actor, AggregateTypes.ESTABLISHMENT_COUNT);
    }

    @Override
    Role writeRole() {
        return Role.MANAGER;
    }

    @Override
    EstablishmentCount prepare(Changes changes, EstablishmentCount c, EstablishmentCount stored) {
        String area = c.area();
        if (!EstablishmentCount.STATE.equals(area) && changes.tx.regions().find(new org.sectorcrm.core.reference.RegionCode(area)).isEmpty()) {
            throw ValidationException.of(key(), "area", "region " + area + " does not exist (an area is STATE or a stored region's code)");
        }
        return c;
    }

    /**
     * Stores every count in one transaction, each replacing the stored count of its area and quarter (the id is that
     * key): a file of counts loaded again changes nothing. All or nothing: every bad count is named at once
     * ({@code counts[i].field}) and nothing is written.
     *
     * @return the counts as stored, in the given order
     */
    public List<EstablishmentCount> put(List<EstablishmentCount> counts) {
        if (counts == null) {
            throw ValidationException.of(key(), "counts", "is required");
        }
        actor.require(writeRole(), "load establishment counts");
        return crm.write(actor, changes -> {
            List<FieldViolation> problems = new ArrayList<>();
            Set<EstablishmentCountId> seen = new HashSet<>();
            for (int i = 0; i < counts.size(); i++) {
                EstablishmentCount c = counts.get(i);
                if (c == null) {
                    problems.add(new FieldViolation(key(), "counts[" + i + "]", "is required"));
                    continue;
                }
                if (!seen.add(c.id())) {
                    problems.add(new FieldViolation(key(), "counts[" + i + "]", c.id() + " is given twice"));
                }
                try {
                    prepare(changes, c, null);
                } catch (ValidationException e) {
                    for (FieldViolation v : e.violations()) {
                        problems.add(new FieldViolation(key(), "counts[" + i + "]." + v.field(), v.message()));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            List<EstablishmentCount> out = new ArrayList<>();
            for (EstablishmentCount c : counts) {
                EstablishmentCount stored = store(changes.tx).find(c.id()).orElse(null);
                if (stored == null) {
                    EstablishmentCount complete = prepareCreate(changes, c);
                    store(changes.tx).save(complete, 0);
                    changes.created(type, complete.id(), complete.version());
                    out.add(complete);
                } else {
                    out.add(saveChanged(changes, stored, prepareUpdate(changes, stored, c), false));
                }
            }
            return out;
        });
    }
}
