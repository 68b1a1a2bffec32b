package org.atelier.runtime;

/**
 * The generator is leaving or has just left (a bundle stop or update). REST answers 503 with Retry-After. The API's
 * type, which partners see from {@code runGenerator} and {@code Jobs}; kept here for the platform's own callers.
 */
public class GeneratorUnavailableException extends org.atelier.api.GeneratorUnavailableException {

    private static final long serialVersionUID = 1L;

    /**
     * @param qualifiedId the generator, {@code vertical/id}
     * @param retryAfterSeconds when a retry may find it again
     */
    public GeneratorUnavailableException(String qualifiedId, int retryAfterSeconds) {
        super(qualifiedId, retryAfterSeconds);
    }
}
