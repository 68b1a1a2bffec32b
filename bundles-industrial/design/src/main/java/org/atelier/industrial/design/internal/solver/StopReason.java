package org.atelier.industrial.design.internal.solver;

/** Why the optimisation loop ended. */
public enum StopReason {
    /** The largest density change fell to the tolerance. */
    CONVERGED,
    /** maxIterations were done. */
    MAX_ITERATIONS,
    /** The cancellation check said so; the result is the design of the last finished iteration. */
    CANCELLED
}
