package org.atelier.industrial.design.internal.solver;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProblemModelTest {

    @Test
    void numberingFollowsTop88() {
        StructuredGrid g = new StructuredGrid(60, 20, 0);
        assertThat(g.node(0, 0)).isZero();
        assertThat(g.node(1, 0)).isEqualTo(21);
        assertThat(g.element(2, 3)).isEqualTo(3 + 2 * 20);
        int[] dofs = new int[8];
        g.elementDofs(0, dofs);
        // top88 edofMat row 1 (zero-based): 2, 3, 44, 45, 42, 43, 0, 1
        assertThat(dofs).containsExactly(2, 3, 44, 45, 42, 43, 0, 1);
        StructuredGrid g3 = new StructuredGrid(4, 3, 2);
        assertThat(g3.element(1, 2, 1)).isEqualTo(2 + 1 * 3 + 1 * 4 * 3);
        assertThat(g3.node(1, 2, 1)).isEqualTo(2 + 1 * 4 + 1 * 5 * 4);
        assertThat(g3.nodeX(g3.node(3, 1, 2))).isEqualTo(3);
        assertThat(g3.nodeY(g3.node(3, 1, 2))).isEqualTo(1);
        assertThat(g3.nodeZ(g3.node(3, 1, 2))).isEqualTo(2);
    }

    @Test
    void edgeAndFaceHelpersGiveTheirNodes() {
        StructuredGrid g = new StructuredGrid(6, 4, 0);
        assertThat(g.left()).containsExactly(0, 1, 2, 3, 4);
        assertThat(g.bottom()).hasSize(7);
        assertThat(Arrays.stream(g.bottom()).allMatch(n -> g.nodeY(n) == 4)).isTrue();
        StructuredGrid g3 = new StructuredGrid(6, 4, 2);
        assertThat(g3.front()).hasSize(7 * 5);
        assertThat(Arrays.stream(g3.front()).allMatch(n -> g3.nodeZ(n) == 0)).isTrue();
        assertThat(g3.right()).hasSize(5 * 3);
        assertThat(Arrays.stream(g3.right()).allMatch(n -> g3.nodeX(n) == 6)).isTrue();
    }

    @Test
    void distributedLoadIsConsistentAndAddsUpToTheTotal() {
        StructuredGrid g = new StructuredGrid(4, 2, 0);
        LoadCase top = LoadCase.distributed(g, 0, 4, 0, 0, 0, 0, 0, -8, 0);
        assertThat(top.loads()).extracting(PointLoad::fy).containsExactly(-1.0, -2.0, -2.0, -2.0, -1.0);
        StructuredGrid g3 = new StructuredGrid(2, 2, 2);
        LoadCase face = LoadCase.distributed(g3, 0, 2, 0, 0, 0, 2, 0, -1, 0);
        assertThat(face.loads().stream().mapToDouble(PointLoad::fy).sum()).isCloseTo(-1, within(1e-15));
        assertThat(face.loads().stream().mapToDouble(PointLoad::fy).min().orElseThrow()).isCloseTo(-0.25, within(1e-15));
    }

    @Test
    void presetsAreSolvable() {
        TopologyParameters p = TopologyParameters.builder().volfrac(0.4).maxIterations(3).build();
        for (String name : new String[] {"mbb", "cantilever", "l-bracket", "bridge"}) {
            for (int nelz : new int[] {0, 4}) {
                TopologyResult r = TopologyOptimizer.run(TopologyPresets.byName(name, 12, 8, nelz), p, null, null);
                assertThat(r.iterations()).as(name + " nelz " + nelz).isEqualTo(3);
                assertThat(r.compliance()).as(name + " nelz " + nelz).isPositive().isFinite();
                assertThat(Arrays.stream(r.densities()).allMatch(d -> d >= 0 && d <= 1)).isTrue();
            }
        }
        TopologyResult bottom = TopologyOptimizer.run(TopologyPresets.bridge(12, 8, 0, false), p, null, null);
        assertThat(bottom.compliance()).isPositive();
    }

    @Test
    void mbbPresetIsTop88sHalfBeam() {
        TopologyProblem mbb = TopologyPresets.mbb(60, 20, 0);
        double[] f = mbb.force(0);
        assertThat(f[1]).isEqualTo(-1);
        assertThat(Arrays.stream(f).filter(v -> v != 0).count()).isEqualTo(1);
        boolean[] fixed = mbb.fixedDofs();
        int ndof = 2 * 61 * 21;
        for (int dof = 0; dof < ndof; dof++) {
            boolean expected = (dof < 2 * 21 && dof % 2 == 0) || dof == ndof - 1;
            assertThat(fixed[dof]).as("dof %d fixed", dof).isEqualTo(expected);
        }
    }
}
