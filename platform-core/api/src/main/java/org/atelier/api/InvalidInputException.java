package org.atelier.api;

import java.util.List;
import java.util.Objects;

/** The input cannot be used; names every offending field. The caller gets a 400. */
public class InvalidInputException extends GeneratorException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /** @param errors the offending fields, at least one */
    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * @param field the offending field as a JSON path without the leading {@code $.}, e.g. {@code loads[0].x}
     * @param message what is wrong with it
     */
    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** @return the offending fields */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("at least one field error is needed");
        }
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return (first.field().isEmpty() ? "" : first.field() + ": ") + first.message() + more;
    }

    /** One offending field. */
    public static final class FieldError {
        private final String field;
        private final String message;

        /**
         * @param field JSON path of the field, empty for the body as a whole
         * @param message what is wrong with it
         */
        public FieldError(String field, String message) {
            this.field = Objects.requireNonNull(field, "field");
            this.message = Objects.requireNonNull(message, "message");
        }

        /** @return the JSON path of the field, empty for the body as a whole */
        public String field() {
            return field;
        }

        /** @return what is wrong with it */
        public String message() {
            return message;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FieldError f && f.field.equals(field) && f.message.equals(message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, message);
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
