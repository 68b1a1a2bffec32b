package org.atelier.industrial.design.internal.solver;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TopologyOptimizerTest {

    private static final TopologyParameters MBB = TopologyParameters.top88(0.5, 3, 1.5, 1);

    @Test
    void densityFilterMatchesTop88Ft2() {
        // python3 tools/top88.py 60 20 0.5 3 1.5 2 -> compliance=218.8032 iterations=127
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0),
                TopologyParameters.top88(0.5, 3, 1.5, 2), null, null);

        assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(r.compliance()).isCloseTo(218.8032, within(218.8032 * 1e-3));
        assertThat(r.volume()).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void heavisideFilterConvergesToANearlyBlackAndWhiteDesign() {
        TopologyParameters p = TopologyParameters.top88(0.5, 3, 1.5, 3).toBuilder().betaMax(16).build();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0), p, null, null);
        TopologyResult density = TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0),
                TopologyParameters.top88(0.5, 3, 1.5, 2), null, null);

        assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(r.volume()).isCloseTo(0.5, within(2e-3));
        assertThat(grayness(r.densities())).as("share of intermediate densities").isLessThan(0.5 * grayness(density.densities()));
        assertThat(r.compliance()).isBetween(0.85 * density.compliance(), 1.1 * density.compliance());
    }

    @Test
    void mmaReachesAboutTheComplianceOfOc() {
        TopologyResult oc = TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0), MBB, null, null);
        TopologyResult mma = TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0),
                MBB.toBuilder().optimizer(OptimizerType.MMA).build(), null, null);

        assertThat(mma.volume()).isCloseTo(0.5, within(5e-3));
        assertThat(mma.compliance()).isCloseTo(oc.compliance(), within(0.03 * oc.compliance()));
    }

    @Test
    void smallThreeDimensionalCantileverConverges() {
        TopologyParameters p = TopologyParameters.builder().volfrac(0.3).rmin(1.5).maxIterations(300).build();
        List<Double> compliances = new ArrayList<>();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.cantilever(16, 8, 4), p,
                (it, c, v, ch) -> compliances.add(c), null);

        assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(r.nelz()).isEqualTo(4);
        assertThat(r.densities()).hasSize(16 * 8 * 4);
        assertThat(r.volume()).isCloseTo(0.3, within(2e-3));
        assertThat(r.compliance()).isLessThan(0.5 * compliances.get(0));
    }

    @Test
    void threeDimensionalMultigridAndCholeskyRunsAgree() {
        TopologyParameters p = TopologyParameters.builder().volfrac(0.3).maxIterations(5).build();
        TopologyResult direct = TopologyOptimizer.run(TopologyPresets.cantilever(12, 6, 4),
                p.toBuilder().solver(SolverType.CHOLESKY).build(), null, null);
        TopologyResult mg = TopologyOptimizer.run(TopologyPresets.cantilever(12, 6, 4),
                p.toBuilder().solver(SolverType.MULTIGRID).coarseDofs(200).cgTolerance(1e-10).build(), null, null);

        assertThat(mg.solver()).startsWith("multigrid-cg");
        assertThat(mg.compliance()).isCloseTo(direct.compliance(), within(1e-6 * direct.compliance()));
    }

    @Test
    void symmetryGivesAMirroredDesign() {
        TopologyProblem problem = TopologyProblem.builder(40, 20)
                .loadCase(LoadCase.of(PointLoad.of(new StructuredGrid(40, 20, 0).node(15, 20), 0, -1)))
                .supports(Support.on(new StructuredGrid(40, 20, 0).left(), true, true, false))
                .supports(Support.on(new StructuredGrid(40, 20, 0).right(), true, true, false))
                .symmetry(Symmetry.X)
                .build();
        TopologyResult r = TopologyOptimizer.run(problem, MBB.toBuilder().maxIterations(30).build(), null, null);

        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                assertThat(r.density(x, y, 0)).as("element %d,%d against its mirror", x, y)
                        .isCloseTo(r.density(39 - x, y, 0), within(1e-12));
            }
        }
    }

    @Test
    void passiveRegionsKeepTheirDensities() {
        TopologyProblem bracket = TopologyPresets.lBracket(40, 40, 0);
        StructuredGrid g = bracket.grid();
        TopologyProblem problem = TopologyProblem.builder(40, 40)
                .loadCase(bracket.loadCases().get(0)).supports(bracket.supports())
                .passiveVoid(bracket.passiveVoid())
                .passiveSolid(g.element(5, 30), g.element(6, 30), g.element(5, 31), g.element(6, 31))
                .build();
        for (FilterType f : FilterType.values()) {
            TopologyParameters p = MBB.toBuilder().volfrac(0.4).filter(f).maxIterations(20).build();
            TopologyResult r = TopologyOptimizer.run(problem, p, null, null);
            for (int e : bracket.passiveVoid()) {
                assertThat(r.densities()[e]).as("%s: passive void element %d", f, e).isZero();
            }
            assertThat(r.density(5, 30, 0)).as("%s: passive solid", f).isEqualTo(1);
            assertThat(r.density(6, 31, 0)).as("%s: passive solid", f).isEqualTo(1);
            assertThat(r.volume()).isCloseTo(0.4, within(5e-3));
        }
    }

    @Test
    void loadCasesAddTheirCompliances() {
        TopologyProblem one = TopologyPresets.mbb(30, 10, 0);
        TopologyProblem two = TopologyProblem.builder(30, 10).supports(one.supports())
                .loadCase(one.loadCases().get(0)).loadCase(one.loadCases().get(0)).build();
        TopologyParameters p = MBB.toBuilder().maxIterations(1).build();

        double c1 = TopologyOptimizer.run(one, p, null, null).compliance();
        double c2 = TopologyOptimizer.run(two, p, null, null).compliance();

        assertThat(c2).isCloseTo(2 * c1, within(1e-9 * c1));
    }

    @Test
    void cancelStopsWithinOneIteration() {
        AtomicInteger seen = new AtomicInteger();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0), MBB,
                (it, c, v, ch) -> seen.set(it), () -> seen.get() >= 3);

        assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.complianceHistory()).hasSize(3);
    }

    @Test
    void listenerSeesEveryIterationAndHistoryMatches() {
        List<double[]> calls = new ArrayList<>();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.mbb(30, 10, 0), MBB.toBuilder().maxIterations(7).build(),
                (it, c, v, ch) -> calls.add(new double[] {it, c, v, ch}), null);

        assertThat(r.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
        assertThat(calls).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(calls.get(i)[0]).isEqualTo(i + 1);
            assertThat(calls.get(i)[1]).isEqualTo(r.complianceHistory()[i]);
            assertThat(calls.get(i)[2]).isEqualTo(r.volumeHistory()[i]);
            assertThat(calls.get(i)[3]).isEqualTo(r.changeHistory()[i]);
        }
    }

    private static double grayness(double[] x) {
        long gray = java.util.Arrays.stream(x).filter(v -> v > 0.1 && v < 0.9).count();
        return (double) gray / x.length;
    }
}
