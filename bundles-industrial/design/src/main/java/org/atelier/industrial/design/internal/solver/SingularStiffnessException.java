package org.atelier.industrial.design.internal.solver;

/** The stiffness matrix is singular or indefinite: the structure can move without deforming. */
public final class SingularStiffnessException extends TopologyException {
    private static final long serialVersionUID = 1L;

    public SingularStiffnessException(String message) {
        super("supports", message);
    }
}
