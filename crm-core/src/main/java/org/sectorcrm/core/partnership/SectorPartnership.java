package org.sectorcrm.core.partnership;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.Limits;
import org.sectorcrm.core.Stamp;
import org.sectorcrm.core.employer.EmployerId;
import org.sectorcrm.core.internal.Check;
import org.sectorcrm.core.internal.Transitions;
import org.sectorcrm.core.reference.PartnerId;
import org.sectorcrm.core.reference.RegionCode;
import org.sectorcrm.core.reference.SectorCode;

/**
 * An industry-led partnership of employers in one sector and region, convened by a credible
 * intermediary (a partner) and supported by others. May be created at any stage (imports of existing
 * partnerships) and then moves only along the playbook ({@link PartnershipStage}). Commitments come
 * from members only.
 */
public record SectorPartnership(PartnershipId id, Stamp stamp, String name, RegionCode region, SectorCode sector, PartnerId convener,
        PartnershipStage stage, List<Member> members, Set<PartnerId> supportPartners, List<Priority> priorities,
        List<ActionTeam> actionTeams, List<Commitment> commitments) implements Aggregate<PartnershipId> {
    public SectorPartnership {
        Check c = Check.of("partnership").text("name", name, Limits.NAME).require("region", region).require("sector", sector)
                .require("convener", convener).require("stage", stage);
        members = c.list("members", members);
        supportPartners = c.idSet("supportPartners", supportPartners);
        priorities = c.list("priorities", priorities);
        actionTeams = c.list("actionTeams", actionTeams);
        commitments = c.list("commitments", commitments);
        Set<EmployerId> memberIds = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            c.that(memberIds.add(members.get(i).employer()), "members[" + i + "].employer", "is a member twice");
        }
        for (int i = 0; i < commitments.size(); i++) {
            c.that(memberIds.contains(commitments.get(i).member()), "commitments[" + i + "].member", "is not a member of the partnership");
        }
        c.throwIfInvalid();
    }

    public static SectorPartnership convened(String name, RegionCode region, SectorCode sector, PartnerId convener) {
        return new SectorPartnership(null, null, name, region, sector, convener, PartnershipStage.BUILDING_CONSENSUS,
                List.of(), Set.of(), List.of(), List.of(), List.of());
    }

    /** Moves one stage along the playbook, or to DORMANT; refuses skipping stages. */
    public SectorPartnership advanceTo(PartnershipStage to) {
        Transitions.require("partnership", "stage", stage, to, stage.next());
        return new SectorPartnership(id, stamp, name, region, sector, convener, to, members, supportPartners, priorities, actionTeams, commitments);
    }

    public boolean hasMember(EmployerId employer) {
        return members.stream().anyMatch(m -> m.employer().equals(employer));
    }

    public SectorPartnership withId(PartnershipId id) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withStamp(Stamp stamp) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withStage(PartnershipStage stage) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withMembers(List<Member> members) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withSupportPartners(Set<PartnerId> supportPartners) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withPriorities(List<Priority> priorities) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withActionTeams(List<ActionTeam> actionTeams) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }

    public SectorPartnership withCommitments(List<Commitment> commitments) {
        return new SectorPartnership(id, stamp, name, region, sector, convener, stage, members, supportPartners, priorities, actionTeams, commitments);
    }
}
