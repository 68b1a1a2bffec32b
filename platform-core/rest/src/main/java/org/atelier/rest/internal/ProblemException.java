package org.atelier.rest.internal;

/** An error a resource answers with directly: a status and a message for a person. */
final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String slug;
    final String title;
    final transient Object job;
    /** Response headers the problem carries, such as {@code Content-Range} on a 416. */
    final transient java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    ProblemException(int status, String slug, String title, String detail, Object job) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.job = job;
    }

    ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
