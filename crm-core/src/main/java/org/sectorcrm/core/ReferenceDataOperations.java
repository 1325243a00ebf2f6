package org.sectorcrm.core;

import java.util.List;
import java.util.UUID;

import org.sectorcrm.core.employer.EmployerFilter;
import org.sectorcrm.core.partnership.PartnershipFilter;
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

        /**
         * A region that employers, partners or partnerships still name cannot be deleted: their region would point at
         * nothing and the reports by region would lose them without a word. Rename it, or move those records first.
         */
        @Override
        void checkDelete(Changes changes, Region stored) {
            RegionCode code = stored.id();
            refuseWhileUsed("region", code, java.util.Arrays.asList(
                    used("employer", changes.tx.employers().count(EmployerFilter.ALL.withRegion(code))),
                    used("partner", changes.tx.partners().count(new PartnerFilter(null, code, null))),
                    used("partnership", changes.tx.partnerships().count(new PartnershipFilter(code, null, null, null, null)))));
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

        /** As for regions: a sector employers or partnerships still name stays until they are moved. */
        @Override
        void checkDelete(Changes changes, Sector stored) {
            SectorCode code = stored.id();
            refuseWhileUsed("sector", code, java.util.Arrays.asList(
                    used("employer", changes.tx.employers().count(EmployerFilter.ALL.withSector(code))),
                    used("partnership", changes.tx.partnerships().count(new PartnershipFilter(null, code, null, null, null)))));
        }
    }

    private static String used(String type, long count) {
        return count == 0 ? null : count + " " + type + (count == 1 ? "" : "s");
    }

    private static void refuseWhileUsed(String type, Object code, List<String> uses) {
        List<String> named = uses.stream().filter(java.util.Objects::nonNull).toList();
        if (!named.isEmpty()) {
            throw new ConflictException(type, code, null, type + " " + code + " is still named by " + String.join(" and ", named)
                    + "; move them to another " + type + " first, or rename this one instead of deleting it");
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
            requireUniqueName(changes, p);
            return p;
        }

        /**
         * Two partners of one name cannot be told apart in a referral's "to" list, a report or an e-mail, so a second one
         * is refused. Names compare as people read them: case, accents' composition (NFKC) and runs of blanks aside.
         * Partners are few (tens), so the check reads them all.
         */
        private static void requireUniqueName(Changes changes, Partner p) {
            String key = nameKey(p.name());
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<Partner> batch = changes.tx.partners().query(PartnerFilter.ALL, page);
                for (Partner other : batch.items()) {
                    if (!other.id().equals(p.id()) && nameKey(other.name()).equals(key)) {
                        throw new ConflictException("partner", other.id(), null, "partner " + other.id() + " is already named '" + other.name()
                                + "'; give this partner another name");
                    }
                }
                if (!batch.hasNext()) {
                    return;
                }
                page = PageRequest.after(batch.nextCursor(), PageRequest.MAX_LIMIT);
            }
        }

        private static String nameKey(String name) {
            return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                    .toLowerCase(java.util.Locale.ROOT);
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

        /**
         * A staff user's partner never changes: their PRIVATE and PARTNER notes, their sessions and tokens all belong
         * to the partner they were made for, and moving oneself (or a friend) to another partner and back would read
         * that partner's notes. Someone who changes employer gets a new staff user at the new partner.
         */
        @Override
        StaffUser prepare(Changes changes, StaffUser u, StaffUser stored) {
            if (stored != null && !u.partner().equals(stored.partner())) {
                throw ValidationException.of("staffUser", "partner", "a staff user's partner never changes; add a new staff user at partner "
                        + u.partner() + " (and disable this one)");
            }
            requireManages(u);
            if (stored != null) {
                requireManages(stored);
            }
            if (changes.tx.partners().find(u.partner()).isEmpty()) {
                throw ValidationException.of("staffUser", "partner", "partner " + u.partner() + " does not exist");
            }
            if (stored != null && stored.id().equals(actor.user()) && (!u.active() || u.role() != stored.role())) {
                throw ValidationException.of("staffUser", "role", "you cannot disable yourself or change your own role");
            }
            if (stored != null && isActiveAdmin(stored) && !isActiveAdmin(u)) {
                requireAnotherActiveAdmin(changes, stored);
            }
            return u;
        }

        /** Deleting follows the rules of editing (and of disabling): a MANAGER only their own partner's non-admins, never oneself or the last ADMIN. */
        @Override
        void checkDelete(Changes changes, StaffUser stored) {
            requireManages(stored);
            if (stored.id().equals(actor.user())) {
                throw ValidationException.of("staffUser", "id", "you cannot delete yourself");
            }
            if (isActiveAdmin(stored)) {
                requireAnotherActiveAdmin(changes, stored);
            }
        }

        /** A MANAGER runs their own partner's team, but cannot touch admins or anyone of another partner. */
        private void requireManages(StaffUser u) {
            if (actor.isAtLeast(Role.ADMIN)) {
                return;
            }
            if (!u.partner().equals(actor.partner())) {
                throw new AccessDeniedException(actor.name() + " (MANAGER) manages only the staff of their own partner");
            }
            if (u.role() == Role.ADMIN) {
                throw new AccessDeniedException(actor.name() + " (MANAGER) may not grant or change the ADMIN role");
            }
        }

        private static boolean isActiveAdmin(StaffUser u) {
            return u.active() && u.role() == Role.ADMIN;
        }

        /**
         * Somebody must remain who can manage partners and admins: the last active ADMIN is neither demoted, disabled nor
         * deleted. The check alone is not enough under concurrency: when the only two admins demote each other at once,
         * each transaction sees the other still active (READ COMMITTED on PostgreSQL, a snapshot on MariaDB) and both
         * would commit. So the admin this write relies on is re-saved with the next version in the same transaction: a
         * concurrent write that would remove that admin now collides with it (a version conflict, or a deadlock the
         * database breaks), and one of the two fails with a ConflictException, as a lost update would. The cost is one
         * extra row write when an admin leaves, and that admin's version (ETag) moves on; no audit entry or event, since
         * nothing about them changed.
         */
        private static void requireAnotherActiveAdmin(Changes changes, StaffUser leaving) {
            PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
            while (true) {
                Page<StaffUser> active = changes.tx.staffUsers().query(new StaffUserFilter(null, null, true), page);
                java.util.Optional<StaffUser> remaining = active.items().stream()
                        .filter(u -> u.role() == Role.ADMIN && !u.id().equals(leaving.id())).findFirst();
                if (remaining.isPresent()) {
                    StaffUser kept = remaining.get();
                    changes.tx.staffUsers().save(kept.withStamp(kept.stamp().next(changes.now)), kept.stamp().version());
                    return;
                }
                if (!active.hasNext()) {
                    throw new ConflictException("staffUser", leaving.id(), null, leaving.name() + " is the last active ADMIN; make another ADMIN first");
                }
                page = PageRequest.after(active.nextCursor(), PageRequest.MAX_LIMIT);
            }
        }
    }
}
