package org.sectorcrm.core;

import java.util.UUID;

import org.sectorcrm.core.type.AggregateTypes;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.ReferenceFilters.PartnerFilter;
import org.sectorcrm.core.reference.ReferenceFilters.RegionFilter;
import org.sectorcrm.core.reference.ReferenceFilters.SectorFilter;
import org.sectorcrm.core.reference.ReferenceFilters.StaffUserFilter;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.Role;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.SectorCode;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.reference.StaffUserId;
import org.sectorcrm.core.spi.AggregateStore;
import org.sectorcrm.core.spi.StorageTransaction;

/** Reference data: regions, sectors and partners (ADMIN writes), and staff users (ADMIN, or a MANAGER for their own partner). */
public final class ReferenceDataOperations {
    private final Crm crm;
    private final Actor actor;

    ReferenceDataOperations(Crm crm, Actor actor) {
        this.crm = crm;
        this.actor = actor;
    }

    public Regions regions() {
        return new Regions(crm, actor);
    }

    public Sectors sectors() {
        return new Sectors(crm, actor);
    }

    public Partners partners() {
        return new Partners(crm, actor);
    }

    public StaffUsers staffUsers() {
        return new StaffUsers(crm, actor);
    }

    public static final class Regions extends RecordOperations<RegionCode, Region, RegionFilter, Region> {
        Regions(Crm crm, Actor actor) {
            super(crm, actor, AggregateTypes.REGION);
        }

        @Override
        Role writeRole() {
            return Role.ADMIN;
        }
    }

    public static final class Sectors extends RecordOperations<SectorCode, Sector, SectorFilter, Sector> {
        Sectors(Crm crm, Actor actor) {
            super(crm, actor, AggregateTypes.SECTOR);
        }

        @Override
        Role writeRole() {
            return Role.ADMIN;
        }
    }

    public static final class Partners extends RecordOperations<PartnerId, Partner, PartnerFilter, Partner> {
        Partners(Crm crm, Actor actor) {
            super(crm, actor, AggregateTypes.PARTNER);
        }

        @Override
        Role writeRole() {
            return Role.ADMIN;
        }

        @Override
        Partner prepare(Changes changes, Partner p, Partner stored) {
            for (RegionCode r : p.regions()) {
                if (changes.tx.regions().find(r).isEmpty()) {
                    throw ValidationException.of("partner", "regions", "region " + r + " does not exist");
                }
            }
            return p;
        }
    }

    public static final class StaffUsers extends RecordOperations<StaffUserId, StaffUser, StaffUserFilter, StaffUser> {
        StaffUsers(Crm crm, Actor actor) {
            super(crm, actor, AggregateTypes.STAFF_USER);
        }

        @Override
        Role writeRole() {
            return Role.MANAGER;
        }

        @Override
        StaffUser prepare(Changes changes, StaffUser u, StaffUser stored) {
            if (!actor.isAtLeast(Role.ADMIN)) {
                // A MANAGER runs their own partner's team, but cannot create admins or move people between partners.
                if (!u.partner().equals(actor.partner()) || stored != null && !stored.partner().equals(actor.partner())) {
                    throw new AccessDeniedException(actor.name() + " (MANAGER) manages only the staff of their own partner");
                }
                if (u.role() == Role.ADMIN || stored != null && stored.role() == Role.ADMIN) {
                    throw new AccessDeniedException(actor.name() + " (MANAGER) may not grant or change the ADMIN role");
                }
            }
            if (changes.tx.partners().find(u.partner()).isEmpty()) {
                throw ValidationException.of("staffUser", "partner", "partner " + u.partner() + " does not exist");
            }
            if (stored != null && stored.id().equals(actor.user()) && (!u.active() || u.role() != stored.role())) {
                throw ValidationException.of("staffUser", "role", "you cannot disable yourself or change your own role");
            }
            return u;
        }
    }
}
