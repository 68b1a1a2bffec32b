package org.atelier.api.health;

/**
 * What a request needs is still starting (an engine at boot): REST answers 503 with {@code Retry-After}, never a
 * 4xx, since the caller did nothing wrong and the same request will succeed shortly.
 *
 * @since 1.0.0
 */
public class StartingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    /**
     * @param message what is starting and what it is needed for, for a person to read
     * @param retryAfterSeconds a hint for when to retry, at least 1
     */
    public StartingException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds after which a retry may succeed */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
