package org.sectorcrm.core.contact;

/** What a person does in the employer relationship. */
public enum ContactRole {
    CHAMPION,
    DECISION_MAKER,
    HR,
    HIRING_MANAGER,
    TRAINING_MANAGER,
    OPERATIONS,
    EXECUTIVE,
    OTHER
}
