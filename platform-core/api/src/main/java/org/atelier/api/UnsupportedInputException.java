package org.atelier.api;

/** The input is valid but asks for something this generator cannot do (a language it does not speak, say). */
public class UnsupportedInputException extends GeneratorException {

    private static final long serialVersionUID = 1L;

    /** @param message what is not supported, for a person to read */
    public UnsupportedInputException(String message) {
        super(message);
    }
}
