package org.atelier.runtime;

/**
 * There is no generator at the address asked for. REST answers 404. The API's type, which partners see from
 * {@code runGenerator} and {@code Jobs}; kept here for the platform's own callers.
 */
public class NoSuchGeneratorException extends org.atelier.api.NoSuchGeneratorException {

    private static final long serialVersionUID = 1L;

    /** @param qualifiedId the address asked for, {@code vertical/id} */
    public NoSuchGeneratorException(String qualifiedId) {
        super(qualifiedId);
    }
}
