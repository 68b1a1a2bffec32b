package org.atelier.medical.voice.internal.store;

/** A configured limit would be passed (too many profiles, boards, phrases); the caller gets a 409 naming it. */
public final class LimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LimitException(String message) {
        super(message);
    }
}
