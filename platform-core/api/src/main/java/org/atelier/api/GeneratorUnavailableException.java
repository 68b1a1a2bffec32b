package org.atelier.api;

/**
 * The generator asked for is leaving or has just left (its bundle is being stopped or updated) and may come back;
 * retry after {@link #retryAfterSeconds()}. Thrown by {@link GenerationContext#runGenerator} and
 * {@link Jobs#submit}; REST answers 503 with {@code Retry-After}.
 *
 * @since 1.3
 */
public class GeneratorUnavailableException extends GeneratorException {

    private static final long serialVersionUID = 1L;

    private final String generator;
    private final int retryAfterSeconds;

    /**
     * @param generator the generator, {@code vertical/id}
     * @param retryAfterSeconds when a retry may find it again, at least 1
     */
    public GeneratorUnavailableException(String generator, int retryAfterSeconds) {
        super("generator " + generator + " is being replaced or stopped; retry later");
        this.generator = generator;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return the generator, {@code vertical/id} */
    public String generator() {
        return generator;
    }

    /** @return seconds after which a retry may succeed */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
