package org.atelier.api;

/** The work cannot be taken now; the caller should retry after the given delay. The caller gets a 429. */
public class OverloadedException extends GeneratorException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    /**
     * @param message what is saturated, for a person to read
     * @param retryAfterSeconds a hint for when to retry, at least 1
     */
    public OverloadedException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds after which a retry may succeed */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
