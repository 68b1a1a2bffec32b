package org.atelier.industrial.design.internal.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GridContinuationTest {

    @Test
    void continuationNeedsFewerFineIterationsForNearlyTheSameCompliance() {
        TopologyParameters direct = TopologyParameters.top88(0.5, 3, 3, 1);
        TopologyParameters cont = direct.toBuilder().continuation(true).continuationElements(2_000).build();
        List<String> levels = new ArrayList<>();
        List<Double> lastChange = new ArrayList<>();
        IterationListener listener = new IterationListener() {
            @Override
            public void iteration(int iteration, double compliance, double volume, double change) {
                lastChange.set(lastChange.size() - 1, change);
            }

            @Override
            public void level(int level, int count, StructuredGrid grid) {
                levels.add(level + "/" + count + " " + grid.nelx() + "x" + grid.nely());
                lastChange.add(Double.NaN);
            }
        };
        TopologyResult a = TopologyOptimizer.run(TopologyPresets.mbb(120, 40, 0), direct, null, null);
        TopologyResult b = TopologyOptimizer.run(TopologyPresets.mbb(120, 40, 0), cont, listener, null);

        assertThat(levels).containsExactly("1/2 60x20", "2/2 120x40");
        // the coarser grid is converged as far as the finest (continuationTolerance defaults to changeTolerance):
        // what is left to change on the finest grid is then little
        assertThat(lastChange.get(0)).isLessThanOrEqualTo(0.01);
        assertThat(a.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(b.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(b.iterations()).isLessThan(a.iterations());
        assertThat(b.complianceHistory()).hasSize(b.iterations());
        assertThat(b.compliance()).isCloseTo(a.compliance(), within(0.03 * a.compliance()));
        assertThat(b.volume()).isCloseTo(0.5, within(1e-3));
        assertThat(b.densities()).hasSize(120 * 40);
    }

    @Test
    void continuationIsOffByDefaultAndBelowTheElementCount() {
        assertThat(TopologyParameters.builder().build().continuation()).isFalse();
        List<Integer> levels = new ArrayList<>();
        TopologyParameters p = TopologyParameters.top88(0.5, 3, 1.5, 1).toBuilder().continuation(true).build();
        TopologyOptimizer.run(TopologyPresets.mbb(60, 20, 0), p, new IterationListener() {
            @Override
            public void iteration(int iteration, double compliance, double volume, double change) {
            }

            @Override
            public void level(int level, int count, StructuredGrid grid) {
                levels.add(count);
            }
        }, null);
        assertThat(levels).containsExactly(1);
    }

    @Test
    void theInitialDesignKeepsPassiveValuesAndTheVolume() {
        TopologyProblem.Builder b = TopologyProblem.builder(40, 20);
        TopologyProblem mbb = TopologyPresets.mbb(40, 20, 0);
        mbb.loadCases().forEach(b::loadCase);
        b.supports(mbb.supports());
        StructuredGrid g = b.grid();
        b.passiveSolid(g.element(0, 0), g.element(1, 0), g.element(2, 0));
        b.passiveVoid(g.element(20, 10), g.element(21, 10));
        TopologyProblem problem = b.build();
        double[] initial = new double[g.elementCount()];
        Random random = new Random(7);
        Arrays.setAll(initial, e -> random.nextDouble());
        initial[g.element(0, 0)] = 0;
        initial[g.element(20, 10)] = 1;
        TopologyParameters p = TopologyParameters.top88(0.4, 3, 1.5, 1);

        // cancelled before the first iteration: the result holds the starting design
        TopologyResult start = TopologyOptimizer.run(problem, p, initial, null, () -> true);
        assertThat(start.stopReason()).isEqualTo(StopReason.CANCELLED);
        double[] d = start.densities();
        assertThat(d[g.element(0, 0)]).isEqualTo(1);
        assertThat(d[g.element(2, 0)]).isEqualTo(1);
        assertThat(d[g.element(20, 10)]).isEqualTo(0);
        assertThat(d[g.element(21, 10)]).isEqualTo(0);
        assertThat(Arrays.stream(d).sum() / d.length).isCloseTo(0.4, within(1e-6));
        assertThat(Arrays.stream(d).min().getAsDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(d).max().getAsDouble()).isLessThanOrEqualTo(1);
        // ordering of the active elements is kept (a scaling)
        int e1 = g.element(10, 5);
        int e2 = g.element(30, 15);
        assertThat(Math.signum(d[e1] - d[e2])).isEqualTo(Math.signum(initial[e1] - initial[e2]));

        TopologyResult r = TopologyOptimizer.run(problem, p.toBuilder().maxIterations(5).build(), initial, null, null);
        assertThat(r.densities()[g.element(1, 0)]).isEqualTo(1);
        assertThat(r.densities()[g.element(21, 10)]).isEqualTo(0);
        assertThat(r.volume()).isCloseTo(0.4, within(1e-3));

        assertThatThrownBy(() -> TopologyOptimizer.run(problem, p, new double[3], null, null))
                .isInstanceOfSatisfying(TopologyException.class, e -> assertThat(e.field()).isEqualTo("initial"));
    }

    @Test
    void coarseningKeepsTheTotalForceAndPassiveRegions() {
        TopologyProblem.Builder b = TopologyProblem.builder(8, 4);
        StructuredGrid g = b.grid();
        b.loadCase(LoadCase.of(PointLoad.of(g.node(3, 0), 0, -2), PointLoad.of(g.node(8, 4), 1, 0)));
        b.supports(Support.on(g.nodes(0, 0, 0, 4, 0, 0), true, true, false));
        b.passiveSolid(g.element(0, 0), g.element(1, 0), g.element(0, 1));
        b.passiveVoid(g.element(6, 2));
        TopologyProblem coarse = GridContinuation.coarsen(b.build());
        StructuredGrid c = coarse.grid();

        assertThat(c.nelx()).isEqualTo(4);
        assertThat(c.nely()).isEqualTo(2);
        double fy = coarse.loadCases().get(0).loads().stream().mapToDouble(PointLoad::fy).sum();
        double fx = coarse.loadCases().get(0).loads().stream().mapToDouble(PointLoad::fx).sum();
        assertThat(fy).isEqualTo(-2);
        assertThat(fx).isEqualTo(1);
        assertThat(coarse.loadCases().get(0).loads()).extracting(PointLoad::node)
                .containsExactly(c.node(1, 0), c.node(2, 0), c.node(4, 2));
        assertThat(coarse.supports()).extracting(Support::node)
                .containsExactlyInAnyOrder(c.node(0, 0), c.node(0, 1), c.node(0, 2));
        assertThat(coarse.passiveSolid()).containsExactly(c.element(0, 0));
        assertThat(coarse.passiveVoid()).isEmpty();
    }

    @Test
    void prolongationKeepsConstantsAndInterpolatesBetweenCentres() {
        StructuredGrid c = new StructuredGrid(2, 1, 0);
        StructuredGrid f = new StructuredGrid(4, 2, 0);
        double[] fine = GridContinuation.prolong(c, new double[] {0.3, 0.3}, f);
        assertThat(Arrays.stream(fine).min().getAsDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(Arrays.stream(fine).max().getAsDouble()).isCloseTo(0.3, within(1e-12));
        fine = GridContinuation.prolong(c, new double[] {0, 1}, f);
        assertThat(fine[f.element(0, 0)]).isEqualTo(0);
        assertThat(fine[f.element(1, 1)]).isCloseTo(0.25, within(1e-12));
        assertThat(fine[f.element(2, 0)]).isCloseTo(0.75, within(1e-12));
        assertThat(fine[f.element(3, 1)]).isEqualTo(1);

        StructuredGrid c3 = new StructuredGrid(2, 2, 2);
        StructuredGrid f3 = new StructuredGrid(4, 4, 4);
        double[] v = new double[8];
        Arrays.fill(v, 0.7);
        double[] f3v = GridContinuation.prolong(c3, v, f3);
        assertThat(f3v).hasSize(64);
        assertThat(Arrays.stream(f3v).min().getAsDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(Arrays.stream(f3v).max().getAsDouble()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void aCancelOnACoarseGridStopsWithinOneIteration() {
        AtomicInteger seen = new AtomicInteger();
        TopologyParameters p = TopologyParameters.top88(0.5, 3, 3, 1).toBuilder().continuation(true)
                .continuationElements(2_000).build();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.mbb(120, 40, 0), p,
                (iteration, compliance, volume, change) -> seen.incrementAndGet(), () -> seen.get() >= 3);

        assertThat(seen.get()).isEqualTo(3);
        assertThat(r.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(r.densities()).hasSize(120 * 40);
        // the last iterate's metrics and history are kept (they were 0 iterations and a NaN compliance)
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.complianceHistory()).hasSize(3).doesNotContain(Double.NaN);
        assertThat(r.compliance()).isEqualTo(r.complianceHistory()[2]);
    }

    @Test
    void threeDContinuationConverges() {
        TopologyParameters p = TopologyParameters.top88(0.3, 3, 1.5, 2).toBuilder().continuation(true)
                .continuationElements(500).build();
        TopologyResult r = TopologyOptimizer.run(TopologyPresets.cantilever(24, 8, 8), p, null, null);
        assertThat(r.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(r.densities()).hasSize(24 * 8 * 8);
        assertThat(r.volume()).isCloseTo(0.3, within(2e-3));
    }
}
