package org.sectorcrm.examples.attachments;

/**
 * An upload refused for what the file is, not for the request's fields: too large (413) or of a type that is not
 * allowed (415). Names the field the file came in ({@code file}) so that the API's problem+json and the web form say
 * which part of the request was refused.
 */
public final class UploadRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String field;

    private UploadRefusedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static UploadRefusedException tooLarge(String field, long limit) {
        return new UploadRefusedException(413, field, "is larger than the limit of " + limit + " bytes (" + AttachmentSettings.human(limit) + ")");
    }

    static UploadRefusedException typeNotAllowed(String field, String detected, java.util.Collection<String> allowed) {
        return new UploadRefusedException(415, field, "is " + detected + " by its content, which is not allowed (allowed: "
                + String.join(", ", new java.util.TreeSet<>(allowed)) + "); the file name does not decide the type");
    }

    public int status() {
        return status;
    }

    public String title() {
        return status == 413 ? "Content Too Large" : "Unsupported Media Type";
    }

    public String field() {
        return field;
    }
}
