package org.atelier.api;

/** There is no model with the id asked for. REST answers 404. */
public class NoSuchModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id asked for */
    public NoSuchModelException(String id) {
        super("no model " + id);
    }
}
