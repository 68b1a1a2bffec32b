package org.atelier.api;

/** The model exists but cannot serve now: it failed to load, or it is leaving. REST answers 503. */
public class ModelUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why, for a person to read */
    public ModelUnavailableException(String message) {
        super(message);
    }
}
