package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Minimum compliance under a volume constraint with SIMP: top88's loop (Andreassen et al. 2011) generalised to 3D,
 * several load cases, passive regions, symmetry, MMA and a multigrid-CG solver. With the sensitivity filter, OC, no
 * passive elements and the direct solver it does top88's arithmetic step by step.
 */
public final class TopologyOptimizer {
    private TopologyOptimizer() {
    }

    /**
     * Runs the optimisation. The listener is told after every iteration; {@code cancelled} is asked before every
     * iteration and after each analysis, so a cancel stops the run within one iteration with the last design.
     *
     * @throws TopologyException for an invalid problem or parameter, naming the field at fault; a
     *         {@link SingularStiffnessException} when the supports cannot hold the structure
     */
    public static TopologyResult run(TopologyProblem problem, TopologyParameters params, IterationListener listener,
            BooleanSupplier cancelled) {
        return run(problem, params, null, listener, cancelled);
    }

    /**
     * Runs the optimisation from an initial design ({@code null}: top88's uniform start): design variables in element
     * order, clamped to [0.001, 1]; passive elements keep their values (1 solid, 0 void) whatever {@code initial}
     * holds; the active ones are scaled (then clamped) so that the volume constraint holds at the start.
     *
     * <p>With {@link TopologyParameters#continuation()} the problem is first optimised on coarser grids (each
     * halving nelx, nely, nelz and rmin, not below 1.5 or the given rmin; while a grid has more than
     * {@code continuationElements} elements and even sizes; coarser grids stop at {@code continuationTolerance}),
     * each grid starting from the coarser design interpolated; the listener hears every grid's iterations (numbered
     * from 1 on each, announced by {@link IterationListener#level}); the result's iterations, histories and seconds
     * per iteration are those of the finest grid only. A cancel on a coarser grid returns the coarser design
     * interpolated onto the problem's grid, with the metrics and history of that grid's iterations (of the grid
     * before when it was cancelled before its first iteration); the compliance is NaN only when no iteration ran at
     * all. Given an initial design, no coarser grid is used.
     *
     * @throws TopologyException also for an initial design of the wrong length (field {@code initial})
     */
    public static TopologyResult run(TopologyProblem problem, TopologyParameters params, double[] initial,
            IterationListener listener, BooleanSupplier cancelled) {
        params.validate();
        problem.validate(params);
        TopologyParameters.check(initial == null || initial.length == problem.grid().elementCount(), "initial",
                "the initial design must have one value per element (" + problem.grid().elementCount() + ")");
        IterationListener tell = listener == null ? IterationListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        try (Parallel par = new Parallel(params.parallelism())) {
            if (params.continuation()) {
                return continuation(problem, params, initial, tell, stop, par);
            }
            return new Run(problem, params, par).loop(tell, stop, initial);
        }
    }

    private static TopologyResult continuation(TopologyProblem problem, TopologyParameters params, double[] initial,
            IterationListener listener, BooleanSupplier cancelled, Parallel par) {
        List<TopologyProblem> grids = new ArrayList<>();
        List<TopologyParameters> settings = new ArrayList<>();
        grids.add(problem);
        settings.add(params);
        double rminFloor = Math.min(params.rmin(), 1.5);
        while (initial == null && grids.size() < 16) {
            TopologyProblem last = grids.get(grids.size() - 1);
            if (last.grid().elementCount() <= params.continuationElements() || !GridContinuation.halvable(last.grid())) {
                break;
            }
            TopologyParameters p = params.toBuilder()
                    .rmin(Math.max(rminFloor, settings.get(settings.size() - 1).rmin() / 2))
                    .changeTolerance(Math.max(params.changeTolerance(), params.continuationTolerance()))
                    .continuation(false).build();
            TopologyProblem coarse;
            try {
                coarse = GridContinuation.coarsen(last);
                coarse.validate(p);
            } catch (TopologyException e) {
                break; // the coarser grid cannot hold this problem (passive regions, supports): start here
            }
            grids.add(coarse);
            settings.add(p);
        }
        int levels = grids.size();
        double[] design = initial;
        TopologyResult last = null;
        for (int l = levels - 1; l >= 0; l--) {
            TopologyProblem p = grids.get(l);
            if (design != null && l < levels - 1) {
                design = GridContinuation.prolong(grids.get(l + 1).grid(), design, p.grid());
            }
            listener.level(levels - l, levels, p.grid());
            Run run = new Run(p, settings.get(l), par);
            TopologyResult r = run.loop(listener, cancelled, design);
            if (r.stopReason() != StopReason.CANCELLED) {
                if (l == 0) {
                    return r;
                }
                design = run.design;
                last = r;
                continue;
            }
            // cancelled before this grid's first iteration: the grid before holds the last iterate
            TopologyResult metrics = r.iterations() == 0 && last != null ? last : r;
            if (l == 0 && metrics == r) {
                return r;
            }
            design = run.design;
            for (int k = l - 1; k >= 0; k--) {
                design = GridContinuation.prolong(grids.get(k + 1).grid(), design, grids.get(k).grid());
            }
            // the last iterate's metrics and history, of the grid it was on; its design on the problem's grid
            StructuredGrid g = problem.grid();
            double volume = Arrays.stream(design).sum() / design.length;
            return new TopologyResult(g.nelx(), g.nely(), g.nelz(), design, metrics.compliance(), volume,
                    metrics.iterations(), metrics.secondsPerIteration(), metrics.complianceHistory(),
                    metrics.volumeHistory(), metrics.changeHistory(), StopReason.CANCELLED, r.solver(),
                    r.solverIterations());
        }
        throw new IllegalStateException("unreachable");
    }

    /** The state of one run. */
    private static final class Run {
        private final TopologyProblem problem;
        private final TopologyParameters params;
        private final Parallel par;
        private final StructuredGrid grid;
        private final int nel;
        private final double[] ke;
        private final StiffnessSolver solver;
        private final String solverName;
        private final DensityFilter filter;
        private final boolean[] active;
        private final double[] passiveValue;
        private final int passiveSolid;
        private final int[][] mirrors;
        private final double[][] forces;
        private final double[][] displacements;
        private double[] volumeWeights;
        private double beta = 1;
        /** The design variables at the end of {@link #loop}. */
        private double[] design;

        Run(TopologyProblem problem, TopologyParameters params, Parallel par) {
            this.problem = problem;
            this.params = params;
            this.par = par;
            this.grid = problem.grid();
            this.nel = grid.elementCount();
            double nu = problem.material().poissonRatio();
            this.ke = grid.is3d() ? Elements.ke3d(nu) : Elements.ke2d(nu);
            boolean[] fixed = problem.fixedDofs();
            int limit = grid.is3d() ? params.directDofLimit3d() : params.directDofLimit();
            boolean direct = params.solver() == SolverType.CHOLESKY
                    || (params.solver() == SolverType.AUTO && grid.dofCount() <= limit);
            if (direct) {
                solver = new CholeskyStiffnessSolver(grid, ke, fixed, par);
                solverName = "cholesky";
            } else {
                MultigridSolver mg = new MultigridSolver(grid, ke, fixed, par, params.cgTolerance(),
                        params.maxCgIterations(), params.coarseDofs());
                solver = mg;
                solverName = "multigrid-cg (" + mg.levels() + " levels)";
            }
            filter = new DensityFilter(grid, params.rmin(), par);
            active = new boolean[nel];
            passiveValue = new double[nel];
            Arrays.fill(active, true);
            for (int e : problem.passiveSolid()) {
                active[e] = false;
                passiveValue[e] = 1;
            }
            for (int e : problem.passiveVoid()) {
                active[e] = false;
            }
            passiveSolid = problem.passiveSolid().length;
            mirrors = problem.symmetries().stream().sorted().map(this::mirror).toArray(int[][]::new);
            forces = new double[problem.loadCases().size()][];
            displacements = new double[forces.length][];
            for (int k = 0; k < forces.length; k++) {
                forces[k] = problem.force(k);
                displacements[k] = new double[grid.dofCount()];
            }
        }

        private int[] mirror(Symmetry s) {
            int[] m = new int[nel];
            for (int e = 0; e < nel; e++) {
                m[e] = grid.mirror(e, s);
            }
            return m;
        }

        TopologyResult loop(IterationListener listener, BooleanSupplier cancelled, double[] initial) {
            FilterType ft = params.filter();
            double volfrac = params.volfrac();
            double penal = params.penal();
            Material mat = problem.material();
            double e0 = mat.youngsModulus();
            double emin = mat.minimumModulus();
            int activeCount = nel - passiveSolid - problem.passiveVoid().length;
            double start = (volfrac * nel - passiveSolid) / activeCount;
            double[] x = new double[nel];
            for (int e = 0; e < nel; e++) {
                x[e] = active[e] ? start : passiveValue[e];
            }
            if (initial != null) {
                startFrom(initial, x, start * activeCount);
            }
            double[] xTilde = new double[nel];
            double[] xPhys = new double[nel];
            physical(x, xTilde, xPhys);
            if (ft == FilterType.DENSITY) {
                double[] a = new double[nel];
                for (int e = 0; e < nel; e++) {
                    a[e] = active[e] ? 1 / filter.hs()[e] : 0;
                }
                volumeWeights = new double[nel];
                filter.apply(a, volumeWeights, par);
            }
            Mma mma = params.optimizer() == OptimizerType.MMA ? new Mma(nel, params.move()) : null;
            double[] moduli = new double[nel];
            double[] ce = new double[nel];
            double[] dc = new double[nel];
            double[] dv = new double[nel];
            double[] t1 = new double[nel];
            double[] t2 = new double[nel];
            double[] xnew = new double[nel];
            int max = params.maxIterations();
            double[] cHist = new double[Math.min(max, 4096)];
            double[] vHist = new double[cHist.length];
            double[] chHist = new double[cHist.length];
            int loop = 0;
            int loopBeta = 0;
            double change = 1;
            double c = Double.NaN;
            double firstC = Double.NaN;
            StopReason reason = StopReason.MAX_ITERATIONS;
            long t0 = System.nanoTime();
            while (true) {
                if (cancelled.getAsBoolean()) {
                    reason = StopReason.CANCELLED;
                    break;
                }
                if (change <= params.changeTolerance()) {
                    reason = StopReason.CONVERGED;
                    break;
                }
                if (loop >= max) {
                    break;
                }
                loop++;
                loopBeta++;
                // FE analysis
                double[] xp = xPhys;
                par.range(nel, 4096, (lo, hi) -> {
                    for (int e = lo; e < hi; e++) {
                        moduli[e] = emin + Math.pow(xp[e], penal) * (e0 - emin);
                    }
                });
                solver.update(moduli);
                Arrays.fill(ce, 0);
                for (int k = 0; k < forces.length; k++) {
                    solver.solve(forces[k], displacements[k]);
                    addElementEnergies(displacements[k], ce);
                }
                if (cancelled.getAsBoolean()) {
                    reason = StopReason.CANCELLED;
                    loop--;
                    break;
                }
                c = par.sum(nel, 4096, (lo, hi) -> {
                    double s = 0;
                    for (int e = lo; e < hi; e++) {
                        s += moduli[e] * ce[e];
                    }
                    return s;
                });
                if (Double.isNaN(firstC)) {
                    firstC = c;
                }
                for (int e = 0; e < nel; e++) {
                    dc[e] = -penal * (e0 - emin) * Math.pow(xPhys[e], penal - 1) * ce[e];
                    dv[e] = 1;
                }
                filterSensitivities(ft, x, xTilde, dc, dv, t1, t2);
                symmetrize(dc);
                symmetrize(dv);
                // update
                if (mma == null) {
                    oc(x, dc, dv, xnew, xTilde, xPhys, t1);
                } else {
                    System.arraycopy(x, 0, xnew, 0, nel);
                    double vol = 0;
                    for (int e = 0; e < nel; e++) {
                        vol += xPhys[e];
                    }
                    double scaleF = 100 / firstC;
                    double scaleG = 1 / (volfrac * nel);
                    for (int e = 0; e < nel; e++) {
                        t1[e] = dc[e] * scaleF;
                        t2[e] = dv[e] * scaleG;
                    }
                    mma.update(xnew, t1, vol * scaleG - 1, t2, active);
                    symmetrize(xnew);
                    physical(xnew, xTilde, xPhys);
                }
                change = 0;
                for (int e = 0; e < nel; e++) {
                    change = Math.max(change, Math.abs(xnew[e] - x[e]));
                }
                System.arraycopy(xnew, 0, x, 0, nel);
                double volume = Arrays.stream(xPhys).sum() / nel;
                if (loop > cHist.length) {
                    cHist = Arrays.copyOf(cHist, Math.min(max, 2 * cHist.length));
                    vHist = Arrays.copyOf(vHist, cHist.length);
                    chHist = Arrays.copyOf(chHist, cHist.length);
                }
                cHist[loop - 1] = c;
                vHist[loop - 1] = volume;
                chHist[loop - 1] = change;
                listener.iteration(loop, c, volume, change);
                listener.design(loop, xPhys, grid);
                if (ft == FilterType.HEAVISIDE && beta < params.betaMax()
                        && (loopBeta >= params.betaInterval() || change <= params.changeTolerance())) {
                    beta = Math.min(2 * beta, params.betaMax());
                    loopBeta = 0;
                    change = 1;
                    physical(x, xTilde, xPhys);
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            design = x;
            double volume = Arrays.stream(xPhys).sum() / nel;
            return new TopologyResult(grid.nelx(), grid.nely(), grid.nelz(), xPhys.clone(), c, volume, loop,
                    loop == 0 ? 0 : seconds / loop, Arrays.copyOf(cHist, loop), Arrays.copyOf(vHist, loop),
                    Arrays.copyOf(chHist, loop), reason, solverName, solver.innerIterations());
        }

        /**
         * x = the initial design on the active elements, clamped to [0.001, 1] and scaled (bisection on the factor,
         * clamping after scaling) so that the active elements hold {@code target}; symmetric if the problem is.
         */
        private void startFrom(double[] initial, double[] x, double target) {
            double[] v = new double[nel];
            for (int e = 0; e < nel; e++) {
                double d = initial[e];
                v[e] = active[e] ? (Double.isFinite(d) ? Math.max(1e-3, Math.min(1, d)) : 1e-3) : passiveValue[e];
            }
            symmetrize(v);
            double lo = 0;
            double hi = 1;
            while (activeSum(v, hi) < target && hi < 1e9) {
                hi *= 2;
            }
            for (int k = 0; k < 200 && (hi - lo) > 1e-14 * hi; k++) {
                double mid = 0.5 * (lo + hi);
                if (activeSum(v, mid) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double f = 0.5 * (lo + hi);
            for (int e = 0; e < nel; e++) {
                x[e] = active[e] ? Math.max(1e-3, Math.min(1, f * v[e])) : passiveValue[e];
            }
        }

        private double activeSum(double[] v, double f) {
            double s = 0;
            for (int e = 0; e < nel; e++) {
                if (active[e]) {
                    s += Math.max(1e-3, Math.min(1, f * v[e]));
                }
            }
            return s;
        }

        /** ce_e += u_e' KE u_e (unit modulus). */
        private void addElementEnergies(double[] u, double[] ce) {
            int nd = grid.elementDofs();
            int[] offsets = grid.localNodeOffsets();
            int dim = grid.dim();
            par.range(nel, 1024, (lo, hi) -> {
                double[] ue = new double[nd];
                for (int e = lo; e < hi; e++) {
                    int base = grid.baseNode(e);
                    for (int a = 0; a < offsets.length; a++) {
                        int n = (base + offsets[a]) * dim;
                        for (int k = 0; k < dim; k++) {
                            ue[a * dim + k] = u[n + k];
                        }
                    }
                    double s = 0;
                    for (int i = 0; i < nd; i++) {
                        double row = 0;
                        for (int j = 0; j < nd; j++) {
                            row += ke[i * nd + j] * ue[j];
                        }
                        s += row * ue[i];
                    }
                    ce[e] += s;
                }
            });
        }

        /** x -> (xTilde, xPhys) for the filter in use, with passive elements at their value. */
        private void physical(double[] x, double[] xTilde, double[] xPhys) {
            FilterType ft = params.filter();
            if (ft == FilterType.SENSITIVITY) {
                System.arraycopy(x, 0, xPhys, 0, nel);
                System.arraycopy(x, 0, xTilde, 0, nel);
            } else {
                filter.apply(x, xTilde, par);
                double[] hs = filter.hs();
                double b = beta;
                double eb = Math.exp(-b);
                for (int e = 0; e < nel; e++) {
                    xTilde[e] /= hs[e];
                    xPhys[e] = ft == FilterType.DENSITY ? xTilde[e] : 1 - Math.exp(-b * xTilde[e]) + xTilde[e] * eb;
                }
            }
            for (int e = 0; e < nel; e++) {
                if (!active[e]) {
                    xPhys[e] = passiveValue[e];
                }
            }
        }

        /** dc, dv with respect to the physical densities -> with respect to the design variables. */
        private void filterSensitivities(FilterType ft, double[] x, double[] xTilde, double[] dc, double[] dv,
                double[] t1, double[] t2) {
            double[] hs = filter.hs();
            if (ft == FilterType.SENSITIVITY) {
                for (int e = 0; e < nel; e++) {
                    t1[e] = x[e] * dc[e];
                }
                filter.apply(t1, t2, par);
                for (int e = 0; e < nel; e++) {
                    dc[e] = t2[e] / hs[e] / Math.max(1e-3, x[e]);
                }
                return;
            }
            double eb = Math.exp(-beta);
            for (int e = 0; e < nel; e++) {
                double dx = ft == FilterType.DENSITY ? 1 : beta * Math.exp(-beta * xTilde[e]) + eb;
                double a = active[e] ? dx / hs[e] : 0;
                t1[e] = dc[e] * a;
                t2[e] = dv[e] * a;
            }
            filter.apply(t1, dc, par);
            filter.apply(t2, dv, par);
        }

        /** Averages a field over the orbits of the mirror symmetries. */
        private void symmetrize(double[] f) {
            for (int[] m : mirrors) {
                for (int e = 0; e < nel; e++) {
                    int o = m[e];
                    if (o > e) {
                        double avg = 0.5 * (f[e] + f[o]);
                        f[e] = avg;
                        f[o] = avg;
                    }
                }
            }
        }

        /**
         * top88's optimality criteria update: bisection on the Lagrange multiplier of the volume, move limit.
         * {@code x sqrt(-dc/dv/lmid)} is computed as {@code x sqrt(-dc/dv) / sqrt(lmid)} with the first factor
         * once per update, and the volume is summed in the same parallel pass (the same arithmetic as top88 up to
         * rounding).
         */
        private void oc(double[] x, double[] dc, double[] dv, double[] xnew, double[] xTilde, double[] xPhys,
                double[] scaled) {
            double move = params.move();
            double target = params.volfrac() * nel;
            FilterType ft = params.filter();
            double l1 = 0;
            double l2 = 1e9;
            par.range(nel, 8192, (lo, hi) -> {
                for (int e = lo; e < hi; e++) {
                    scaled[e] = active[e] ? x[e] * Math.sqrt(Math.max(0, -dc[e] / dv[e])) : 0;
                }
            });
            boolean linear = ft != FilterType.HEAVISIDE && mirrors.length == 0;
            double[] weights = ft == FilterType.DENSITY ? volumeWeights : null;
            while ((l2 - l1) / (l1 + l2) > 1e-3) {
                double lmid = 0.5 * (l2 + l1);
                double f = 1 / Math.sqrt(lmid);
                double vol = par.sum(nel, 8192, (lo, hi) -> {
                    double sum = 0;
                    for (int e = lo; e < hi; e++) {
                        double xe = x[e];
                        double v = active[e]
                                ? Math.max(0, Math.max(xe - move, Math.min(1, Math.min(xe + move, scaled[e] * f))))
                                : xe;
                        xnew[e] = v;
                        sum += weights == null ? v : weights[e] * v;
                    }
                    return sum;
                });
                if (!linear) {
                    symmetrize(xnew);
                    if (ft == FilterType.HEAVISIDE) {
                        physical(xnew, xTilde, xPhys);
                        vol = 0;
                        for (int e = 0; e < nel; e++) {
                            vol += xPhys[e];
                        }
                    } else {
                        vol = 0;
                        for (int e = 0; e < nel; e++) {
                            vol += weights == null ? xnew[e] : weights[e] * xnew[e];
                        }
                    }
                }
                if (ft == FilterType.DENSITY) {
                    vol += passiveSolid;
                }
                if (vol > target) {
                    l1 = lmid;
                } else {
                    l2 = lmid;
                }
            }
            physical(xnew, xTilde, xPhys);
        }
    }
}
