package org.atelier.api;

/** Thrown by {@link GenerationContext#checkCancelled()} once the caller has cancelled the call. */
public class GenerationCancelledException extends GeneratorException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public GenerationCancelledException() {
        super("cancelled");
    }
}
