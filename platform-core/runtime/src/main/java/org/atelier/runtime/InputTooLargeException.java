package org.atelier.runtime;

/** The request body is over the generator's limit. REST answers 413. */
public class InputTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /** @param limit the limit in bytes */
    public InputTooLargeException(long limit) {
        super("request body is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    /** @return the limit in bytes */
    public long limit() {
        return limit;
    }
}
