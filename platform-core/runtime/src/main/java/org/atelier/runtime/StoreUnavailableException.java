package org.atelier.runtime;

/**
 * The platform's database is lost or closed and did not come back within a few attempts to reconnect. REST answers
 * 503 with Retry-After: the request may succeed once the database answers again.
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    /**
     * @param message what failed, in words a person can act on
     * @param retryAfterSeconds when a retry may find the database again
     * @param cause the database's last error
     */
    public StoreUnavailableException(String message, int retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds after which a retry may succeed */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
