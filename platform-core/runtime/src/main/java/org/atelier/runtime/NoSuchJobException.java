package org.atelier.runtime;

/** There is no job with the id asked for. REST answers 404. */
public class NoSuchJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param id the id asked for */
    public NoSuchJobException(String id) {
        super("no job " + id);
    }
}
