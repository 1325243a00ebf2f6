package org.sectorcrm.core.reference;

public enum RegionKind {
    ECONOMIC_DEVELOPMENT_REGION,
    LOCAL_WORKFORCE_AREA,
    OTHER
}
