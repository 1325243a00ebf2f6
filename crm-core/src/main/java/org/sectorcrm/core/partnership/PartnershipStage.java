package org.sectorcrm.core.partnership;

import java.util.EnumSet;
import java.util.Set;

/**
 * The sector-partnership playbook: 1 building consensus among support partners → 2 organising an
 * industry-led launch → 3 launched → 4 organising the aftermath (action teams, early wins) → 5
 * implementing, then SUSTAINING. A partnership moves one stage along the playbook at a time, or to
 * DORMANT from any stage; a dormant partnership is revived at BUILDING_CONSENSUS or IMPLEMENTING.
 */
public enum PartnershipStage {
    BUILDING_CONSENSUS,
    ORGANIZING_LAUNCH,
    LAUNCHED,
    ORGANIZING_AFTERMATH,
    IMPLEMENTING,
    SUSTAINING,
    DORMANT;

    public Set<PartnershipStage> next() {
        return switch (this) {
            case BUILDING_CONSENSUS -> EnumSet.of(ORGANIZING_LAUNCH, DORMANT);
            case ORGANIZING_LAUNCH -> EnumSet.of(LAUNCHED, DORMANT);
            case LAUNCHED -> EnumSet.of(ORGANIZING_AFTERMATH, DORMANT);
            case ORGANIZING_AFTERMATH -> EnumSet.of(IMPLEMENTING, DORMANT);
            case IMPLEMENTING -> EnumSet.of(SUSTAINING, DORMANT);
            case SUSTAINING -> EnumSet.of(DORMANT);
            case DORMANT -> EnumSet.of(BUILDING_CONSENSUS, IMPLEMENTING);
        };
    }
}
