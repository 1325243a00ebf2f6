package org.sectorcrm.core;

/**
 * The operations one staff user may perform, from {@link Crm#as}. Reads need any role (VIEWERs see contact PII
 * masked); writes need STAFF; reference data needs ADMIN. Note visibility is enforced for every role.
 */
public final class CrmSession {
    private final Crm crm;
    private final Actor actor;

    CrmSession(Crm crm, Actor actor) {
        this.crm = crm;
        this.actor = actor;
    }

    public Actor actor() {
        return actor;
    }

    public EmployerOperations employers() {
        return new EmployerOperations(crm, actor);
    }

    public ContactOperations contacts() {
        return new ContactOperations(crm, actor);
    }

    public EngagementOperations engagements() {
        return new EngagementOperations(crm, actor);
    }

    public NeedOperations needs() {
        return new NeedOperations(crm, actor);
    }

    public SolutionOperations solutions() {
        return new SolutionOperations(crm, actor);
    }

    public PartnershipOperations partnerships() {
        return new PartnershipOperations(crm, actor);
    }

    public ReferralOperations referrals() {
        return new ReferralOperations(crm, actor);
    }

    public OutcomeOperations outcomes() {
        return new OutcomeOperations(crm, actor);
    }

    public FeedbackOperations feedback() {
        return new FeedbackOperations(crm, actor);
    }

    public AppointmentOperations appointments() {
        return new AppointmentOperations(crm, actor);
    }

    /** Files attached to employers, engagements, referrals and other records (metadata; content in a content store). @since 2 */
    public AttachmentOperations attachments() {
        return new AttachmentOperations(crm, actor);
    }

    /** Messages on referrals, with read state and unread counts. @since 2 */
    public MessageOperations messages() {
        return new MessageOperations(crm, actor);
    }

    /** The actor's own read markers (moved by {@link MessageOperations#markRead}). @since 2 */
    public ReadMarkerOperations readMarkers() {
        return new ReadMarkerOperations(crm, actor);
    }

    public ReferenceDataOperations reference() {
        return new ReferenceDataOperations(crm, actor);
    }

    /** The accountability reports (ESE) and the establishment counts they divide by. @since 2 */
    public ReportOperations reports() {
        return new ReportOperations(crm, actor);
    }

    /** Duplicate employers: the scan with remembered reviews, merge and unmerge. @since 2 */
    public DedupeOperations dedupe() {
        return new DedupeOperations(crm, actor);
    }

    public AuditOperations audit() {
        return new AuditOperations(crm, actor);
    }
}
