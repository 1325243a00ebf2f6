package org.sectorcrm.core.partnership;

/** An employer's part in a partnership. Partnerships are industry-led: champions chair them. */
public enum MemberRole {
    CHAIR,
    CHAMPION,
    MEMBER
}
