package org.atelier.api.health;

import org.atelier.api.GeneratorException;

/**
 * What a request needs is still starting (an engine at boot): REST answers 503 with {@code Retry-After}, never a
 * 4xx, since the caller did nothing wrong and the same request will succeed shortly. A generator that meets it (or
 * throws it) ends its job failed with this message; a call that waits for its result answers 503 the same way.
 *
 * @since 1.0.0
 */
public class StartingException extends GeneratorException {

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
