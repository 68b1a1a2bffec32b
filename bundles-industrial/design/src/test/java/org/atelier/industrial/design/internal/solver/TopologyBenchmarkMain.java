package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times one optimisation run and prints it in top88.py's format, for {@code benchmarks/topology.sh}:
 * {@code PRESET NELX NELY NELZ VOLFRAC PENAL RMIN FT [--maxloop N] [--solver auto|cholesky|multigrid]
 * [--threads T] [--cg-tol TOL] [--time-limit SECONDS] [--mma] [--continuation]
 * [--continuation-tol TOL] [--continuation-elements N] [--verbose]}; a run past the time
 * limit is cancelled (stop=CANCELLED). With {@code --continuation}, {@code iterations} are the finest grid's and
 * {@code levels} lists each grid with its iterations and seconds. Not a test: run by the script only.
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
                case "--continuation" -> b.continuation(true);
                case "--continuation-tol" -> b.continuationTolerance(Double.parseDouble(args[++i]));
                case "--continuation-elements" -> b.continuationElements(Integer.parseInt(args[++i]));
                case "--time-limit" -> timeLimit = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean v = verbose;
        double limit = timeLimit;
        long t0 = System.nanoTime();
        List<String> levels = new ArrayList<>();
        int[] its = {0};
        long[] levelStart = {t0};
        String[] name = {""};
        IterationListener listener = new IterationListener() {
            @Override
            public void iteration(int it, double c, double vol, double ch) {
                its[0] = it;
                if (v) {
                    System.err.printf(Locale.ROOT, "%sit %d c=%.6f vol=%.4f ch=%.4f t=%.2fs%n", name[0], it, c, vol,
                            ch, (System.nanoTime() - t0) / 1e9);
                }
            }

            @Override
            public void level(int level, int count, StructuredGrid g) {
                closeLevel(levels, name[0], its[0], levelStart[0]);
                name[0] = g.nelx() + "x" + g.nely() + (g.is3d() ? "x" + g.nelz() : "") + ":";
                its[0] = 0;
                levelStart[0] = System.nanoTime();
            }
        };
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.byName(preset, nelx, nely, nelz), b.build(),
                listener, () -> (System.nanoTime() - t0) / 1e9 > limit);
        closeLevel(levels, name[0], its[0], levelStart[0]);
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "compliance=%.4f iterations=%d seconds=%.3f per_iteration=%.4f volume=%.4f "
                + "total_seconds=%.3f solver=%s stop=%s cg_iterations=%d change=%.4f levels=%s%n", r.compliance(),
                r.iterations(),
                r.secondsPerIteration() * r.iterations(), r.secondsPerIteration(), r.volume(), total,
                r.solver().replace(' ', '_'), r.stopReason(), r.solverIterations(),
                r.iterations() == 0 ? Double.NaN : r.changeHistory()[r.iterations() - 1],
                levels.isEmpty() ? "-" : String.join(",", levels));
    }

    private static void closeLevel(List<String> levels, String name, int iterations, long start) {
        if (!name.isEmpty()) {
            levels.add(String.format(Locale.ROOT, "%s%d_it_%.1fs", name, iterations, (System.nanoTime() - start) / 1e9));
        }
    }
}
