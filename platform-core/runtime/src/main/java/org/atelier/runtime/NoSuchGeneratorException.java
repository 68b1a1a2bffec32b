package org.atelier.runtime;

/** There is no generator at the address asked for. REST answers 404. */
public class NoSuchGeneratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param qualifiedId the address asked for, {@code vertical/id} */
    public NoSuchGeneratorException(String qualifiedId) {
        super("no generator " + qualifiedId);
    }
}
