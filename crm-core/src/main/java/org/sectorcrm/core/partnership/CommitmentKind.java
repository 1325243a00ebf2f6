package org.sectorcrm.core.partnership;

public enum CommitmentKind {
    TIME,
    IN_KIND,
    FINANCIAL
}
