package org.atelier.industrial.design.internal.solver;

import java.util.Locale;

/**
 * Times one optimisation run and prints it in top88.py's format, for {@code benchmarks/topology.sh}:
 * {@code PRESET NELX NELY NELZ VOLFRAC PENAL RMIN FT [--maxloop N] [--solver auto|cholesky|multigrid]
 * [--threads T] [--cg-tol TOL] [--time-limit SECONDS] [--mma] [--verbose]}; a run past the time limit is cancelled
 * (stop=CANCELLED). Not a test: run by the script only.
 */
public final class TopologyBenchmarkMain {
    private TopologyBenchmarkMain() {
    }

    public static void main(String[] args) {
        String preset = args[0];
        int nelx = Integer.parseInt(args[1]);
        int nely = Integer.parseInt(args[2]);
        int nelz = Integer.parseInt(args[3]);
        TopologyParameters.Builder b = TopologyParameters.top88(Double.parseDouble(args[4]),
                Double.parseDouble(args[5]), Double.parseDouble(args[6]), Integer.parseInt(args[7])).toBuilder();
        boolean verbose = false;
        double timeLimit = Double.POSITIVE_INFINITY;
        for (int i = 8; i < args.length; i++) {
            switch (args[i]) {
                case "--maxloop" -> b.maxIterations(Integer.parseInt(args[++i]));
                case "--solver" -> b.solver(SolverType.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                case "--threads" -> b.parallelism(Integer.parseInt(args[++i]));
                case "--cg-tol" -> b.cgTolerance(Double.parseDouble(args[++i]));
                case "--verbose" -> verbose = true;
                case "--mma" -> b.optimizer(OptimizerType.MMA);
                case "--time-limit" -> timeLimit = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean v = verbose;
        double limit = timeLimit;
        long t0 = System.nanoTime();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.byName(preset, nelx, nely, nelz), b.build(),
                (it, c, vol, ch) -> {
                    if (v) {
                        System.err.printf(Locale.ROOT, "it %d c=%.6f vol=%.4f ch=%.4f t=%.2fs%n", it, c, vol, ch,
                                (System.nanoTime() - t0) / 1e9);
                    }
                }, () -> (System.nanoTime() - t0) / 1e9 > limit);
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "compliance=%.4f iterations=%d seconds=%.3f per_iteration=%.4f volume=%.4f "
                + "total_seconds=%.3f solver=%s stop=%s cg_iterations=%d change=%.4f%n", r.compliance(), r.iterations(),
                r.secondsPerIteration() * r.iterations(), r.secondsPerIteration(), r.volume(), total,
                r.solver().replace(' ', '_'), r.stopReason(), r.solverIterations(),
                r.iterations() == 0 ? Double.NaN : r.changeHistory()[r.iterations() - 1]);
    }
}
