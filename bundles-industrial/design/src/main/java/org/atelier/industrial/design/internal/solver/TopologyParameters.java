package org.atelier.industrial.design.internal.solver;

/**
 * The parameters of a run, with top88's names and meaning where top88 has them.
 *
 * @param volfrac the volume fraction allowed, in (0, 1), of the whole domain (passive solid counts)
 * @param penal the SIMP penalisation exponent
 * @param rmin the filter radius in elements
 * @param filter sensitivity (top88 ft=1), density (ft=2) or heaviside (ft=3)
 * @param optimizer OC or MMA
 * @param maxIterations the most iterations (top88: 2000)
 * @param changeTolerance stop when the largest density change is at most this (top88: 0.01)
 * @param move the move limit of OC (top88: 0.2) and of MMA
 * @param betaMax heaviside: beta doubles up to this (top88: 512)
 * @param betaInterval heaviside: beta doubles at the latest after this many iterations (top88: 50)
 * @param solver the linear solver; AUTO picks by size
 * @param directDofLimit AUTO: Cholesky up to this many dofs in 2D, multigrid-CG above
 * @param directDofLimit3d the same in 3D (fill-in grows faster there)
 * @param cgTolerance relative residual at which multigrid-CG stops
 * @param maxCgIterations the most CG iterations per solve
 * @param coarseDofs multigrid: coarsen until a level has at most this many dofs, then solve it directly
 * @param parallelism threads for assembly, solves, filters and sensitivities
 * @param elementLimit the largest element count accepted
 * @param continuation grid continuation: optimise the problem on coarser grids first (each halving nelx, nely, nelz
 *        and rmin), start each finer grid from the coarser design interpolated; off by default (top88 exact)
 * @param continuationElements continuation: halve while a grid has more elements than this (and even sizes)
 * @param continuationTolerance continuation: the change tolerance of the coarser grids (the finest uses
 *        {@code changeTolerance})
 */
public record TopologyParameters(
        double volfrac, double penal, double rmin, FilterType filter, OptimizerType optimizer,
        int maxIterations, double changeTolerance, double move, double betaMax, int betaInterval,
        SolverType solver, int directDofLimit, int directDofLimit3d, double cgTolerance, int maxCgIterations,
        int coarseDofs, int parallelism, int elementLimit, boolean continuation, int continuationElements,
        double continuationTolerance) {

    public static Builder builder() {
        return new Builder();
    }

    /** top88's call parameters: {@code top88(nelx, nely, volfrac, penal, rmin, ft)}. */
    public static TopologyParameters top88(double volfrac, double penal, double rmin, int ft) {
        FilterType f = switch (ft) {
            case 1 -> FilterType.SENSITIVITY;
            case 2 -> FilterType.DENSITY;
            case 3 -> FilterType.HEAVISIDE;
            default -> throw new TopologyException("filter", "ft must be 1, 2 or 3, not " + ft);
        };
        return builder().volfrac(volfrac).penal(penal).rmin(rmin).filter(f).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.volfrac = volfrac;
        b.penal = penal;
        b.rmin = rmin;
        b.filter = filter;
        b.optimizer = optimizer;
        b.maxIterations = maxIterations;
        b.changeTolerance = changeTolerance;
        b.move = move;
        b.betaMax = betaMax;
        b.betaInterval = betaInterval;
        b.solver = solver;
        b.directDofLimit = directDofLimit;
        b.directDofLimit3d = directDofLimit3d;
        b.cgTolerance = cgTolerance;
        b.maxCgIterations = maxCgIterations;
        b.coarseDofs = coarseDofs;
        b.parallelism = parallelism;
        b.elementLimit = elementLimit;
        b.continuation = continuation;
        b.continuationElements = continuationElements;
        b.continuationTolerance = continuationTolerance;
        return b;
    }

    /** Checks every value, naming the field at fault. */
    void validate() {
        check(volfrac > 0 && volfrac < 1, "volfrac", "must be in (0, 1), not " + volfrac);
        check(penal >= 1 && penal <= 10, "penal", "must be in [1, 10], not " + penal);
        check(rmin > 0 && rmin <= 100, "rmin", "must be in (0, 100], not " + rmin);
        check(filter != null, "filter", "is missing");
        check(optimizer != null, "optimizer", "is missing");
        check(solver != null, "solver", "is missing");
        check(maxIterations >= 1, "maxIterations", "must be at least 1, not " + maxIterations);
        check(changeTolerance > 0, "changeTolerance", "must be positive, not " + changeTolerance);
        check(move > 0 && move <= 1, "move", "must be in (0, 1], not " + move);
        check(betaMax >= 1, "betaMax", "must be at least 1, not " + betaMax);
        check(betaInterval >= 1, "betaInterval", "must be at least 1, not " + betaInterval);
        check(cgTolerance > 0 && cgTolerance < 1, "cgTolerance", "must be in (0, 1), not " + cgTolerance);
        check(maxCgIterations >= 1, "maxCgIterations", "must be at least 1, not " + maxCgIterations);
        check(coarseDofs >= 1, "coarseDofs", "must be at least 1, not " + coarseDofs);
        check(parallelism >= 1, "parallelism", "must be at least 1, not " + parallelism);
        check(elementLimit >= 1, "elementLimit", "must be at least 1, not " + elementLimit);
        check(continuationElements >= 1, "continuationElements", "must be at least 1, not " + continuationElements);
        check(continuationTolerance > 0, "continuationTolerance", "must be positive, not " + continuationTolerance);
    }

    static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new TopologyException(field, message);
        }
    }

    /** Builds parameters from top88's defaults (volfrac 0.5, penal 3, rmin 1.5, sensitivity filter, OC). */
    public static final class Builder {
        private double volfrac = 0.5;
        private double penal = 3;
        private double rmin = 1.5;
        private FilterType filter = FilterType.SENSITIVITY;
        private OptimizerType optimizer = OptimizerType.OC;
        private int maxIterations = 2000;
        private double changeTolerance = 0.01;
        private double move = 0.2;
        private double betaMax = 512;
        private int betaInterval = 50;
        private SolverType solver = SolverType.AUTO;
        private int directDofLimit = 10_000;
        private int directDofLimit3d = 3_000;
        private double cgTolerance = 1e-5;
        private int maxCgIterations = 1000;
        private int coarseDofs = 5_000;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private int elementLimit = 2_000_000;
        private boolean continuation;
        private int continuationElements = 20_000;
        private double continuationTolerance = 0.01;

        public Builder volfrac(double v) { volfrac = v; return this; }

        public Builder penal(double v) { penal = v; return this; }

        public Builder rmin(double v) { rmin = v; return this; }

        public Builder filter(FilterType v) { filter = v; return this; }

        public Builder optimizer(OptimizerType v) { optimizer = v; return this; }

        public Builder maxIterations(int v) { maxIterations = v; return this; }

        public Builder changeTolerance(double v) { changeTolerance = v; return this; }

        public Builder move(double v) { move = v; return this; }

        public Builder betaMax(double v) { betaMax = v; return this; }

        public Builder betaInterval(int v) { betaInterval = v; return this; }

        public Builder solver(SolverType v) { solver = v; return this; }

        public Builder directDofLimit(int v) { directDofLimit = v; return this; }

        public Builder directDofLimit3d(int v) { directDofLimit3d = v; return this; }

        public Builder cgTolerance(double v) { cgTolerance = v; return this; }

        public Builder maxCgIterations(int v) { maxCgIterations = v; return this; }

        public Builder coarseDofs(int v) { coarseDofs = v; return this; }

        public Builder parallelism(int v) { parallelism = v; return this; }

        public Builder elementLimit(int v) { elementLimit = v; return this; }

        public Builder continuation(boolean v) { continuation = v; return this; }

        public Builder continuationElements(int v) { continuationElements = v; return this; }

        public Builder continuationTolerance(double v) { continuationTolerance = v; return this; }

        public TopologyParameters build() {
            return new TopologyParameters(volfrac, penal, rmin, filter, optimizer, maxIterations, changeTolerance,
                    move, betaMax, betaInterval, solver, directDofLimit, directDofLimit3d, cgTolerance,
                    maxCgIterations, coarseDofs, parallelism, elementLimit, continuation, continuationElements,
                    continuationTolerance);
        }
    }
}
