package org.atelier.industrial.design.internal.solver;

/** Solves K(x) u = f for the current element moduli; one instance per optimisation run. */
interface StiffnessSolver {
    /** Sets the element moduli E_e (element order) and prepares the solves (factorisation, coarse levels). */
    void update(double[] moduli);

    /** Solves for u; u holds a start guess on entry (iterative solvers use it), the solution on return. */
    void solve(double[] f, double[] u);

    /** The total iterations of the inner solver so far (0 for a direct solver). */
    default long innerIterations() {
        return 0;
    }
}
