package org.atelier.api;

/** Base of the errors a {@link Generator} may throw; the platform maps each subtype to a clear client error. */
public abstract class GeneratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for a person to read; it is shown to the caller */
    protected GeneratorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for a person to read; it is shown to the caller
     * @param cause the cause, logged but never shown to the caller
     */
    protected GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
