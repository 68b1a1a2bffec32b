package org.atelier.runtime;

/** The generator is leaving or has just left (a bundle stop or update). REST answers 503 with Retry-After. */
public class GeneratorUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int retryAfterSeconds;

    /**
     * @param qualifiedId the generator, {@code vertical/id}
     * @param retryAfterSeconds when a retry may find it again
     */
    public GeneratorUnavailableException(String qualifiedId, int retryAfterSeconds) {
        super("generator " + qualifiedId + " is being replaced or stopped; retry later");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return seconds after which a retry may succeed */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
