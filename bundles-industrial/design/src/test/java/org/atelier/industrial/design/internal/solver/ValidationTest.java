package org.atelier.industrial.design.internal.solver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ValidationTest {

    private static final TopologyParameters P = TopologyParameters.builder().maxIterations(3).build();

    @Test
    void nonPositiveSizesNameTheField() {
        assertThatThrownBy(() -> TopologyProblem.builder(0, 10))
                .isInstanceOf(TopologyException.class).hasMessageContaining("nelx").extracting("field").isEqualTo("nelx");
        assertThatThrownBy(() -> TopologyPresets.mbb(10, -2, 0)).hasMessageContaining("nely: must be positive");
        assertThatThrownBy(() -> TopologyProblem.builder(10, 10, -1)).hasMessageContaining("nelz");
    }

    @Test
    void volfracOutsideTheOpenUnitIntervalIsRefused() {
        for (double v : new double[] {0, 1, -0.1, 1.5}) {
            assertThatThrownBy(() -> TopologyOptimizer.run(TopologyPresets.mbb(10, 5, 0),
                    P.toBuilder().volfrac(v).build(), null, null))
                    .isInstanceOf(TopologyException.class).hasMessageStartingWith("volfrac: must be in (0, 1)");
        }
    }

    @Test
    void aPassiveRegionMustBeSymmetricWhenTheDesignIs() {
        StructuredGrid g = new StructuredGrid(10, 6, 0);
        TopologyProblem.Builder lopsided = TopologyProblem.builder(10, 6)
                .supports(Support.on(g.left(), true, true, false))
                .loadCase(LoadCase.of(PointLoad.of(g.node(10, 3, 0), 0, -1)))
                .passiveSolid(g.element(1, 0, 0)).symmetry(Symmetry.Y);

        assertThatThrownBy(() -> TopologyOptimizer.run(lopsided.build(), P, null, null))
                .isInstanceOf(TopologyException.class).extracting("field").isEqualTo("passiveSolid");
        assertThatThrownBy(() -> TopologyOptimizer.run(lopsided.build(), P, null, null))
                .hasMessageContaining("not symmetric about the y mid-plane")
                .hasMessageContaining("element (1, 0) is in it, its mirror image (1, 5) is not");

        TopologyResult r = TopologyOptimizer.run(lopsided.passiveSolid(g.element(1, 5, 0)).build(), P, null, null);
        assertThat(r.densities()[g.element(1, 0, 0)]).isEqualTo(1.0);
        assertThat(r.densities()[g.element(1, 5, 0)]).isEqualTo(1.0);
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 6; y++) {
                assertThat(r.densities()[g.element(x, y, 0)]).as("(%d, %d)", x, y)
                        .isCloseTo(r.densities()[g.element(x, 5 - y, 0)], within(1e-12));
            }
        }
    }

    @Test
    void aLoadOutsideTheMeshIsRefused() {
        StructuredGrid g = new StructuredGrid(10, 5, 0);
        TopologyProblem p = TopologyProblem.builder(10, 5).supports(Support.on(g.left(), true, true, false))
                .loadCase(LoadCase.of(PointLoad.of(g.nodeCount(), 0, -1))).build();

        assertThatThrownBy(() -> TopologyOptimizer.run(p, P, null, null))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("loads: load case 0: node 66 is outside the mesh");
    }

    @Test
    void tooFewSupportsAskForMoreSupports() {
        StructuredGrid g = new StructuredGrid(10, 5, 0);
        // rollers only in y: the structure can slide in x
        TopologyProblem sliding = TopologyProblem.builder(10, 5).supports(Support.on(g.bottom(), false, true, false))
                .loadCase(LoadCase.of(PointLoad.of(g.node(5, 0), 0, -1))).build();
        assertThatThrownBy(() -> TopologyOptimizer.run(sliding, P, null, null))
                .isInstanceOf(SingularStiffnessException.class)
                .hasMessageContaining("translation in x").hasMessageContaining("add supports to");
        // a single pin: it can turn about it
        TopologyProblem pinned = TopologyProblem.builder(10, 5).support(new Support(g.node(0, 5), true, true, false))
                .loadCase(LoadCase.of(PointLoad.of(g.node(5, 0), 0, -1))).build();
        assertThatThrownBy(() -> TopologyOptimizer.run(pinned, P, null, null))
                .hasMessageContaining("rotation").hasMessageContaining("add supports to");
        // 3D: a clamped line lets it turn about that line
        StructuredGrid g3 = new StructuredGrid(4, 4, 4);
        TopologyProblem hinge = TopologyProblem.builder(4, 4, 4)
                .supports(Support.on(g3.nodes(0, 0, 4, 4, 0, 4), true, true, true))
                .loadCase(LoadCase.of(new PointLoad(g3.node(4, 0, 2), 0, -1, 0))).build();
        assertThatThrownBy(() -> TopologyOptimizer.run(hinge, P, null, null))
                .hasMessageContaining("rotation about z").hasMessageContaining("add supports to");
        // no supports at all
        TopologyProblem none = TopologyProblem.builder(10, 5)
                .loadCase(LoadCase.of(PointLoad.of(g.node(5, 0), 0, -1))).build();
        assertThatThrownBy(() -> TopologyOptimizer.run(none, P, null, null))
                .extracting("field").isEqualTo("supports");
    }

    @Test
    void theElementLimitIsEnforced() {
        assertThatThrownBy(() -> TopologyOptimizer.run(TopologyPresets.mbb(100, 50, 0),
                P.toBuilder().elementLimit(1000).build(), null, null))
                .hasMessageContaining("elements: 100x50 has 5000 elements, more than the limit of 1000");
    }

    @Test
    void otherBadInputsNameTheirField() {
        TopologyProblem mbb = TopologyPresets.mbb(10, 5, 0);
        assertThatThrownBy(() -> TopologyOptimizer.run(mbb, P.toBuilder().rmin(0).build(), null, null))
                .hasMessageStartingWith("rmin:");
        assertThatThrownBy(() -> TopologyOptimizer.run(mbb, P.toBuilder().penal(0.5).build(), null, null))
                .hasMessageStartingWith("penal:");
        assertThatThrownBy(() -> TopologyOptimizer.run(TopologyProblem.builder(10, 5).supports(mbb.supports()).build(),
                P, null, null)).hasMessageStartingWith("loads: there is no load case");
        assertThatThrownBy(() -> TopologyOptimizer.run(TopologyProblem.builder(10, 5).supports(mbb.supports())
                .loadCase(mbb.loadCases().get(0)).material(new Material(1, 0.6, 1e-9)).build(), P, null, null))
                .hasMessageStartingWith("material.poissonRatio:");
        assertThatThrownBy(() -> TopologyPresets.byName("bicycle", 10, 5, 0)).hasMessageStartingWith("preset:");
    }
}
