package org.sectorcrm.core.contact;

/** A way of reaching a contact that they agreed to. */
public enum ConsentChannel {
    EMAIL,
    PHONE,
    SMS,
    MAIL
}
