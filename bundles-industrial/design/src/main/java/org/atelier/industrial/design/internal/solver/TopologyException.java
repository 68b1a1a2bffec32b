package org.atelier.industrial.design.internal.solver;

/** A problem or a parameter that cannot be solved; {@link #field()} names the offending input. */
public class TopologyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public TopologyException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The input at fault, e.g. {@code volfrac}, {@code loads}, {@code supports}. */
    public String field() {
        return field;
    }
}
