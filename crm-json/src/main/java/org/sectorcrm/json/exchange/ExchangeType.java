package org.sectorcrm.json.exchange;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.sectorcrm.core.Aggregate;
import org.sectorcrm.core.contact.Contact;
import org.sectorcrm.core.employer.Employer;
import org.sectorcrm.core.engagement.Engagement;
import org.sectorcrm.core.feedback.Feedback;
import org.sectorcrm.core.need.BusinessNeed;
import org.sectorcrm.core.outcome.OutcomeMeasure;
import org.sectorcrm.core.partnership.SectorPartnership;
import org.sectorcrm.core.reference.Partner;
import org.sectorcrm.core.reference.Region;
import org.sectorcrm.core.reference.Sector;
import org.sectorcrm.core.reference.StaffUser;
import org.sectorcrm.core.referral.Referral;
import org.sectorcrm.core.solution.Solution;

/**
 * The kinds of records an exchange file holds, in <em>export order</em>: every kind comes after the kinds its
 * records refer to (reference data, then employers, then the records about employers), so that an import can
 * insert a full export line by line without dangling references. {@link #key()} is the {@code "type"} of a line.
 */
public enum ExchangeType {
    REGION("region", Region.class),
    SECTOR("sector", Sector.class),
    PARTNER("partner", Partner.class),
    /** Refers to its partner. */
    STAFF_USER("staffUser", StaffUser.class),
    EMPLOYER("employer", Employer.class),
    /** Refers to its employer. */
    CONTACT("contact", Contact.class),
    /** Refers to region, sector, partners, member employers and action-team chairs (contacts). */
    PARTNERSHIP("partnership", SectorPartnership.class),
    /** Refers to an employer and optionally a partnership. */
    NEED("need", BusinessNeed.class),
    /** Refers to an employer, partnership, contacts and needs. */
    ENGAGEMENT("engagement", Engagement.class),
    /** Refers to needs, an employer or partnership, and partners. */
    SOLUTION("solution", Solution.class),
    /** Refers to partners, an employer, and optionally a partnership and a need. */
    REFERRAL("referral", Referral.class),
    /** Refers to an employer and optionally a solution. */
    OUTCOME("outcome", OutcomeMeasure.class),
    /** Refers to an employer and an engagement or solution. */
    FEEDBACK("feedback", Feedback.class);

    private final String key;
    private final Class<? extends Aggregate<?>> recordClass;

    ExchangeType(String key, Class<? extends Aggregate<?>> recordClass) {
        this.key = key;
        this.recordClass = recordClass;
    }

    /** The {@code "type"} written on each line. */
    public String key() {
        return key;
    }

    public Class<? extends Aggregate<?>> recordClass() {
        return recordClass;
    }

    public static Optional<ExchangeType> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /** The type of a record, or an {@link IllegalArgumentException} for a class that is not exchanged (e.g. an audit entry). */
    public static ExchangeType of(Aggregate<?> record) {
        return Arrays.stream(values()).filter(t -> t.recordClass == record.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(record.getClass().getName() + " is not a record of the exchange format"));
    }

    /** {@code region, sector, ...} for messages. */
    static String keys() {
        return Arrays.stream(values()).map(ExchangeType::key).collect(Collectors.joining(", "));
    }
}
