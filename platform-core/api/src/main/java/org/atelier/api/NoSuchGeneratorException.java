package org.atelier.api;

/**
 * There is no generator at the address asked for ({@code vertical/id}): none is installed, or it has been gone for
 * longer than the platform's grace period. Thrown by {@link GenerationContext#runGenerator} and
 * {@link Jobs#submit}; REST answers 404.
 *
 * @since 1.3
 */
public class NoSuchGeneratorException extends GeneratorException {

    private static final long serialVersionUID = 1L;

    private final String generator;

    /** @param generator the address asked for, {@code vertical/id} */
    public NoSuchGeneratorException(String generator) {
        super("no generator " + generator);
        this.generator = generator;
    }

    /** @return the address asked for, {@code vertical/id} */
    public String generator() {
        return generator;
    }
}
