package org.sectorcrm.core.contact;

/**
 * A contact as one reader may see it. For STAFF and above {@code email} and {@code phone} are in the
 * clear; for VIEWERs they are masked ({@code j***@example.com}, {@code (***) ***-0142}) and the
 * contained {@link #contact()} has no e-mail or phone at all, so the PII cannot leak through it.
 */
public record ContactView(Contact contact, String email, String phone, boolean masked) {

    public static ContactView clear(Contact contact) {
        return new ContactView(contact, contact.email() == null ? null : contact.email().value(),
                contact.phone() == null ? null : contact.phone().formatted(), false);
    }

    public static ContactView masked(Contact contact) {
        return new ContactView(contact.withEmail(null).withPhone(null), contact.email() == null ? null : contact.email().masked(),
                contact.phone() == null ? null : contact.phone().masked(), true);
    }
}
