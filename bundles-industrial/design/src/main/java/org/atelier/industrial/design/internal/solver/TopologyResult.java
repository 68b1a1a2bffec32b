package org.atelier.industrial.design.internal.solver;

/**
 * The outcome of a run. {@code densities} are the final physical densities in element order
 * ({@code e = ely + elx*nely + elz*nelx*nely}, rows from the top); {@code compliance} is that of the last analysed
 * design (as top88 prints it); histories have one entry per iteration; {@code solverIterations} counts the CG
 * iterations of all solves (0 for Cholesky).
 */
public record TopologyResult(
        int nelx, int nely, int nelz,
        double[] densities,
        double compliance,
        double volume,
        int iterations,
        double secondsPerIteration,
        double[] complianceHistory,
        double[] volumeHistory,
        double[] changeHistory,
        StopReason stopReason,
        String solver,
        long solverIterations) {

    /** The density of element (elx, ely[, elz]). */
    public double density(int elx, int ely, int elz) {
        return densities[ely + elx * nely + elz * nelx * nely];
    }
}
