package org.atelier.industrial.design.internal.solver;

/** A problem or a parameter that cannot be solved; {@link #field()} names the offending input. */
public class TopologyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String detail;

    public TopologyException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
        this.detail = message;
    }

    /** What is wrong, without the field's name (for an error that names the field apart). */
    public String detail() {
        return detail;
    }

    /** The input at fault, e.g. {@code volfrac}, {@code loads}, {@code supports}. */
    public String field() {
        return field;
    }
}
